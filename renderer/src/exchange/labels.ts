import type { Counts } from '../../../shared/exchange/merge-report';
import type { RecordType } from '../../../shared/model/records';

export const recordNames: Record<RecordType, [singular: string, plural: string]> = {
  documents: ['document', 'documents'],
  highlights: ['highlight', 'highlights'],
  actors: ['actor', 'actors'],
  events: ['event', 'events'],
  notes: ['note', 'notes'],
  tags: ['tag', 'tags'],
};

/** "2 documents, 1 highlight": the kinds with a count, or `none` when every count is zero. */
export function describeCounts(counts: Counts, none = 'nothing'): string {
  const parts = (Object.keys(recordNames) as RecordType[]).filter((type) => counts[type] > 0).map((type) => `${counts[type]} ${recordNames[type][counts[type] === 1 ? 0 : 1]}`);
  return parts.length > 0 ? parts.join(', ') : none;
}

export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A record as a report names it: highlights are labelled by their quote, already in quotation marks. */
export function quotedLabel(type: RecordType, label: string): string {
  return type === 'highlights' ? label : `“${label}”`;
}
