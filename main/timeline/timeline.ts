import { sortByEventDate } from '../../shared/timeline/event-date';
import type { EventEvidence, TimelineEntry } from '../../shared/actors/view-models';
import type { EventRecord, HighlightRecord } from '../../shared/model/records';
import type { RecordService } from '../notebook/records/record-service';

/**
 * An event's evidence is every live highlight it lists and every live
 * highlight tagged with it from the reader: the two links are kept where
 * each was made, and read together here.
 */
function evidenceOf(event: EventRecord, highlights: readonly HighlightRecord[]): HighlightRecord[] {
  const listed = new Set(event.evidence);
  return highlights.filter((highlight) => listed.has(highlight.id) || highlight.eventIds.includes(event.id));
}

/** Live events in date order (see event-date.ts), each with the documents its evidence comes from. */
export async function timeline(records: RecordService): Promise<TimelineEntry[]> {
  const [events, highlights] = await Promise.all([records.list('events'), records.list('highlights')]);
  return sortByEventDate(events).map((event) => ({ event, documentIds: [...new Set(evidenceOf(event, highlights).map((highlight) => highlight.documentId))] }));
}

/** The passages that support an event, in document title order, then reading order. */
export async function eventEvidence(records: RecordService, eventId: string): Promise<EventEvidence> {
  const [event, documents, highlights] = await Promise.all([records.get('events', eventId), records.list('documents'), records.list('highlights')]);
  const documentById = new Map(documents.map((document) => [document.id, document]));
  return evidenceOf(event, highlights)
    .flatMap((highlight) => {
      const document = documentById.get(highlight.documentId);
      return document ? [{ highlight, document: { id: document.id, title: document.title, kind: document.kind } }] : [];
    })
    .sort((a, b) => a.document.title.localeCompare(b.document.title) || a.highlight.target.position.start - b.highlight.target.position.start);
}
