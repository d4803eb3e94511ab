import { z } from 'zod';
import type { ActorRecord, DocumentRecord, EventRecord, HighlightRecord, NoteRecord } from '../model/records';
import { RecordId } from '../model/records';
import { LINK_KINDS, type LinkRef } from './link-syntax';

export const LinkKind = z.enum(LINK_KINDS);
export const LinkRefSchema = z.object({ kind: LinkKind, id: RecordId }).strict();

/** What a highlight link shows: the passage and where it is. */
export const Citation = z.object({
  documentId: RecordId,
  documentTitle: z.string(),
  quote: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  page: z.number().int().nonnegative().optional(),
});
export type Citation = z.infer<typeof Citation>;

/** A link's target as it is now: its current name, or that it is gone. */
export const ResolvedLink = z.object({
  kind: LinkKind,
  id: RecordId,
  /** False when the target was deleted or is not in this notebook; the note then shows the label written into the link. */
  exists: z.boolean(),
  /** The current name (actor), title (document, event, note) or quote (highlight). */
  name: z.string().optional(),
  citation: Citation.optional(),
});
export type ResolvedLink = z.infer<typeof ResolvedLink>;

/** The records a link may point at, looked up by id (main reads them from the notebook; tests pass maps). */
export interface LinkCatalog {
  document(id: string): DocumentRecord | undefined;
  highlight(id: string): HighlightRecord | undefined;
  actor(id: string): ActorRecord | undefined;
  event(id: string): EventRecord | undefined;
  note(id: string): NoteRecord | undefined;
}

const live = <T extends { deletedAt?: string | undefined }>(record: T | undefined): T | undefined => (record && !record.deletedAt ? record : undefined);

export function resolveLink(ref: LinkRef, catalog: LinkCatalog): ResolvedLink {
  const gone: ResolvedLink = { ...ref, exists: false };
  switch (ref.kind) {
    case 'document': {
      const document = live(catalog.document(ref.id));
      return document ? { ...ref, exists: true, name: document.title } : gone;
    }
    case 'actor': {
      const actor = live(catalog.actor(ref.id));
      return actor ? { ...ref, exists: true, name: actor.name } : gone;
    }
    case 'event': {
      const event = live(catalog.event(ref.id));
      return event ? { ...ref, exists: true, name: event.title } : gone;
    }
    case 'note': {
      const note = live(catalog.note(ref.id));
      return note ? { ...ref, exists: true, name: noteTitle(note) } : gone;
    }
    case 'highlight': {
      const highlight = live(catalog.highlight(ref.id));
      // A passage of a deleted document cannot be opened: the citation is gone with it.
      const document = highlight && live(catalog.document(highlight.documentId));
      if (!highlight || !document) return gone;
      const { quote, position, page } = highlight.target;
      return {
        ...ref,
        exists: true,
        name: quote.exact,
        citation: { documentId: document.id, documentTitle: document.title, quote: quote.exact, start: position.start, end: position.end, ...(page !== undefined ? { page } : {}) },
      };
    }
  }
}

/** How a note is called in lists and links: its title, or its first line when it has none. */
export function noteTitle(note: Pick<NoteRecord, 'title' | 'body'>): string {
  if (note.title.trim()) return note.title.trim();
  const firstLine = note.body
    .slice(0, 500)
    .split('\n')
    .map((line) => line.replace(/^#+\s*/, '').trim())
    .find(Boolean);
  return firstLine ? firstLine.slice(0, 120) : 'Untitled note';
}
