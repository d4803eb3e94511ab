import { useCallback, useEffect, useState } from 'react';
import type { FieldbookApi } from '../../../shared/api/contract';
import type { AppInfo } from '../../../shared/model/app';
import { LibraryCollection } from '../../../shared/model/library';
import type { NotebookProblem } from '../../../shared/model/notebook';
import type { Settings } from '../../../shared/model/settings';
import { applyTheme } from '../styles/theme';
import { ErrorBanner } from './ErrorBanner';
import { NoNotebookScreen } from './NoNotebookScreen';
import { NotebookWorkspace, type OpenNotebook } from './NotebookWorkspace';

/** The app with no notebook open: the chooser, with the reason. */
interface Unopened {
  info: AppInfo;
  settings: Settings;
  problem: NotebookProblem;
}

export function App({ api }: { api: FieldbookApi }) {
  const [loaded, setLoaded] = useState<OpenNotebook>();
  const [unopened, setUnopened] = useState<Unopened>();
  const [error, setError] = useState<unknown>();

  const load = useCallback(async () => {
    try {
      const [info, state, settings] = await Promise.all([api.call('app.info', {}), api.call('notebook.current', {}), api.call('settings.get', {})]);
      if (!state.open) {
        setLoaded(undefined);
        setUnopened({ info, settings, problem: state.problem });
        setError(undefined);
        return;
      }
      const counts = await api.call('library.counts', {});
      setLoaded({ info, notebook: state.notebook, settings, counts });
      setUnopened(undefined);
      setError(undefined);
    } catch (caught) {
      setError(caught);
    }
  }, [api]);
  /** Records changed: only the library's counts can have moved, and only when a counted kind changed. */
  const reloadCounts = useCallback(async () => {
    try {
      const counts = await api.call('library.counts', {});
      setLoaded((current) => current && { ...current, counts });
      setError(undefined);
    } catch (caught) {
      setError(caught);
    }
  }, [api]);

  useEffect(() => {
    void load();
    const unsubscribe = [
      api.on('settings.changed', (settings) => setLoaded((current) => current && { ...current, settings })),
      api.on('notebook.changed', () => void load()),
      api.on('records.changed', ({ type }) => {
        // Tagging hundreds of mentions sends a change per batch of highlights: none of them moves a count.
        if (LibraryCollection.safeParse(type).success) void reloadCounts();
      }),
    ];
    return () => unsubscribe.forEach((stop) => stop());
  }, [api, load, reloadCounts]);

  const theme = (loaded ?? unopened)?.settings.theme ?? 'system';
  useEffect(() => applyTheme(theme), [theme]);

  const updateSettings = useCallback(
    async (patch: Partial<Settings>) => {
      try {
        const settings = await api.call('settings.update', patch);
        setLoaded((current) => current && { ...current, settings });
      } catch (caught) {
        setError(caught);
        throw caught;
      }
    },
    [api],
  );

  if (unopened) return <NoNotebookScreen api={api} problem={unopened.problem} canChooseFolder={unopened.info.canChooseFolder} onOpened={() => void load()} />;
  if (!loaded) {
    return error ? <ErrorBanner error={error} onRetry={() => void load()} /> : <p className="loading" role="status">Opening notebook…</p>;
  }
  // Everything the page shows of a notebook (the open document, its highlights, pages, searches) starts afresh with another notebook.
  return <NotebookWorkspace key={loaded.notebook.path} api={api} loaded={loaded} error={error} onError={setError} onUpdateSettings={updateSettings} />;
}
