import { useCallback, useEffect, useState } from 'react';
import type { FieldbookApi } from '../../../shared/api/contract';
import type { ConflictChoice, ConflictVersion, OpenConflict } from '../../../shared/exchange/conflicts';
import { errorMessage } from '../forms/error-message';
import { formatTime, quotedLabel, recordNames } from './labels';

const fieldNames: Record<OpenConflict['field'], string> = { comment: 'comment', description: 'description', notes: 'notes', body: 'text' };

/**
 * Texts both sides changed, side by side, each with when it was saved.
 * The record holds both versions until one is chosen here; "Keep both"
 * leaves it so, for the person to edit by hand.
 */
export function ConflictList({ api, only }: { api: FieldbookApi; only?: ReadonlySet<string> }) {
  const [conflicts, setConflicts] = useState<OpenConflict[]>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState<string>();

  const load = useCallback(() => {
    api.call('exchange.conflicts', {}).then(setConflicts, (error: unknown) => setProblem(errorMessage(error)));
  }, [api]);
  useEffect(load, [load]);

  const resolve = async (conflict: OpenConflict, keep: ConflictChoice) => {
    setBusy(conflict.id);
    setProblem(undefined);
    try {
      setConflicts(await api.call('exchange.resolveConflict', { type: conflict.type, id: conflict.id, keep }));
    } catch (error) {
      setProblem(errorMessage(error));
      load();
    } finally {
      setBusy(undefined);
    }
  };

  const shown = conflicts?.filter((conflict) => !only || only.has(conflict.id));
  if (!shown) return problem ? <p className="exchange-problem">{problem}</p> : <p role="status">Loading conflicts…</p>;
  return (
    <div className="conflict-list">
      {problem && (
        <p className="exchange-problem" role="alert">
          {problem}
        </p>
      )}
      {shown.length === 0 ? (
        <p className="hint">No open conflicts: every text changed on both sides has been settled.</p>
      ) : (
        <ul>
          {shown.map((conflict) => (
            <li key={`${conflict.type}:${conflict.id}`} className="conflict">
              <h4 dir="auto">
                {capitalise(recordNames[conflict.type][0])} {quotedLabel(conflict.type, conflict.label)}: its {fieldNames[conflict.field]} was changed on both sides
              </h4>
              <div className="conflict-versions">
                <Version heading="In this notebook" version={conflict.notebook} />
                <Version heading={`In the file from ${conflict.fileAuthor || 'a teammate'}`} version={conflict.file} />
              </div>
              <div className="conflict-actions" role="group" aria-label={`Resolve the conflict on ${conflict.label}`}>
                <button type="button" disabled={busy !== undefined} onClick={() => void resolve(conflict, 'notebook')}>
                  Keep this notebook’s
                </button>
                <button type="button" disabled={busy !== undefined} onClick={() => void resolve(conflict, 'file')}>
                  Keep the file’s
                </button>
                <button type="button" disabled={busy !== undefined} onClick={() => void resolve(conflict, 'both')}>
                  Keep both, one after the other
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Version({ heading, version }: { heading: string; version: ConflictVersion }) {
  return (
    <section className="conflict-version" aria-label={heading}>
      <p className="conflict-version-heading">
        <strong>{heading}</strong>
        <span className="hint">
          {' '}
          saved <time dateTime={version.savedAt}>{formatTime(version.savedAt)}</time>
        </span>
      </p>
      <div className="conflict-text" dir="auto">
        {version.text || <em className="hint">(empty)</em>}
      </div>
    </section>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
