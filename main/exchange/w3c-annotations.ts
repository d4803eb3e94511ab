import { randomUUID } from 'node:crypto';
import type { DocumentRecord, HighlightRecord, RecordType } from '../../shared/model/records';
import type { RecordSet } from './record-set';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** A record's IRI: urn:uuid for the UUIDs Fieldbook makes, a Fieldbook URN otherwise. */
export function recordIri(type: RecordType, id: string): string {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? `urn:uuid:${id.toLowerCase()}` : `urn:fieldbook:${type}:${id}`;
}

interface TextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging' | 'identifying' | 'linking';
  format?: 'text/plain';
}

/**
 * Highlights and their comments as a W3C Web Annotation collection
 * (JSON-LD). Each highlight targets its document with the same selectors the
 * notebook stores: a TextQuoteSelector, a TextPositionSelector over the
 * canonical text, and for PDFs the page as an RFC 3778 fragment. Tags,
 * actors and events become tagging, identifying and linking bodies.
 */
export function annotationCollection(records: Pick<RecordSet, 'highlights' | 'documents' | 'tags' | 'actors' | 'events'>, label: string): Record<string, unknown> {
  const documents = new Map(records.documents.map((document) => [document.id, document]));
  const names = new Map<string, string>([...records.tags, ...records.actors].map((record) => [record.id, record.name]));
  const titles = new Map(records.events.map((event) => [event.id, event.title]));
  const items = records.highlights
    .filter((highlight) => !highlight.deletedAt && documents.get(highlight.documentId) && !documents.get(highlight.documentId)?.deletedAt)
    .sort((a, b) => a.documentId.localeCompare(b.documentId) || a.target.position.start - b.target.position.start)
    .map((highlight) => annotation(highlight, documents.get(highlight.documentId) as DocumentRecord, names, titles));
  return {
    '@context': ANNOTATION_CONTEXT,
    id: `urn:uuid:${randomUUID()}`,
    type: 'AnnotationCollection',
    label,
    total: items.length,
    first: { id: `urn:uuid:${randomUUID()}`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

function annotation(highlight: HighlightRecord, document: DocumentRecord, names: Map<string, string>, titles: Map<string, string>): Record<string, unknown> {
  const body: TextualBody[] = [];
  if (highlight.comment) body.push({ type: 'TextualBody', value: highlight.comment, format: 'text/plain', purpose: 'commenting' });
  for (const id of highlight.tags) if (names.has(id)) body.push({ type: 'TextualBody', value: names.get(id) as string, purpose: 'tagging' });
  for (const id of highlight.actorIds) if (names.has(id)) body.push({ type: 'TextualBody', value: names.get(id) as string, purpose: 'identifying' });
  for (const id of highlight.eventIds) if (titles.has(id)) body.push({ type: 'TextualBody', value: titles.get(id) as string, purpose: 'linking' });
  const { quote, position, page } = highlight.target;
  const selector: Record<string, unknown>[] = [
    { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
    { type: 'TextPositionSelector', start: position.start, end: position.end },
  ];
  if (page !== undefined) selector.push({ type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3778', value: `page=${page + 1}` });
  return {
    id: recordIri('highlights', highlight.id),
    type: 'Annotation',
    motivation: highlight.comment ? 'commenting' : 'highlighting',
    created: highlight.createdAt,
    modified: highlight.updatedAt,
    creator: { type: 'Person', name: highlight.author },
    ...(body.length > 0 ? { body } : {}),
    target: {
      type: 'SpecificResource',
      source: document.sourceUrl && /^https?:\/\//i.test(document.sourceUrl) ? document.sourceUrl : recordIri('documents', document.id),
      selector,
    },
  };
}
