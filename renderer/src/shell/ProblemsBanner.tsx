import { useEffect, useState } from 'react';
import type { FieldbookApi, MethodResult } from '../../../shared/api/contract';
import type { NotebookInfo } from '../../../shared/model/notebook';

/** Records that could not be read are kept aside in their files; the user should know, and know what to do. */
export function ProblemsBanner({ api, notebook }: { api: FieldbookApi; notebook: NotebookInfo }) {
  const [problems, setProblems] = useState<MethodResult<'notebook.problems'>>([]);
  useEffect(() => {
    api.call('notebook.problems', {}).then(setProblems, () => setProblems([]));
  }, [api, notebook.path]);
  if (problems.length === 0) return null;
  return (
    <div className="error-banner" role="alert">
      <p>
        <strong>
          {problems.length} record{problems.length === 1 ? '' : 's'} could not be read and {problems.length === 1 ? 'was' : 'were'} set aside.
        </strong>{' '}
        Nothing was deleted. To check the notebook and restore from backups, run <code>fieldbook doctor --notebook "{notebook.path}"</code>.
      </p>
    </div>
  );
}
