import { ApiError } from '../../shared/api/errors';
import type { RecordOf, RecordType } from '../../shared/model/records';
import { sameValue } from './canonical-json';
import { identityFields, mergeRecord } from './merge-records';
import { zeroCounts, type Conflict, type MergeReport, type RecordRef } from './merge-report';
import { nameKey } from './name-key';
import { recordLabel } from './record-label';
import { emptyRecordSet, recordTypes, type RecordSet } from './record-set';

export type MergeOutcome = Pick<MergeReport, 'counts' | 'added' | 'updated' | 'conflicts' | 'skipped' | 'proposals'>;

export interface MergePlan {
  /** The records to write, as they will be stored. */
  writes: RecordSet;
  outcome: MergeOutcome;
}

type AnyRecord = RecordOf<RecordType>;

/**
 * Decide, without writing anything, what merging `incoming` into `local`
 * does. The same content is one document: an incoming document whose
 * original file the notebook already has (under another id) is merged into
 * the notebook's copy as another version of it, and its highlights and notes
 * are attached to that copy.
 */
export function planMerge(local: RecordSet, incoming: RecordSet): MergePlan {
  const writes = emptyRecordSet();
  const outcome: MergeOutcome = { counts: { added: zeroCounts(), updated: zeroCounts(), unchanged: zeroCounts() }, added: [], updated: [], conflicts: [], skipped: [], proposals: [] };
  const ref = (type: RecordType, record: AnyRecord): RecordRef => ({ type, id: record.id, label: recordLabel(type, record) });

  const documentIds = sameContentDocuments(local.documents, incoming.documents, (document, existing) =>
    outcome.skipped.push({ ...ref('documents', document), reason: `Same content as “${existing.title}” (${existing.id}): merged into it, with its highlights and notes.` }),
  );
  const remapped: RecordSet = {
    ...incoming,
    // A copy of a document the notebook has becomes a version of it, so both sides converge on one record.
    documents: incoming.documents.map((document) => ({ ...document, id: documentIds.get(document.id) ?? document.id })),
    highlights: incoming.highlights.map((highlight) => ({ ...highlight, documentId: documentIds.get(highlight.documentId) ?? highlight.documentId })),
    notes: incoming.notes.map((note) =>
      note.attachedTo?.kind === 'document' && documentIds.has(note.attachedTo.id) ? { ...note, attachedTo: { kind: 'document' as const, id: documentIds.get(note.attachedTo.id) as string } } : note,
    ),
  };

  const knownDocuments = new Set([...local.documents, ...remapped.documents].map((document) => document.id));
  for (const highlight of remapped.highlights) {
    if (!knownDocuments.has(highlight.documentId)) {
      throw new ApiError('DAMAGED_FILE', `The highlight ${highlight.id} belongs to a document (${highlight.documentId}) that is neither in the file nor in this notebook. Nothing was imported.`);
    }
  }

  for (const type of recordTypes) {
    const existing = new Map<string, AnyRecord>((local[type] as AnyRecord[]).map((record) => [record.id, record]));
    const out = new Map<string, AnyRecord>();
    for (const record of remapped[type] as AnyRecord[]) {
      // Two copies of one document in the file meet here: the second merges with the first.
      const current = out.get(record.id) ?? existing.get(record.id);
      if (!current) {
        out.set(record.id, record);
        outcome.added.push(ref(type, record));
        outcome.counts.added[type] += 1;
        continue;
      }
      const merged = mergeRecord(type, current, record);
      const result = merged.record as Record<string, unknown>;
      const clashes = identityFields[type].filter((field) => !sameValue(result[field], (current as Record<string, unknown>)[field]));
      for (const field of clashes) result[field] = (current as Record<string, unknown>)[field];
      if (sameValue(result, current)) {
        outcome.counts.unchanged[type] += 1;
        continue;
      }
      out.set(record.id, merged.record);
      outcome.updated.push(ref(type, merged.record));
      outcome.counts.updated[type] += 1;
      const conflicts: Conflict[] = [];
      if (merged.keptBoth.length > 0) conflicts.push({ ...ref(type, merged.record), reason: 'kept-both-versions', fields: merged.keptBoth });
      if (merged.editedAfterDeletion) conflicts.push({ ...ref(type, merged.record), reason: 'edited-after-deletion', fields: [] });
      if (clashes.length > 0) conflicts.push({ ...ref(type, merged.record), reason: 'identity-differs', fields: clashes });
      outcome.conflicts.push(...conflicts);
    }
    (writes as Record<RecordType, AnyRecord[]>)[type] = [...out.values()];
  }

  outcome.proposals = actorProposals(local.actors, writes.actors.filter((actor) => !local.actors.some((known) => known.id === actor.id)));
  return { writes, outcome };
}

/**
 * Map each incoming document id to the notebook's live document with the
 * same original file, when the ids differ. Two incoming copies of one file
 * become the one with the smaller id.
 */
function sameContentDocuments(
  local: RecordOf<'documents'>[],
  incoming: RecordOf<'documents'>[],
  onSkip: (document: RecordOf<'documents'>, existing: RecordOf<'documents'>) => void,
): Map<string, string> {
  const localIds = new Set(local.map((document) => document.id));
  const byContent = new Map<string, RecordOf<'documents'>>();
  for (const document of [...local].sort(byId)) {
    if (!document.deletedAt && !byContent.has(document.original.sha256)) byContent.set(document.original.sha256, document);
  }
  const mapped = new Map<string, string>();
  for (const document of [...incoming].sort(byId)) {
    if (localIds.has(document.id)) continue;
    const existing = byContent.get(document.original.sha256);
    if (existing && existing.id !== document.id) {
      mapped.set(document.id, existing.id);
      onSkip(document, existing);
    } else if (!document.deletedAt) {
      byContent.set(document.original.sha256, document);
    }
  }
  return mapped;
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
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
