import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { FieldbookApi } from '../../../shared/api/contract';
import type { RecentNotebookEntry } from '../../../shared/model/notebook';

interface NotebookChooserProps {
  api: FieldbookApi;
  /** Whether the host can show a folder dialog (app.info); otherwise the way to open another folder is told, not offered. */
  canChooseFolder: boolean;
  /** The open notebook's path, marked in the recent list; none when no notebook is open. */
  currentPath?: string;
  /** Called once another notebook is open. */
  onOpened(): void;
}

/**
 * Switch to a recent notebook, make a new one, or open a folder through the
 * host's own dialog. The page never names a folder: recent notebooks go by
 * the handles main gave them, new ones where main keeps them.
 */
export function NotebookChooser({ api, canChooseFolder, currentPath, onOpened }: NotebookChooserProps) {
  const [recent, setRecent] = useState<RecentNotebookEntry[]>([]);
  const [name, setName] = useState('');
  const [status, setStatus] = useState('');
  const nameId = useId();
  const recentId = useId();
  const newId = useId();
  const folderId = useId();

  useEffect(() => {
    api.call('notebook.recent', {}).then(setRecent, () => setRecent([]));
  }, [api]);

  const attempt = useCallback(
    async (work: () => Promise<unknown>) => {
      setStatus('Working…');
      try {
        // A cancelled folder dialog answers null: nothing opened, nothing to say.
        if ((await work()) === null) return setStatus('');
        setStatus('');
        onOpened();
      } catch (error) {
        setStatus(error instanceof Error ? error.message : String(error));
      }
    },
    [onOpened],
  );

  const create = (event: FormEvent) => {
    event.preventDefault();
    void attempt(() => api.call('notebook.create', { name }));
  };

  return (
    <>
      <section className="dialog-section" aria-labelledby={recentId}>
        <h3 id={recentId}>Recent notebooks</h3>
        {recent.length === 0 && <p className="hint">None yet.</p>}
        <ul className="recent-list">
          {recent.map((entry) => (
            <li key={entry.id}>
              <span dir="auto" className="recent-name">
                {entry.name}
              </span>
              <span dir="auto" className="hint recent-path">
                {entry.path}
              </span>
              {entry.path === currentPath ? (
                <span className="hint">Open now</span>
              ) : (
                <button type="button" onClick={() => void attempt(() => api.call('notebook.open', { id: entry.id }))} aria-label={`Open ${entry.name}`}>
                  Open
                </button>
              )}
            </li>
          ))}
        </ul>
      </section>
      <form className="dialog-section" aria-labelledby={newId} onSubmit={create}>
        <h3 id={newId}>New notebook</h3>
        <label htmlFor={nameId}>Name of the new notebook</label>
        <div className="inline-form">
          <input id={nameId} type="text" dir="auto" value={name} maxLength={200} onChange={(event) => setName(event.target.value)} />
          <button type="submit" disabled={!name.trim()}>
            Create
          </button>
        </div>
        <p className="hint">Made in Fieldbook’s own notebooks folder. Only one Fieldbook at a time can have a notebook open.</p>
      </form>
      <section className="dialog-section" aria-labelledby={folderId}>
        <h3 id={folderId}>A notebook in another folder</h3>
        {canChooseFolder ? (
          <div className="inline-form">
            <button type="button" onClick={() => void attempt(() => api.call('notebook.chooseFolder', { create: false }))}>
              Open a folder…
            </button>
            <button type="button" onClick={() => void attempt(() => api.call('notebook.chooseFolder', { create: true }))}>
              Create in a folder…
            </button>
          </div>
        ) : (
          <p className="hint">
            In the browser, Fieldbook opens another folder when started on it: <code>fieldbook serve --notebook FOLDER</code>
          </p>
        )}
      </section>
      <p role="status" className="form-status" dir="auto">
        {status}
      </p>
    </>
  );
}
