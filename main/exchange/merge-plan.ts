import { ApiError } from '../../shared/api/errors';
import { ConflictRecordType, conflictTextFields, type OpenConflict } from '../../shared/exchange/conflicts';
import type { RecordOf, RecordType } from '../../shared/model/records';
import { sameValue } from './canonical-json';
import { identityFields, mergeRecord } from './merge-records';
import { zeroCounts, type Conflict, type MergeReport, type RecordRef } from '../../shared/exchange/merge-report';
import { nameKey } from './name-key';
import { recordLabel } from './record-label';
import { emptyRecordSet, recordTypes, type RecordSet } from './record-set';
import { actorRedirects, withMergedActorsFollowed } from './merged-actors';
import { collapsed, refiled, sameContentSurvivors } from './same-content';

export type MergeOutcome = Pick<MergeReport, 'counts' | 'added' | 'updated' | 'conflicts' | 'skipped' | 'proposals'>;

export interface MergePlan {
  /** The records to write, as they will be stored. */
  writes: RecordSet;
  /** Highlights among the writes that leave the shard they are stored in (their document was merged into another), by that shard. */
  moves: Map<string, string[]>;
  outcome: MergeOutcome;
  /** Texts both sides changed, with each side's version, for the notebook's list of open conflicts. */
  textConflicts: Omit<OpenConflict, 'mergedAt' | 'fileAuthor'>[];
}

type AnyRecord = RecordOf<RecordType>;

/**
 * Decide, without writing anything, what merging `incoming` into `local`
 * does. The same content is one document: copies of one original file,
 * from either side, are merged into the one that survives (same-content.ts),
 * with their highlights and notes, whichever side it came from. An actor
 * merged into another on either side is followed the same way: references to
 * it on both sides point at the actor it was merged into (merged-actors.ts).
 */
export function planMerge(local: RecordSet, incoming: RecordSet): MergePlan {
  const writes = emptyRecordSet();
  const textConflicts: MergePlan['textConflicts'] = [];
  const outcome: MergeOutcome = { counts: { added: zeroCounts(), updated: zeroCounts(), unchanged: zeroCounts() }, added: [], updated: [], conflicts: [], skipped: [], proposals: [] };
  const ref = (type: RecordType, record: AnyRecord): RecordRef => ({ type, id: record.id, label: recordLabel(type, record) });

  const survivors = sameContentSurvivors(local.documents, incoming.documents);
  const redirects = actorRedirects(local.actors, incoming.actors);
  // The notebook's own records re-keyed too: its copy may be the one that is retired, its highlights may name an actor the file merged.
  const settled = collapsed(withMergedActorsFollowed(refiled(local, survivors), redirects));
  const remapped = withMergedActorsFollowed(refiled(incoming, survivors), redirects);
  const moves = shardMoves(local.highlights, settled.highlights);

  const knownDocuments = new Set([...settled.documents, ...remapped.documents].map((document) => document.id));
  for (const highlight of remapped.highlights) {
    if (!knownDocuments.has(highlight.documentId)) {
      throw new ApiError('DAMAGED_FILE', `The highlight ${highlight.id} belongs to a document (${highlight.documentId}) that is neither in the file nor in this notebook. Nothing was imported.`);
    }
  }
  const survivorTitles = new Map(settled.documents.concat(remapped.documents).map((document) => [document.id, document.title]));

  for (const type of recordTypes) {
    const stored = new Map<string, AnyRecord>((local[type] as AnyRecord[]).map((record) => [record.id, record]));
    const existing = new Map<string, AnyRecord>((settled[type] as AnyRecord[]).map((record) => [record.id, record]));
    const moving = new Set(type === 'highlights' ? [...moves.values()].flat() : []);
    // Re-keying changed these before anything in the file is looked at: written whatever the file says about them.
    const out = new Map<string, AnyRecord>([...existing].filter(([id, record]) => moving.has(id) || !sameValue(record, stored.get(id))));
    const reported = new Set<string>();
    for (const record of remapped[type] as AnyRecord[]) {
      // Two copies of one document in the file meet here: the second merges with the first.
      const current = out.get(record.id) ?? existing.get(record.id);
      const retiredInto = type === 'documents' ? survivors.get(record.id) : undefined;
      if (!current) {
        out.set(record.id, record);
        reported.add(record.id);
        if (retiredInto) {
          outcome.skipped.push({ ...ref(type, record), reason: sameContentReason(survivorTitles.get(retiredInto) ?? '', retiredInto) });
          continue;
        }
        outcome.added.push(ref(type, record));
        outcome.counts.added[type] += 1;
        continue;
      }
      const merged = mergeRecord(type, current, record);
      const result = merged.record as Record<string, unknown>;
      const clashes = identityFields[type].filter((field) => !sameValue(result[field], (current as Record<string, unknown>)[field]));
      for (const field of clashes) result[field] = (current as Record<string, unknown>)[field];
      if (sameValue(result, current)) {
        if (!out.has(record.id)) outcome.counts.unchanged[type] += 1;
        continue;
      }
      out.set(record.id, merged.record);
      reported.add(record.id);
      if (retiredInto) {
        outcome.skipped.push({ ...ref(type, record), reason: sameContentReason(survivorTitles.get(retiredInto) ?? '', retiredInto) });
        continue;
      }
      outcome.updated.push(ref(type, merged.record));
      outcome.counts.updated[type] += 1;
      const conflicts: Conflict[] = [];
      if (merged.keptBoth.length > 0) {
        conflicts.push({ ...ref(type, merged.record), reason: 'kept-both-versions', fields: merged.keptBoth });
        textConflicts.push(textConflict(type, current, record, ref(type, merged.record).label));
      }
      if (merged.editedAfterDeletion) conflicts.push({ ...ref(type, merged.record), reason: 'edited-after-deletion', fields: [] });
      if (clashes.length > 0) conflicts.push({ ...ref(type, merged.record), reason: 'identity-differs', fields: clashes });
      outcome.conflicts.push(...conflicts);
    }
    for (const [id, record] of out) {
      if (reported.has(id)) continue;
      // Re-keyed on this side alone (its copy of a document retired, or an actor merged in the file): its own records moved with it.
      outcome.updated.push(ref(type, record));
      outcome.counts.updated[type] += 1;
    }
    (writes as Record<RecordType, AnyRecord[]>)[type] = [...out.values()];
  }

  outcome.proposals = actorProposals(local.actors, writes.actors.filter((actor) => !local.actors.some((known) => known.id === actor.id)));
  return { writes, moves, outcome, textConflicts };
}

