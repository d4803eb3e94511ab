import { useState } from 'react';
import type { FieldbookApi } from '../../../shared/api/contract';
import type { Conflict, MergeReport, RecordRef } from '../../../shared/exchange/merge-report';
import { ConflictList } from './ConflictList';
import { errorMessage } from '../forms/error-message';
import { describeCounts, formatTime, quotedLabel, recordNames } from './labels';

const conflictReasons: Record<Conflict['reason'], (fields: string[]) => string> = {
  'kept-both-versions': (fields) => `changed on both sides: both versions of its ${fields.join(', ')} are kept`,
  'edited-after-deletion': () => 'deleted on one side and changed later on the other: it stays',
  'identity-differs': (fields) => `its ${fields.join(', ')} differ: this notebook’s are kept`,
};

/** What a merge did or would do: counts, then every conflict, skipped record and possible duplicate actor. */
export function MergeReportView({ api, report }: { api: FieldbookApi; report: MergeReport }) {
  const textConflicts = new Set(report.conflicts.filter((conflict) => conflict.reason === 'kept-both-versions').map((conflict) => conflict.id));
  return (
    <section className="merge-report" aria-label={report.dryRun ? 'What the merge would do' : 'What the merge did'}>
      <p className="merge-file" dir="auto">
        A file by <strong>{report.file.author || 'someone'}</strong> from their notebook “{report.file.notebookName}”, written {formatTime(report.file.createdAt)}: {report.file.selection}
        {report.file.encrypted ? ' (encrypted)' : ''}.
      </p>
      <dl className="merge-counts">
        <dt>{report.dryRun ? 'Would add' : 'Added'}</dt>
        <dd>{describeCounts(report.counts.added)}</dd>
        <dt>{report.dryRun ? 'Would update' : 'Updated'}</dt>
        <dd>{describeCounts(report.counts.updated)}</dd>
        <dt>Already up to date</dt>
        <dd>{describeCounts(report.counts.unchanged)}</dd>
        <dt>Conflicts</dt>
        <dd>{report.conflicts.length}</dd>
        <dt>Skipped</dt>
        <dd>{report.skipped.length}</dd>
      </dl>
      <RefList title={report.dryRun ? 'Would be added' : 'Added'} refs={report.added} />
      <RefList title={report.dryRun ? 'Would be updated' : 'Updated'} refs={report.updated} />
      {report.conflicts.length > 0 && (
        <section className="report-part">
          <h3>Conflicts</h3>
          <ul className="report-list">
            {report.conflicts.map((conflict) => (
              <li key={`${conflict.type}:${conflict.id}:${conflict.reason}`} dir="auto">
                <RefName item={conflict} />: {conflictReasons[conflict.reason](conflict.fields)}.
              </li>
            ))}
          </ul>
          {textConflicts.size > 0 &&
            (report.dryRun ? (
              <p className="hint">After the merge you can compare the two versions of each text and choose one.</p>
            ) : (
              <ConflictList api={api} only={textConflicts} />
            ))}
        </section>
      )}
      {report.skipped.length > 0 && (
        <section className="report-part">
          <h3>Skipped</h3>
          <ul className="report-list">
            {report.skipped.map((skipped) => (
              <li key={`${skipped.type}:${skipped.id}`} dir="auto">
                <RefName item={skipped} />: {skipped.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
      {report.proposals.length > 0 && (
        <section className="report-part">
          <h3>Perhaps the same actor</h3>
          <p className="hint">These actors share a name or an alias. They are not merged unless you say so.</p>
          <ul className="report-list">
            {report.proposals.map((proposal) => (
              <ActorProposal key={`${proposal.incoming.id}:${proposal.existing.id}`} api={api} proposal={proposal} applied={!report.dryRun} />
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}

function RefName({ item }: { item: RecordRef }) {
  return (
    <>
      {recordNames[item.type][0]} <span dir="auto">{quotedLabel(item.type, item.label)}</span>
    </>
  );
}

function RefList({ title, refs }: { title: string; refs: RecordRef[] }) {
  if (refs.length === 0) return null;
  return (
    <details className="report-part">
      <summary>
        {title} ({refs.length})
      </summary>
      <ul className="report-list">
        {refs.map((ref) => (
          <li key={`${ref.type}:${ref.id}`}>
            <RefName item={ref} />
          </li>
        ))}
      </ul>
    </details>
  );
}

function ActorProposal({ api, proposal, applied }: { api: FieldbookApi; proposal: MergeReport['proposals'][number]; applied: boolean }) {
  const [state, setState] = useState<{ done?: boolean; problem?: string; busy?: boolean }>({});
  const merge = async () => {
    setState({ busy: true });
    try {
      await api.call('actors.merge', { survivorId: proposal.existing.id, loserId: proposal.incoming.id });
      setState({ done: true });
    } catch (error) {
      setState({ problem: errorMessage(error) });
    }
  };
  return (
    <li className="actor-proposal" dir="auto">
      <span>
        “{proposal.incoming.label}” from the file and “{proposal.existing.label}” here, both called “{proposal.matched}”.
      </span>
      {state.done ? (
        <span className="hint">Merged into “{proposal.existing.label}”; its page can undo the merge.</span>
      ) : applied ? (
        <button type="button" disabled={state.busy} onClick={() => void merge()}>
          Merge into “{proposal.existing.label}”
        </button>
      ) : (
        <span className="hint">Apply the merge first; then you can merge these two.</span>
      )}
      {state.problem && (
        <span className="exchange-problem" role="alert">
          {state.problem}
        </span>
      )}
    </li>
  );
}
