import { DocumentStructure } from '../../shared/model/document-structure';
import type { ActorRecord, DocumentRecord, EventRecord, HighlightRecord, NoteRecord } from '../../shared/model/records';
import { detectDirection, detectLanguage } from '../../shared/text/language';
import type { BlobStore } from '../notebook/storage/blob-store';
import { passagesOf } from './passages';
import type { EntrySource } from './entry-meta';

/** The records search indexes; tags are looked up by name when a query filters on them. */
export type IndexedType = 'documents' | 'highlights' | 'notes' | 'actors' | 'events';
export const INDEXED_TYPES: readonly IndexedType[] = ['documents', 'highlights', 'notes', 'actors', 'events'];

const RTL_LANGUAGES = new Set(['ar', 'fa', 'ur', 'he', 'ps', 'ckb', 'sd', 'ug', 'yi']);
const HIGHLIGHT_BOOST = 1.5;

/**
 * A document's entries: one per passage, each carrying the title and authors
 * (so a query can match words of the title and of the passage together), or
 * one for the title alone when the document has no text.
 */
export async function documentEntries(document: DocumentRecord, text: string, blobs: BlobStore): Promise<EntrySource[]> {
  const base = { id: document.id, version: document.updatedAt, ...(document.publishedAt ? { date: document.publishedAt } : {}) };
  const author = document.authors.join(' · ');
  const passages = passagesOf(text, await readStructure(document, blobs));
  if (passages.length === 0) return [{ meta: { kind: 'document', ...base, ...(document.language ? { language: document.language } : {}) }, title: document.title, author }];
  return passages.map((passage) => {
    const body = text.slice(passage.start, passage.end);
    const language = passageLanguage(body, document.language);
    return {
      meta: { kind: 'passage', ...base, start: passage.start, end: passage.end, ...(passage.page === undefined ? {} : { page: passage.page }), ...(language ? { language } : {}) },
      title: document.title,
      author,
      body,
    };
  });
}

/** The document's language, unless the passage is plainly in another script; then its own. */
function passageLanguage(body: string, documentLanguage: string | undefined): string | undefined {
  if (documentLanguage) {
    const rtl = RTL_LANGUAGES.has(documentLanguage.split('-')[0] as string);
    if ((detectDirection(body) === 'rtl') === rtl) return documentLanguage;
  }
  return detectLanguage(body).language ?? documentLanguage;
}

async function readStructure(document: DocumentRecord, blobs: BlobStore): Promise<DocumentStructure | undefined> {
  if (!document.structure) return undefined;
  try {
    const parsed = DocumentStructure.safeParse(JSON.parse(await blobs.getText(document.structure.sha256)));
    return parsed.success ? parsed.data : undefined;
  } catch {
    // A damaged structure blob costs the passages their block boundaries, not their search.
    return undefined;
  }
}

export function highlightEntry(highlight: HighlightRecord, document: DocumentRecord | undefined): EntrySource {
  const { start, end } = highlight.target.position;
  return {
    meta: {
      kind: 'highlight',
      id: highlight.id,
      version: highlight.updatedAt,
      documentId: highlight.documentId,
      start,
      end,
      ...(highlight.target.page === undefined ? {} : { page: highlight.target.page }),
      ...(document?.language ? { language: document.language } : {}),
      ...(document?.publishedAt ? { date: document.publishedAt } : {}),
    },
    body: highlight.target.quote.exact,
    comment: highlight.comment,
    boost: HIGHLIGHT_BOOST,
  };
}

export function noteEntry(note: NoteRecord): EntrySource {
  return { meta: { kind: 'note', id: note.id, version: note.updatedAt, ...languageOf(note.body || note.title) }, title: note.title, body: note.body };
}

export function actorEntry(actor: ActorRecord): EntrySource {
  return { meta: { kind: 'actor', id: actor.id, version: actor.updatedAt }, title: [actor.name, ...actor.aliases].join(' · '), body: actor.description };
}

export function eventEntry(event: EventRecord): EntrySource {
  return {
    meta: { kind: 'event', id: event.id, version: event.updatedAt, date: event.date.start },
    title: event.title,
    body: [event.location, event.type, event.notes].filter(Boolean).join('\n'),
  };
}

function languageOf(text: string): { language?: string } {
  const language = detectLanguage(text).language;
  return language ? { language } : {};
}