function sameContentReason(title: string, survivor: string): string {
  return `Same content as “${title}” (${survivor}): merged into it, with its highlights and notes.`;
}

/** Highlights that belong under another document than the one whose shard holds them now, by that shard. */
function shardMoves(stored: readonly RecordOf<'highlights'>[], settled: readonly RecordOf<'highlights'>[]): Map<string, string[]> {
  const target = new Map(settled.map((highlight) => [highlight.id, highlight.documentId]));
  const moves = new Map<string, string[]>();
  // A merge cut short may have left one highlight in two shards: every stale copy is taken out.
  for (const highlight of stored) {
    const to = target.get(highlight.id);
    if (to === undefined || to === highlight.documentId) continue;
    moves.set(highlight.documentId, [...(moves.get(highlight.documentId) ?? []), highlight.id]);
  }
  return moves;
}

function textConflict(type: RecordType, local: AnyRecord, incoming: AnyRecord, label: string): MergePlan['textConflicts'][number] {
  // Only the kinds with a free-text field keep both versions (merge-records.ts).
  const conflictType = ConflictRecordType.parse(type);
  const field = conflictTextFields[conflictType];
  const version = (record: AnyRecord) => ({ text: String((record as Record<string, unknown>)[field] ?? ''), savedAt: record.updatedAt });
  return { type: conflictType, id: local.id, label, field, notebook: version(local), file: version(incoming) };
}

function actorProposals(local: RecordOf<'actors'>[], added: RecordOf<'actors'>[]): MergeReport['proposals'] {
  const names = new Map<string, RecordOf<'actors'>[]>();
  for (const actor of local) {
    if (actor.deletedAt) continue;
    for (const name of [actor.name, ...actor.aliases]) {
      const key = nameKey(name);
      names.set(key, [...(names.get(key) ?? []), actor]);
    }
  }
  const proposals: MergeReport['proposals'] = [];
  for (const actor of added) {
    if (actor.deletedAt) continue;
    const seen = new Set<string>();
    for (const name of [actor.name, ...actor.aliases]) {
      for (const existing of names.get(nameKey(name)) ?? []) {
        if (seen.has(existing.id)) continue;
        seen.add(existing.id);
        proposals.push({ incoming: { type: 'actors', id: actor.id, label: actor.name }, existing: { type: 'actors', id: existing.id, label: existing.name }, matched: name });
      }
    }
  }
  return proposals;
}
