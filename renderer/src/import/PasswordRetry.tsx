import { useId, useState, type FormEvent } from 'react';
import type { ImportFileResult } from '../../../shared/model/import';

/** Failures a password can fix. */
export function needsPassword(result: ImportFileResult): boolean {
  return result.status === 'failed' && (result.code === 'PASSWORD_REQUIRED' || result.code === 'PASSWORD_INCORRECT');
}

/**
 * A password field under a locked PDF in the import summary. The password
 * goes to main with this one file and is not kept anywhere.
 */
export function PasswordRetry({ result, onRetry }: { result: ImportFileResult; onRetry(result: ImportFileResult, password: string): Promise<void> }) {
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!password) return;
    setBusy(true);
    setProblem(undefined);
    try {
      await onRetry(result, password);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="password-retry" onSubmit={(event) => void submit(event)}>
      <label htmlFor={id}>Password for {result.path}</label>
      <input id={id} type="password" autoComplete="off" value={password} onChange={(event) => setPassword(event.target.value)} disabled={busy} />
      <button type="submit" disabled={busy || !password}>
        {busy ? 'Opening…' : 'Open and import'}
      </button>
      {problem && (
        <span className="password-problem" role="alert">
          {problem}
        </span>
      )}
    </form>
  );
}
