import type { MentionTagResult, MentionTarget } from '../../shared/actors/mentions';
import { ApiError } from '../../shared/api/errors';
import { DocumentStructure } from '../../shared/model/document-structure';
import type { DocumentRecord } from '../../shared/model/records';
import { createHighlight } from '../notebook/records/highlights';
import type { RecordService } from '../notebook/records/record-service';
import type { TextCache } from '../notebook/records/text-cache';

/**
 * Tag mentions: each range becomes a highlight tagged with its actor. A range
 * already highlighted exactly gets the actor added instead of a second
 * highlight on top of it, and several actors named by one range share one
 * highlight. All actors and documents are checked before anything is written.
 */
export async function tagMentions(records: RecordService, texts: TextCache, targets: readonly MentionTarget[]): Promise<MentionTagResult> {
  await Promise.all([...new Set(targets.map((target) => target.actorId))].map((id) => liveRecord(records, 'actors', id)));
  const byDocument = Map.groupBy(targets, (target) => target.documentId);
  const documents = await Promise.all([...byDocument.keys()].map((id) => liveRecord(records, 'documents', id)));
  const result = { created: 0, updated: 0 };
  for (const document of documents) {
    const done = await tagInDocument(records, texts, document, byDocument.get(document.id) ?? []);
    result.created += done.created;
    result.updated += done.updated;
  }
  return result;
}

async function tagInDocument(records: RecordService, texts: TextCache, document: DocumentRecord, targets: readonly MentionTarget[]): Promise<MentionTagResult> {
  const existing = await records.list('highlights', { documentId: document.id });
  const pageOf = await pageFinder(records, document);
  const byRange = Map.groupBy(targets, (target) => `${target.start}:${target.end}`);
  const writes = [...byRange.values()].map(async (sameRange) => {
    const { start, end } = sameRange[0] as MentionTarget;
    const actorIds = [...new Set(sameRange.map((target) => target.actorId))];
    const highlight = existing.find((candidate) => candidate.target.position.start === start && candidate.target.position.end === end);
    if (highlight) {
      const added = actorIds.filter((id) => !highlight.actorIds.includes(id));
      if (added.length === 0) return 'unchanged' as const;
      await records.update('highlights', highlight.id, { actorIds: [...highlight.actorIds, ...added] });
      return 'updated' as const;
    }
    const page = pageOf(start);
    await createHighlight(records, texts, {
      documentId: document.id,
      anchor: page === undefined ? { start, end } : { start, end, page },
      color: 'yellow',
      comment: '',
      tags: [],
      actorIds,
      eventIds: [],
    });
    return 'created' as const;
  });
  // Saves to one document's highlight file run together, so they are coalesced into a few writes.
  const outcomes = await Promise.all(writes);
  return { created: outcomes.filter((o) => o === 'created').length, updated: outcomes.filter((o) => o === 'updated').length };
}

/** For a PDF, the page a text offset falls on (highlights on PDFs carry their page); otherwise always undefined. */
async function pageFinder(records: RecordService, document: DocumentRecord): Promise<(offset: number) => number | undefined> {
  if (!document.structure) return () => undefined;
  const parsed = DocumentStructure.safeParse(JSON.parse(await records.store.blobs.getText(document.structure.sha256)));
  const pages = parsed.success ? (parsed.data.pages ?? []) : [];
  return (offset) => pages.find((page) => offset >= page.start && offset < page.end)?.index;
}

async function liveRecord<T extends 'actors' | 'documents'>(records: RecordService, type: T, id: string) {
  const record = await records.get(type, id);
  if (record.deletedAt) throw new ApiError('CONFLICT', `The ${type === 'actors' ? 'actor' : 'document'} ${id} was deleted; nothing was tagged.`);
  return record;
}
