import { useId, useState, type FormEvent } from 'react';
import type { FieldbookApi } from '../../../shared/api/contract';
import type { NotebookInfo } from '../../../shared/model/notebook';
import { Modal } from '../forms/Modal';
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
  // Mounted only while open, so the name field starts from the notebook's name and the recent list is read afresh each time.
  return (
    <Modal open={open} title="Notebook" className="notebook-dialog" onClose={onClose}>
      <RenameForm api={api} notebook={notebook} />
      <NotebookChooser api={api} canChooseFolder={canChooseFolder} currentPath={notebook.path} onOpened={onClose} />
    </Modal>
  );
}

function RenameForm({ api, notebook }: { api: FieldbookApi; notebook: NotebookInfo }) {
  const [name, setName] = useState(notebook.name);
  const [status, setStatus] = useState('');
  const nameId = useId();

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
  );
}
