import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { FieldbookApi } from '../../../shared/api/contract';
import type { NotebookInfo, RecentNotebook } from '../../../shared/model/notebook';

interface NotebookDialogProps {
  api: FieldbookApi;
  notebook: NotebookInfo;
  open: boolean;
  onClose(): void;
}

/** Rename this notebook, switch to a recent one, or open or create one by its folder. */
export function NotebookDialog({ api, notebook, open, onClose }: NotebookDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState(notebook.name);
  const [folder, setFolder] = useState('');
  const [recent, setRecent] = useState<RecentNotebook[]>([]);
  const [status, setStatus] = useState('');
  const nameId = useId();
  const folderId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      setName(notebook.name);
      setStatus('');
      element.showModal();
      api.call('notebook.recent', {}).then(setRecent, () => setRecent([]));
    } else if (!open && element.open) element.close();
  }, [open, api, notebook.name]);

  const attempt = async (work: () => Promise<unknown>, done: string) => {
    setStatus('Working…');
    try {
      await work();
      setStatus(done);
      return true;
    } catch (error) {
      setStatus(error instanceof Error ? error.message : String(error));
      return false;
    }
  };

  const rename = (event: FormEvent) => {
    event.preventDefault();
    void attempt(() => api.call('notebook.rename', { name }), 'Renamed.');
  };
  const openFolder = async (create: boolean) => {
    if (await attempt(() => api.call(create ? 'notebook.create' : 'notebook.open', { path: folder.trim() }), create ? 'Created.' : 'Opened.')) onClose();
  };
  const openRecent = async (path: string) => {
    if (await attempt(() => api.call('notebook.open', { path }), 'Opened.')) onClose();
  };

  return (
    <dialog ref={dialog} className="notebook-dialog" aria-labelledby="notebook-dialog-title" onClose={onClose}>
      <header className="dialog-header">
        <h2 id="notebook-dialog-title">Notebook</h2>
        <button type="button" onClick={onClose} aria-label="Close">
          ✕
        </button>
      </header>
      <form className="dialog-section" onSubmit={rename}>
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
      </form>
      <section className="dialog-section" aria-labelledby="recent-title">
        <h3 id="recent-title">Recent notebooks</h3>
        <ul className="recent-list">
          {recent.map((entry) => (
            <li key={entry.path}>
              <span dir="auto" className="recent-name">
                {entry.name}
              </span>
              <span dir="auto" className="hint recent-path">
                {entry.path}
              </span>
              {entry.path === notebook.path ? (
                <span className="hint">Open now</span>
              ) : (
                <button type="button" onClick={() => void openRecent(entry.path)} aria-label={`Open ${entry.name}`}>
                  Open
                </button>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section className="dialog-section" aria-labelledby="folder-title">
        <h3 id="folder-title">Another notebook</h3>
        <label htmlFor={folderId}>Folder on this computer</label>
        <div className="inline-form">
          <input id={folderId} type="text" dir="auto" placeholder="/home/you/Notebooks/Iraq 2026" value={folder} onChange={(event) => setFolder(event.target.value)} />
          <button type="button" disabled={!folder.trim()} onClick={() => void openFolder(false)}>
            Open
          </button>
          <button type="button" disabled={!folder.trim()} onClick={() => void openFolder(true)}>
            Create
          </button>
        </div>
        <p className="hint">Create makes a new notebook in a missing or empty folder. Only one Fieldbook at a time can have a notebook open.</p>
      </section>
      <p role="status" className="form-status" dir="auto">
        {status}
      </p>
    </dialog>
  );
}
