import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { FieldbookApi } from '../../../shared/api/contract';
import type { NotebookInfo } from '../../../shared/model/notebook';
import { NotebookChooser } from './NotebookChooser';

interface NotebookDialogProps {
  api: FieldbookApi;
  notebook: NotebookInfo;
  canChooseFolder: boolean;
  open: boolean;
  onClose(): void;
}

/** Rename this notebook, or switch to another (see NotebookChooser). */
export function NotebookDialog({ api, notebook, canChooseFolder, open, onClose }: NotebookDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState(notebook.name);
  const [status, setStatus] = useState('');
  const nameId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      setName(notebook.name);
      setStatus('');
      element.showModal();
    } else if (!open && element.open) element.close();
  }, [open, notebook.name]);

  const rename = async (event: FormEvent) => {
    event.preventDefault();
    setStatus('Working…');
    try {
      await api.call('notebook.rename', { name });
      setStatus('Renamed.');
    } catch (error) {
      setStatus(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <dialog ref={dialog} className="notebook-dialog" aria-labelledby="notebook-dialog-title" onClose={onClose}>
      <header className="dialog-header">
        <h2 id="notebook-dialog-title">Notebook</h2>
        <button type="button" onClick={onClose} aria-label="Close">
          ✕
        </button>
      </header>
      <form className="dialog-section" onSubmit={(event) => void rename(event)}>
        <label htmlFor={nameId}>Name of this notebook</label>
        <div className="inline-form">
          <input id={nameId} type="text" dir="auto" value={name} maxLength={200} onChange={(event) => setName(event.target.value)} />
          <button type="submit" disabled={!name.trim() || name.trim() === notebook.name}>
            Rename
          </button>
        </div>
        <p className="hint" dir="auto">
          {notebook.path}
        </p>
        <p role="status" className="form-status" dir="auto">
          {status}
        </p>
      </form>
      {/* Mounted only while open, so the recent list is read afresh each time. */}
      {open && <NotebookChooser api={api} canChooseFolder={canChooseFolder} currentPath={notebook.path} onOpened={onClose} />}
    </dialog>
  );
}
