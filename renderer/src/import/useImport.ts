import { useCallback, useEffect, useState } from 'react';
import type { FieldbookApi } from '../../../shared/api/contract';
import type { ImportFileResult, ImportSummary } from '../../../shared/model/import';
import type { ChosenFile } from './dropped-files';

export interface ImportState {
  /** Files handed to main so far, while they are being handed over. */
  preparing?: { done: number; total: number };
  /** The last finished import (from this window or the app menu), until dismissed. */
  summary?: ImportSummary;
  importFiles(files: ChosenFile[]): Promise<void>;
  dismiss(): void;
}

/**
 * Hand the chosen files to main as one upload batch, then start importing it;
 * main reports progress as a task and the result as import.finished. A file
 * refused at hand-over (too large, say) is listed with the others.
 */
export function useImport(api: FieldbookApi, onError: (error: unknown) => void): ImportState {
  const [preparing, setPreparing] = useState<ImportState['preparing']>();
  const [summary, setSummary] = useState<ImportSummary>();
  const [refused, setRefused] = useState<ImportFileResult[]>([]);

  useEffect(
    () =>
      api.on('import.finished', ({ summary: finished }) => {
        setRefused((earlier) => {
          setSummary({ ...finished, results: [...earlier, ...finished.results], failed: finished.failed + earlier.length });
          return [];
        });
      }),
    [api],
  );

  const importFiles = useCallback(
    async (files: ChosenFile[]) => {
      if (files.length === 0) return;
      const batch = crypto.randomUUID();
      const failed: ImportFileResult[] = [];
      setPreparing({ done: 0, total: files.length });
      for (const [index, { file, relativePath }] of files.entries()) {
        try {
          await api.upload(batch, relativePath, file);
        } catch (error) {
          failed.push({ path: relativePath, status: 'failed', reason: error instanceof Error ? error.message : String(error) });
        }
        setPreparing({ done: index + 1, total: files.length });
      }
      setPreparing(undefined);
      if (failed.length === files.length) {
        setSummary({ results: failed, imported: 0, duplicates: 0, failed: failed.length, cancelled: false, notFinished: 0 });
        return;
      }
      setRefused(failed);
      try {
        await api.call('import.start', { batch });
      } catch (error) {
        onError(error);
      }
    },
    [api, onError],
  );

  return { ...(preparing ? { preparing } : {}), ...(summary ? { summary } : {}), importFiles, dismiss: () => setSummary(undefined) };
}
