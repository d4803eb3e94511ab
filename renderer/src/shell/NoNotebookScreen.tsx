import { useState } from 'react';
import type { FieldbookApi } from '../../../shared/api/contract';
import type { NotebookProblem } from '../../../shared/model/notebook';
import { NotebookChooser } from './NotebookChooser';

/**
 * Shown instead of the app when no notebook is open: the one Fieldbook tried
 * at start could not be (open in another Fieldbook, perhaps on another
 * computer sharing the folder; damaged; from a newer version). The reason
 * comes first, then trying that notebook again (once the other Fieldbook has
 * let it go), then the ways to another notebook.
 */
export function NoNotebookScreen({ api, problem, canChooseFolder, onOpened }: { api: FieldbookApi; problem: NotebookProblem; canChooseFolder: boolean; onOpened(): void }) {
  const [again, setAgain] = useState<string>();
  const { id } = problem;
  const tryAgain = async (notebook: string) => {
    setAgain('Trying again…');
    try {
      await api.call('notebook.open', { id: notebook });
      onOpened();
    } catch (error) {
      setAgain(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <main id="main" className="no-notebook">
      <h1>Choose a notebook</h1>
      <div className="no-notebook-reason" role="alert">
        {problem.path && (
          <p>
            Fieldbook could not open the notebook at <span dir="auto">{problem.path}</span>:
          </p>
        )}
        <p dir="auto">{problem.message}</p>
      </div>
      {id && (
        <p className="inline-form">
          <button type="button" onClick={() => void tryAgain(id)}>
            Try again
          </button>
          <span role="status" dir="auto">
            {again}
          </span>
        </p>
      )}
      <NotebookChooser api={api} canChooseFolder={canChooseFolder} onOpened={onOpened} />
    </main>
  );
}
