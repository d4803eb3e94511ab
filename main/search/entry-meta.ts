import { z } from 'zod';

/** What the search index holds: entries, each one place in a record, with its text by field. */

export const EntryKind = z.enum(['document', 'passage', 'highlight', 'note', 'actor', 'event']);
export type EntryKind = z.infer<typeof EntryKind>;

/** What one indexed entry is and where it points. */
export const EntryMeta = z.object({
  kind: EntryKind,
  /** The record the entry came from: the document, for document and passage entries. */
  id: z.string(),
  /** That record's updatedAt when it was indexed: a newer record is indexed again. */
  version: z.string(),
  /** Highlights: their document. */
  documentId: z.string().optional(),
  /** Passages and highlights: the range of the document's canonical text. */
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
  page: z.number().int().nonnegative().optional(),
  language: z.string().optional(),
  /** Published date of the document (documents, passages, highlights), or the event's date. */
  date: z.string().optional(),
});
export type EntryMeta = z.infer<typeof EntryMeta>;

/** An entry before analysis: its text by field. */
export interface EntrySource {
  meta: EntryMeta;
  title?: string;
  author?: string;
  body?: string;
  comment?: string;
  /** Highlights count for more than the passage around them. */
  boost?: number;
}

export const FIELD_BOOSTS = { title: 3, author: 2, body: 1, comment: 1.5 } as const;
export type Field = keyof typeof FIELD_BOOSTS;
export const FIELDS = Object.keys(FIELD_BOOSTS) as Field[];

/** What a hit is shown under: its document (passages and highlights alike), or the note, actor or event it is. */
export interface ResultGroup {
  kind: 'document' | 'note' | 'actor' | 'event';
  id: string;
}

export function resultGroup(meta: EntryMeta): ResultGroup {
  switch (meta.kind) {
    case 'passage':
    case 'document':
      return { kind: 'document', id: meta.id };
    case 'highlight':
      return { kind: 'document', id: meta.documentId ?? meta.id };
    default:
      return { kind: meta.kind, id: meta.id };
  }
}

/** resultGroup as a map key (record ids are unique across kinds). */
export function resultGroupKey(meta: EntryMeta): string {
  const { kind, id } = resultGroup(meta);
  return kind === 'document' ? id : `${kind}:${id}`;
}
