import { ApiError } from '../../shared/api/errors';
import type { ExportSelection } from '../../shared/exchange/selection';
import type { RecordOf, RecordType } from '../../shared/model/records';
import { nameKey } from './name-key';
import { emptyRecordSet, recordTypes, type RecordSet } from './record-set';

type AnyRecord = RecordOf<RecordType>;

/** The records a selection names, and what it needs to make sense elsewhere (shared/exchange/selection.ts says what each criterion does). */
export function selectRecords(all: RecordSet, selection: ExportSelection): { records: RecordSet; description: string } {
  const inRange = (record: AnyRecord) =>
    (!selection.since || record.updatedAt.slice(0, selection.since.length) >= selection.since) && (!selection.until || record.updatedAt.slice(0, selection.until.length) <= selection.until);
  const picked = Object.fromEntries(recordTypes.map((type) => [type, new Set<string>()])) as { [T in RecordType]: Set<string> };
  const byId = <T extends RecordType>(type: T) => new Map((all[type] as RecordOf<T>[]).map((record) => [record.id, record]));
  const documents = byId('documents');
  const described: string[] = [];

  const targeted = selection.documentIds !== undefined || selection.tag !== undefined || selection.actor !== undefined;
  if (!targeted) {
    for (const type of recordTypes) for (const record of all[type] as AnyRecord[]) if (inRange(record)) picked[type].add(record.id);
  }
  if (selection.documentIds) {
    for (const id of selection.documentIds) {
      if (!documents.has(id)) throw new ApiError('NOT_FOUND', `There is no document with id ${id}.`);
      picked.documents.add(id);
    }
    all.highlights.filter((highlight) => picked.documents.has(highlight.documentId) && inRange(highlight)).forEach((highlight) => picked.highlights.add(highlight.id));
    described.push(`${selection.documentIds.length} document(s)`);
  }
  if (selection.tag) {
    const tag = findRecordByName(all.tags, selection.tag, (candidate) => [candidate.name], 'tag');
    const taggedDocuments = all.documents.filter((document) => document.tags.includes(tag.id)).map((document) => document.id);
    taggedDocuments.forEach((id) => picked.documents.add(id));
    all.highlights
      .filter((highlight) => (highlight.tags.includes(tag.id) || taggedDocuments.includes(highlight.documentId)) && inRange(highlight))
      .forEach((highlight) => picked.highlights.add(highlight.id));
    described.push(`tag “${tag.name}”`);
  }
  if (selection.actor) {
    const actor = findRecordByName(all.actors, selection.actor, (candidate) => [candidate.name, ...candidate.aliases], 'actor');
    picked.actors.add(actor.id);
    all.highlights.filter((highlight) => highlight.actorIds.includes(actor.id) && inRange(highlight)).forEach((highlight) => picked.highlights.add(highlight.id));
    all.events.filter((event) => event.participants.some((participant) => participant.actorId === actor.id) && inRange(event)).forEach((event) => picked.events.add(event.id));
    described.push(`the evidence on “${actor.name}”`);
  }
  if (selection.since || selection.until) described.push(`changed ${selection.since ?? 'any time'} to ${selection.until ?? 'now'}`);

  // What the selection needs to make sense in another notebook.
  const events = byId('events');
  const highlights = byId('highlights');
  for (const id of picked.events) for (const evidence of events.get(id)?.evidence ?? []) if (highlights.has(evidence)) picked.highlights.add(evidence);
  for (const id of picked.highlights) {
    const highlight = highlights.get(id);
    if (!highlight) continue;
    picked.documents.add(highlight.documentId);
    highlight.actorIds.forEach((actorId) => picked.actors.add(actorId));
    highlight.eventIds.forEach((eventId) => picked.events.add(eventId));
    highlight.tags.forEach((tagId) => picked.tags.add(tagId));
  }
  for (const id of picked.events) for (const participant of events.get(id)?.participants ?? []) picked.actors.add(participant.actorId);
  for (const id of picked.documents) for (const tagId of documents.get(id)?.tags ?? []) picked.tags.add(tagId);
  if (targeted) {
    for (const note of all.notes) {
      const attached = note.attachedTo;
      if (attached && picked[`${attached.kind}s` as 'documents' | 'actors' | 'events'].has(attached.id) && inRange(note)) picked.notes.add(note.id);
    }
  }

  const records = emptyRecordSet();
  for (const type of recordTypes) (records as Record<RecordType, AnyRecord[]>)[type] = (all[type] as AnyRecord[]).filter((record) => picked[type].has(record.id));
  return { records, description: described.length > 0 ? described.join('; ') : 'the whole notebook' };
}

export function findRecordByName<T extends AnyRecord>(records: T[], wanted: string, names: (record: T) => string[], kind: string): T {
  const live = records.filter((record) => !record.deletedAt);
  const byId = live.find((record) => record.id === wanted);
  if (byId) return byId;
  const key = nameKey(wanted);
  const matches = live.filter((record) => names(record).some((name) => nameKey(name) === key));
  if (matches.length === 1 && matches[0]) return matches[0];
  if (matches.length === 0) throw new ApiError('NOT_FOUND', `No ${kind} is named “${wanted}”.`);
  throw new ApiError('CONFLICT', `“${wanted}” names ${matches.length} ${kind}s (${matches.map((record) => record.id).join(', ')}); use the id of one.`);
}
