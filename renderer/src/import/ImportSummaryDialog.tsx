import type { ImportFileResult, ImportSummary } from '../../../shared/model/import';
import { Modal } from '../forms/Modal';
import { needsPassword, PasswordRetry } from './PasswordRetry';

const statusLabels = { imported: 'Imported', duplicate: 'Already in the notebook', failed: 'Not imported' } as const;
const order = { failed: 0, duplicate: 1, imported: 2 } as const;

/** What an import did, file by file: failures first, each with its reason. */
export function ImportSummaryDialog({
  summary,
  onClose,
  onRetryWithPassword,
}: {
  summary: ImportSummary | undefined;
  onClose(): void;
  onRetryWithPassword(result: ImportFileResult, password: string): Promise<void>;
}) {
  const results = summary ? [...summary.results].sort((a, b) => order[a.status] - order[b.status]) : [];
  return (
    <Modal
      open={summary !== undefined}
      title={summary?.error ? 'Import failed' : summary?.cancelled ? 'Import cancelled' : 'Import finished'}
      className="import-summary"
      onClose={onClose}
    >
      {summary && (
        <>
          {summary.error && (
            <p className="import-error" role="alert">
              {summary.error.message}
            </p>
          )}
          <p className="import-counts">
            {summary.imported} imported · {summary.duplicates} already in the notebook · {summary.failed} not imported
            {summary.notReached.length > 0 ? ` · ${summary.notReached.length} not reached` : ''}
          </p>
          <ul className="import-results">
            {results.map((result) => (
              <li key={result.path} className={`import-${result.status}`}>
                <span className="import-status">{statusLabels[result.status]}</span>
                <span className="import-file" dir="auto">
                  {result.title && result.status === 'imported' ? result.title : result.path}
                </span>
                {(result.reason ?? result.notices) && (
                  <span className="import-reason" dir="auto">
                    {result.reason ?? result.notices?.join(' ')}
                  </span>
                )}
                {needsPassword(result) && <PasswordRetry key={result.reason} result={result} onRetry={onRetryWithPassword} />}
              </li>
            ))}
            {summary.notReached.map((file) => (
              <li key={file} className="import-not-reached">
                <span className="import-status">Not reached</span>
                <span className="import-file" dir="auto">
                  {file}
                </span>
                <span className="import-reason">The import was cancelled before this file.</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Modal>
  );
}
