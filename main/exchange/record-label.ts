import type { RecordOf, RecordType } from '../../shared/model/records';

/** A short human name for a record, for reports and messages. */
export function recordLabel(type: RecordType, record: RecordOf<RecordType>): string {
  const fields = record as Partial<Record<string, unknown>>;
  if (type === 'highlights') return `“${(record as RecordOf<'highlights'>).target.quote.exact.slice(0, 80)}”`;
  if (type === 'actors' || type === 'tags') return String(fields.name);
  return String(fields.title || '(untitled)');
}
