import { useEffect, useMemo } from 'react';
import type { FieldbookApi } from '../../../shared/api/contract';
import type { LinkCandidate } from '../../../shared/notes/link-candidates';

const LINKABLE = new Set(['actors', 'events', 'documents', 'highlights', 'notes']);

/**
 * What the `[[` picker offers, fetched when the picker first opens and again
 * only after records changed: autosaves change notes all the time, and the
 * list is not worth fetching until someone types `[[`.
 */
export function useLinkCandidates(api: FieldbookApi): () => Promise<readonly LinkCandidate[]> {
  const cache = useMemo(() => ({ list: undefined as Promise<readonly LinkCandidate[]> | undefined }), []);
  useEffect(() => api.on('records.changed', ({ type }) => LINKABLE.has(type) && (cache.list = undefined)), [api, cache]);
  return useMemo(
    () => () => {
      const list = (cache.list ??= api.call('notes.linkCandidates', {}));
      // A failed fetch is not kept: the next `[[` asks again.
      list.catch(() => cache.list === list && (cache.list = undefined));
      return list;
    },
    [api, cache],
  );
}
