import { useCallback, useEffect, useState } from 'react';
import type { FieldbookApi } from '../../../shared/api/contract';
import type { RecordType } from '../../../shared/model/records';

/**
 * The result of an API call, loaded on mount and again whenever records of
 * the kinds it depends on change (in this window, another, or a merge in
 * main), so a view never shows a stale join.
 */
export function useApiResult<T>(api: FieldbookApi, load: () => Promise<T>, onError: (error: unknown) => void, dependsOn: readonly RecordType[]): { data: T | undefined; reload(): void } {
  const [data, setData] = useState<T>();
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const kinds = dependsOn.join(',');

  useEffect(() => {
    let current = true;
    load().then(
      (result) => current && setData(result),
      (error: unknown) => current && onError(error),
    );
    return () => {
      current = false;
    };
  }, [load, onError, version]);

  useEffect(() => api.on('records.changed', ({ type }) => kinds.split(',').includes(type) && reload()), [api, kinds, reload]);
  return { data, reload };
}
