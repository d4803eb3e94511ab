import { useEffect, useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import type { FieldbookApi } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import type { MergeReport } from '../../../shared/exchange/merge-report';
import { EXCHANGE_UPLOAD_NAME } from '../../../shared/exchange/transfer';
import { errorMessage } from '../forms/error-message';
import { MergeReportView } from './MergeReportView';
import { Modal } from '../forms/Modal';

type Phase = 'choose' | 'uploading' | 'checking' | 'passphrase' | 'preview' | 'applying' | 'applied';

const busyPhases: readonly Phase[] = ['uploading', 'checking', 'applying'];
const busyLabels: Partial<Record<Phase, string>> = { uploading: 'Reading the file…', checking: 'Checking the file…', applying: 'Merging…' };

/**
 * Merge a teammate's .fieldbook file into the open notebook: choose it, give
 * its passphrase if it is encrypted, read what the merge would do, then
 * apply it. The report stays on screen after applying, with the conflicts to
 * settle and the actors that may be one.
 */
export function MergeDialog({ api, open, onClose }: { api: FieldbookApi; open: boolean; onClose(): void }) {
  // The form is fresh each time the dialog opens (Modal mounts it only while open); an uploaded file is let go when it closes unmerged.
  const batch = useRef<string>(undefined);
  const close = () => {
    if (batch.current) void api.call('exchange.discardUpload', { batch: batch.current }).catch(() => undefined);
    batch.current = undefined;
    onClose();
  };
  return (
    <Modal open={open} title="Merge a notebook file" className="exchange-dialog merge-dialog" onClose={close}>
      <MergeForm api={api} batch={batch} />
    </Modal>
  );
}

function MergeForm({ api, batch }: { api: FieldbookApi; batch: RefObject<string | undefined> }) {
  const [phase, setPhase] = useState<Phase>('choose');
  const [fileName, setFileName] = useState<string>();
  const [passphrase, setPassphrase] = useState('');
  const [wrongPassphrase, setWrongPassphrase] = useState(false);
  const [report, setReport] = useState<MergeReport>();
  const [problem, setProblem] = useState<string>();
  const fileId = useId();
  const passphraseId = useId();
  const passphraseInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (phase === 'passphrase') passphraseInput.current?.focus();
  }, [phase]);

  const merge = async (dryRun: boolean) => {
    if (!batch.current) return;
    setProblem(undefined);
    setPhase(dryRun ? 'checking' : 'applying');
    try {
      const result = await api.call('exchange.merge', { batch: batch.current, dryRun, ...(passphrase ? { passphrase } : {}) });
      setWrongPassphrase(false);
      setReport(result);
      if (!dryRun) batch.current = undefined;
      setPhase(dryRun ? 'preview' : 'applied');
    } catch (error) {
      const code = error instanceof ApiError ? error.code : undefined;
      if (code === 'PASSWORD_REQUIRED' || code === 'PASSWORD_INCORRECT') {
        setWrongPassphrase(code === 'PASSWORD_INCORRECT');
        setPhase('passphrase');
        return;
      }
      setReport(undefined);
      setProblem(errorMessage(error));
      setPhase(dryRun ? 'choose' : 'preview');
    }
  };

  const choose = async (file: File | undefined) => {
    if (!file) return;
    if (batch.current) await api.call('exchange.discardUpload', { batch: batch.current }).catch(() => undefined);
    setFileName(file.name);
    setReport(undefined);
    setPassphrase('');
    setWrongPassphrase(false);
    setProblem(undefined);
    setPhase('uploading');
    const next = crypto.randomUUID();
    try {
      await api.upload(next, EXCHANGE_UPLOAD_NAME, file);
      batch.current = next;
    } catch (error) {
      setProblem(errorMessage(error));
      setPhase('choose');
      return;
    }
    await merge(true);
  };

  const unlock = (event: FormEvent) => {
    event.preventDefault();
    void merge(true);
  };

  const busy = busyPhases.includes(phase);
  return (
    <div className="merge-form">
      <div className="dialog-section">
        <label htmlFor={fileId}>A .fieldbook file exported by you or a teammate</label>
        <input id={fileId} type="file" accept=".fieldbook,application/octet-stream,application/zip" disabled={busy || phase === 'applied'} onChange={(event) => void choose(event.target.files?.[0])} />
        <p className="hint">Nothing changes in this notebook until you apply the merge; a file that fails any check is refused whole.</p>
      </div>

      {phase === 'passphrase' && (
        <form className="dialog-section passphrase-fields" onSubmit={unlock}>
          <label htmlFor={passphraseId}>{fileName ? `“${fileName}” is encrypted. Its passphrase:` : 'This file is encrypted. Its passphrase:'}</label>
          <div className="inline-form">
            <input
              ref={passphraseInput}
              id={passphraseId}
              type="password"
              autoComplete="off"
              value={passphrase}
              aria-invalid={wrongPassphrase}
              aria-describedby={wrongPassphrase ? `${passphraseId}-wrong` : undefined}
              onChange={(event) => setPassphrase(event.target.value)}
            />
            <button type="submit" className="primary" disabled={!passphrase}>
              Open the file
            </button>
          </div>
          {wrongPassphrase && (
            <p id={`${passphraseId}-wrong`} className="exchange-problem" role="alert">
              That passphrase is wrong for this file. Check it with whoever sent the file; nothing was merged.
            </p>
          )}
        </form>
      )}

      {busy && (
        <p className="merge-progress" role="status">
          <progress aria-label={busyLabels[phase]} /> {busyLabels[phase]}
        </p>
      )}
      {problem && (
        <p className="exchange-problem" role="alert" dir="auto">
          {problem}
        </p>
      )}

      {report && (
        <>
          <h3 className="merge-heading">{report.dryRun ? 'What the merge would do' : 'Merged'}</h3>
          <MergeReportView api={api} report={report} />
        </>
      )}
      {phase === 'preview' && (
        <div className="dialog-actions">
          <button type="button" className="primary" onClick={() => void merge(false)}>
            Apply the merge
          </button>
        </div>
      )}
    </div>
  );
}
