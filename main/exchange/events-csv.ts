import type { RecordSet } from './record-set';
import { plainCitation } from './citation';
import { csvRow } from './csv';

/** ACLED's layout, as far as Fieldbook's events fill it: one row per event, actors by name, sources as citations. */
export const EVENT_COLUMNS = ['event_id', 'event_date', 'date_precision', 'event_type', 'actor1', 'actor2', 'other_actors', 'location', 'fatalities', 'notes', 'sources', 'title'] as const;

export function eventsCsv(records: Pick<RecordSet, 'events' | 'actors' | 'highlights' | 'documents'>): string {
  const actors = new Map(records.actors.map((actor) => [actor.id, actor.name]));
  const highlights = new Map(records.highlights.filter((highlight) => !highlight.deletedAt).map((highlight) => [highlight.id, highlight]));
  const documents = new Map(records.documents.filter((document) => !document.deletedAt).map((document) => [document.id, document]));
  const live = records.events.filter((event) => !event.deletedAt).sort((a, b) => a.date.start.localeCompare(b.date.start) || a.id.localeCompare(b.id));
  const rows = live.map((event) => {
    const names = event.participants.map((participant) => actors.get(participant.actorId)).filter((name): name is string => name !== undefined);
    const sources = new Set<string>();
    for (const id of event.evidence) {
      const document = documents.get(highlights.get(id)?.documentId ?? '');
      if (document) sources.add(plainCitation(document));
    }
    return csvRow([
      event.id,
      event.date.end ? `${event.date.start}/${event.date.end}` : event.date.start,
      event.date.precision,
      event.type,
      names[0],
      names[1],
      names.slice(2).join('; '),
      event.location,
      event.fatalities?.count,
      event.notes,
      [...sources].join('; '),
      event.title,
    ]);
  });
  return [csvRow(EVENT_COLUMNS), ...rows].join('');
}
