import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldbookApi } from '../../../shared/api/contract';
import type { AppInfo } from '../../../shared/model/app';
import type { LibraryCounts } from '../../../shared/model/library';
import type { NotebookInfo } from '../../../shared/model/notebook';
import type { Settings } from '../../../shared/model/settings';
import { DropZone } from '../import/DropZone';
import { ImportSummaryDialog } from '../import/ImportSummaryDialog';
import { useImport } from '../import/useImport';
import { LibraryView } from '../views/LibraryView';
import { SettingsView } from '../views/SettingsView';
import { ErrorBanner } from './ErrorBanner';
import { NotebookDialog } from './NotebookDialog';
import { ProblemsBanner } from './ProblemsBanner';
import { useGlobalShortcuts } from './keyboard';
import { sectionForCommand, type Section } from './sections';
import { Sidebar } from './Sidebar';
import { StatusBar } from './StatusBar';
import { applyTheme } from './theme';
import { TopBar } from './TopBar';

interface Loaded {
  info: AppInfo;
  notebook: NotebookInfo;
  settings: Settings;
  counts: LibraryCounts;
}

export function App({ api }: { api: FieldbookApi }) {
  const [loaded, setLoaded] = useState<Loaded>();
  const [error, setError] = useState<unknown>();
  const [section, setSection] = useState<Section>('documents');
  const [query, setQuery] = useState('');
  const [notebookDialog, setNotebookDialog] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);

  const focusSearch = useCallback(() => searchRef.current?.focus(), []);
  const imports = useImport(api, setError);

  const load = useCallback(async () => {
    try {
      const [info, notebook, settings, counts] = await Promise.all([
        api.call('app.info', {}),
        api.call('notebook.current', {}),
        api.call('settings.get', {}),
        api.call('library.counts', {}),
      ]);
      setLoaded({ info, notebook, settings, counts });
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
      api.on('records.changed', () => void load()),
      api.on('app.command', ({ command }) => {
        if (command === 'focus-search') focusSearch();
        const target = sectionForCommand(command);
        if (target) setSection(target);
      }),
    ];
    return () => unsubscribe.forEach((stop) => stop());
  }, [api, load, focusSearch]);

  useEffect(() => applyTheme(loaded?.settings.theme ?? 'system'), [loaded?.settings.theme]);
  useGlobalShortcuts({ focusSearch, showSection: setSection });

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

  if (!loaded) {
    return error ? <ErrorBanner error={error} onRetry={() => void load()} /> : <p className="loading" role="status">Opening notebook…</p>;
  }

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <TopBar
        notebook={loaded.notebook}
        section={section}
        query={query}
        onQuery={setQuery}
        searchRef={searchRef}
        theme={loaded.settings.theme}
        onTheme={(theme) => void updateSettings({ theme }).catch(() => undefined)}
        onNotebook={() => setNotebookDialog(true)}
      />
      <NotebookDialog api={api} notebook={loaded.notebook} open={notebookDialog} onClose={() => setNotebookDialog(false)} />
      <DropZone notebookName={loaded.notebook.name} onFiles={(files) => void imports.importFiles(files)} />
      <ImportSummaryDialog summary={imports.summary} onClose={imports.dismiss} onRetryWithPassword={imports.retryWithPassword} />
      <div className="app-body">
        <Sidebar section={section} counts={loaded.counts} onSelect={setSection} />
        <main id="main" className="main-pane" tabIndex={-1}>
          {error !== undefined && <ErrorBanner error={error} onDismiss={() => setError(undefined)} />}
          <ProblemsBanner api={api} notebook={loaded.notebook} />
          {section === 'settings' ? (
            <SettingsView settings={loaded.settings} onSave={updateSettings} />
          ) : (
            <LibraryView
              api={api}
              collection={section}
              query={query}
              total={loaded.counts[section]}
              onError={setError}
              onOpenSettings={() => setSection('settings')}
              onImport={(files) => void imports.importFiles(files)}
              importing={imports.preparing !== undefined}
            />
          )}
        </main>
      </div>
      <StatusBar api={api} info={loaded.info} notebook={loaded.notebook} preparing={imports.preparing} />
    </div>
  );
}
