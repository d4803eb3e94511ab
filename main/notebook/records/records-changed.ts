import type { EventPayload } from '../../../shared/api/contract';
import type { RecordOf, RecordType } from '../../../shared/model/records';

/**
 * The records.changed event for some records of one type. Highlights also
 * name their documents (and `alsoDocuments`, those they were moved from), so
 * an open reader reloads only for its own.
 */
export function recordsChanged<T extends RecordType>(type: T, records: readonly RecordOf<T>[], alsoDocuments: readonly string[] = []): EventPayload<'records.changed'> {
  const ids = records.map((record) => record.id);
  if (type !== 'highlights') return { type, ids };
  const documentIds = new Set([...(records as readonly RecordOf<'highlights'>[]).map((highlight) => highlight.documentId), ...alsoDocuments]);
  return { type, ids, documentIds: [...documentIds] };
}
