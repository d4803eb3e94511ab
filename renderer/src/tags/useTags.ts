import { useCallback, useEffect, useState } from 'react';
import type { FieldbookApi } from '../../../shared/api/contract';
import type { TagRecord } from '../../../shared/model/records';
import { nextTagColor } from './tag-colors';

export interface Tags {
  all: TagRecord[];
  byId: ReadonlyMap<string, TagRecord>;
  /** The tag with this name (any case), created when there is none. */
  ensure(name: string): Promise<TagRecord>;
  recolor(id: string, color: string): Promise<void>;
}

export function useTags(api: FieldbookApi, onError: (error: unknown) => void): Tags {
  const [all, setAll] = useState<TagRecord[]>([]);

  useEffect(() => {
    let current = true;
    api.call('tags.list', {}).then(
      (tags) => current && setAll(tags),
      (error: unknown) => current && onError(error),
    );
    return () => {
      current = false;
    };
  }, [api, onError]);

  const ensure = useCallback(
    async (name: string) => {
      const wanted = name.trim().toLocaleLowerCase();
      const existing = all.find((tag) => tag.name.toLocaleLowerCase() === wanted);
      if (existing) return existing;
      const created = await api.call('tags.create', { name: name.trim(), color: nextTagColor(all.length) });
      setAll((tags) => [...tags, created]);
      return created;
    },
    [api, all],
  );

  const recolor = useCallback(
    async (id: string, color: string) => {
      try {
        const updated = await api.call('tags.update', { id, patch: { color } });
        setAll((tags) => tags.map((tag) => (tag.id === id ? updated : tag)));
      } catch (error) {
        onError(error);
      }
    },
    [api, onError],
  );

  return { all, byId: new Map(all.map((tag) => [tag.id, tag])), ensure, recolor };
}
