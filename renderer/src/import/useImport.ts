import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldbookApi } from '../../../shared/api/contract';
import type { ImportFileResult, ImportSummary } from '../../../shared/model/import';
import type { ChosenFile } from './dropped-files';

export interface ImportState {
  /** Files handed to main so far, while they are being handed over. */
  preparing?: { done: number; total: number };
  /** The last finished import (from this window or the app menu), until dismissed. */
  summary?: ImportSummary;
  importFiles(files: ChosenFile[]): Promise<void>;
  /** Import again, with its password, a file of the last import that needs one. */
  retryWithPassword(result: ImportFileResult, password: string): Promise<void>;
  dismiss(): void;
}

/** What a retry of some files changes in the summary it started from. */
function replaceResults(earlier: ImportSummary, retried: ImportSummary): ImportSummary {
  const replaced = new Set(retried.results.map((result) => result.path));
  const results = [...earlier.results.filter((result) => !replaced.has(result.path)), ...retried.results];
  const count = (status: ImportFileResult['status']) => results.filter((result) => result.status === status).length;
  return { ...earlier, results, imported: count('imported'), duplicates: count('duplicate'), failed: count('failed') };
}

/**
 * Hand the chosen files to main as one upload batch, then start importing it;
 * main reports progress as a task and the result as import.finished. A file
 * refused at hand-over (too large, say) is listed with the others. The files
 * of the last import are kept until its summary is dismissed, so that a
 * password-protected PDF can be sent again with its password.
 */
export function useImport(api: FieldbookApi, onError: (error: unknown) => void): ImportState {
  const [preparing, setPreparing] = useState<ImportState['preparing']>();
  const [summary, setSummary] = useState<ImportSummary>();
  const refused = useRef<ImportFileResult[]>([]);
  const chosen = useRef(new Map<string, File>());
  /**
   * Files being retried with a password. An import whose files are all among
   * them updates the summary on screen instead of replacing it. (Matched by
   * path rather than task id: the summary can arrive before import.start answers.)
   */
  const retrying = useRef(new Set<string>());

  useEffect(
    () =>
      api.on('import.finished', ({ summary: finished }) => {
        const paths = finished.results.map((result) => result.path);
        if (paths.length > 0 && paths.every((path) => retrying.current.has(path))) {
          paths.forEach((path) => retrying.current.delete(path));
          setSummary((earlier) => (earlier ? replaceResults(earlier, finished) : finished));
          return;
        }
        const earlier = refused.current;
        refused.current = [];
        setSummary({ ...finished, results: [...earlier, ...finished.results], failed: finished.failed + earlier.length });
      }),
    [api],
  );

  /** Upload files as one batch; the ones main refuses are returned with their reasons. */
  const upload = useCallback(
    async (batch: string, files: ChosenFile[]): Promise<ImportFileResult[]> => {
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
      return failed;
    },
    [api],
  );

  const importFiles = useCallback(
    async (files: ChosenFile[]) => {
      if (files.length === 0) return;
      chosen.current = new Map(files.map(({ file, relativePath }) => [relativePath, file]));
      const batch = crypto.randomUUID();
      const failed = await upload(batch, files);
      if (failed.length === files.length) {
        setSummary({ results: failed, imported: 0, duplicates: 0, failed: failed.length, cancelled: false, notReached: [] });
        return;
      }
      refused.current = failed;
      try {
        await api.call('import.start', { batch });
      } catch (error) {
        onError(error);
      }
    },
    [api, onError, upload],
  );

  const retryWithPassword = useCallback(
    async (result: ImportFileResult, password: string) => {
      const shownPath = result.path;
      const file = chosen.current.get(shownPath);
      let start: () => Promise<unknown>;
      if (file) {
        const batch = crypto.randomUUID();
        const [failed] = await upload(batch, [{ file, relativePath: shownPath }]);
        if (failed) throw new Error(failed.reason);
        start = () => api.call('import.start', { batch, passwords: { [shownPath]: password } });
      } else if (result.retryId) {
        // Imported by path (Electron's Import menu): main reads the file again, by the handle it gave; the page never names a path.
        const { retryId } = result;
        start = () => api.call('import.retry', { retryId, password });
      } else {
        throw new Error(`“${shownPath}” is no longer at hand: import it again.`);
      }
      retrying.current.add(shownPath);
      try {
        await start();
      } catch (error) {
        retrying.current.delete(shownPath);
        throw error;
      }
    },
    [api, upload],
  );

  const dismiss = useCallback(() => {
    setSummary(undefined);
    chosen.current = new Map();
  }, []);

  return { ...(preparing ? { preparing } : {}), ...(summary ? { summary } : {}), importFiles, retryWithPassword, dismiss };
}
