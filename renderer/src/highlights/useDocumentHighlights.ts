import { useCallback, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { FieldbookApi } from '../../../shared/api/contract';
import type { HighlightColor, HighlightPatch, HighlightRecord } from '../../../shared/model/records';
import type { TextRange } from '../navigation/text-range';
import { HighlightReloads, mergeListed, patched, upsert } from './highlight-reloads';

export interface DocumentHighlights {
  records: HighlightRecord[] | undefined;
  /** The most recently deleted highlight that undo would bring back. */
  undoable: HighlightRecord | undefined;
  create(range: TextRange, color: HighlightColor): Promise<HighlightRecord | undefined>;
  /**
   * Shown at once, saved behind; a refused change is replaced by what main has,
   * and its reason goes to `onFailed` (the view's error by default). Says whether it was saved.
   */
  update(id: string, patch: z.input<typeof HighlightPatch>, onFailed?: (error: unknown) => void): Promise<boolean>;
  remove(id: string): Promise<void>;
  /** Bring back the last deleted highlight; gives it back once restored. */
  undo(): Promise<HighlightRecord | undefined>;
}

/**
 * The open document's highlights, kept in step with main: after the reader's
 * own edits, and whenever highlights change elsewhere (a card's picker, the
 * mention finder, a merge, an undo, another window).
 */
export function useDocumentHighlights(api: FieldbookApi, documentId: string, onError: (error: unknown) => void): DocumentHighlights {
  const [records, setRecords] = useState<HighlightRecord[]>();
  const [deleted, setDeleted] = useState<HighlightRecord[]>([]);
  const reloads = useRef<HighlightReloads>(undefined);
  /** Updates of each highlight still being saved: only the last one's answer is shown, so an earlier answer does not undo a later edit. */
  const updating = useRef(new Map<string, number>());

  useEffect(() => {
    const sync = new HighlightReloads(
      () => api.call('highlights.list', { documentId }),
      (listed) => setRecords((shown) => mergeListed(shown, listed)),
      onError,
    );
    reloads.current = sync;
    setRecords(undefined);
    setDeleted([]);
    void sync.reload();
    const unsubscribe = api.on('records.changed', ({ type, ids, documentIds }) => {
      // An event that does not say which documents its highlights belong to is taken as this one's.
      if ((type === 'highlights' && (!documentIds || documentIds.includes(documentId))) || (type === 'documents' && ids.includes(documentId))) sync.changed();
    });
    return () => {
      unsubscribe();
      sync.stop();
    };
  }, [api, documentId, onError]);

  const saving = useCallback(<T,>(save: () => Promise<T>): Promise<T> => reloads.current?.saving(save) ?? save(), []);

  const create = useCallback(
    async (range: TextRange, color: HighlightColor) => {
      try {
        const anchor = range.page === undefined ? { start: range.start, end: range.end } : { start: range.start, end: range.end, page: range.page };
        const record = await saving(() => api.call('highlights.create', { documentId, anchor, color }));
        setRecords((list) => upsert(list, record));
        return record;
      } catch (error) {
        onError(error);
        return undefined;
      }
    },
    [api, documentId, onError, saving],
  );

  const update = useCallback(
    async (id: string, patch: z.input<typeof HighlightPatch>, onFailed: (error: unknown) => void = onError) => {
      const replace = (change: (record: HighlightRecord) => HighlightRecord) => setRecords((list) => list?.map((other) => (other.id === id ? change(other) : other)));
      replace((record) => patched(record, patch));
      const inFlight = updating.current;
      inFlight.set(id, (inFlight.get(id) ?? 0) + 1);
      try {
        const saved = await saving(() => api.call('highlights.update', { id, patch }));
        if (inFlight.get(id) === 1) replace(() => saved);
        return true;
      } catch (error) {
        onFailed(error);
        reloads.current?.changed();
        return false;
      } finally {
        const left = (inFlight.get(id) ?? 1) - 1;
        if (left > 0) inFlight.set(id, left);
        else inFlight.delete(id);
      }
    },
    [api, onError, saving],
  );

  const remove = useCallback(
    async (id: string) => {
      try {
        const tombstone = await saving(() => api.call('highlights.delete', { id }));
        setRecords((list) => (list ?? []).filter((other) => other.id !== id));
        setDeleted((stack) => [...stack, tombstone]);
      } catch (error) {
        onError(error);
      }
    },
    [api, onError, saving],
  );

  const undo = useCallback(async () => {
    const last = deleted[deleted.length - 1];
    if (!last) return undefined;
    try {
      const restored = await saving(() => api.call('highlights.restore', { id: last.id }));
      setDeleted((stack) => stack.filter((other) => other.id !== last.id));
      setRecords((list) => upsert(list, restored));
      return restored;
    } catch (error) {
      onError(error);
      return undefined;
    }
  }, [api, deleted, onError, saving]);

  return { records, undoable: deleted[deleted.length - 1], create, update, remove, undo };
}
