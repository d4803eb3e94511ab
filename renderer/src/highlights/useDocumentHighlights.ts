import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import type { FieldbookApi } from '../../../shared/api/contract';
import type { HighlightColor, HighlightPatch, HighlightRecord } from '../../../shared/model/records';
import type { TextRange } from '../reader/view-props';

export interface DocumentHighlights {
  records: HighlightRecord[] | undefined;
  /** The most recently deleted highlight that undo would bring back. */
  undoable: HighlightRecord | undefined;
  create(range: TextRange, color: HighlightColor): Promise<HighlightRecord | undefined>;
  update(id: string, patch: z.input<typeof HighlightPatch>): Promise<void>;
  remove(id: string): Promise<void>;
  /** Bring back the last deleted highlight; gives it back once restored. */
  undo(): Promise<HighlightRecord | undefined>;
}

/** The open document's highlights, kept in step with main after every change. */
export function useDocumentHighlights(api: FieldbookApi, documentId: string, onError: (error: unknown) => void): DocumentHighlights {
  const [records, setRecords] = useState<HighlightRecord[]>();
  const [deleted, setDeleted] = useState<HighlightRecord[]>([]);

  useEffect(() => {
    let current = true;
    setRecords(undefined);
    setDeleted([]);
    api.call('highlights.list', { documentId }).then(
      (list) => current && setRecords(list),
      (error: unknown) => current && onError(error),
    );
    return () => {
      current = false;
    };
  }, [api, documentId, onError]);

  const replace = (record: HighlightRecord) => setRecords((list) => (list ?? []).map((other) => (other.id === record.id ? record : other)));

  const create = useCallback(
    async (range: TextRange, color: HighlightColor) => {
      try {
        const anchor = range.page === undefined ? { start: range.start, end: range.end } : { start: range.start, end: range.end, page: range.page };
        const record = await api.call('highlights.create', { documentId, anchor, color });
        setRecords((list) => [...(list ?? []), record]);
        return record;
      } catch (error) {
        onError(error);
        return undefined;
      }
    },
    [api, documentId, onError],
  );

  const update = useCallback(
    async (id: string, patch: z.input<typeof HighlightPatch>) => {
      try {
        replace(await api.call('highlights.update', { id, patch }));
      } catch (error) {
        onError(error);
      }
    },
    [api, onError],
  );

  const remove = useCallback(
    async (id: string) => {
      try {
        const tombstone = await api.call('highlights.delete', { id });
        setRecords((list) => (list ?? []).filter((other) => other.id !== id));
        setDeleted((stack) => [...stack, tombstone]);
      } catch (error) {
        onError(error);
      }
    },
    [api, onError],
  );

  const undo = useCallback(async () => {
    const last = deleted[deleted.length - 1];
    if (!last) return undefined;
    try {
      const restored = await api.call('highlights.restore', { id: last.id });
      setDeleted((stack) => stack.filter((other) => other.id !== last.id));
      setRecords((list) => [...(list ?? []), restored]);
      return restored;
    } catch (error) {
      onError(error);
      return undefined;
    }
  }, [api, deleted, onError]);

  return { records, undoable: deleted[deleted.length - 1], create, update, remove, undo };
}
