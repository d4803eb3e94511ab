import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldbookApi } from '../../../shared/api/contract';
import type { AppInfo } from '../../../shared/model/app';
import type { LibraryCounts } from '../../../shared/model/library';
import type { NotebookInfo } from '../../../shared/model/notebook';
import type { Settings } from '../../../shared/model/settings';
import { ExchangeDialogs } from '../exchange/ExchangeDialogs';
import { useExchangeDialogs } from '../exchange/useExchangeDialogs';
import { DropZone } from '../import/DropZone';
import { ImportSummaryDialog } from '../import/ImportSummaryDialog';
import { useImport } from '../import/useImport';
import { ActorPage } from '../actors/ActorPage';
import { NewActor } from '../actors/NewActor';
import { MentionsView } from '../actors/MentionsView';
import { AllHighlightsView } from '../highlights/AllHighlightsView';
import { NetworkView } from '../network/NetworkView';
import { NotesView } from '../notes/NotesView';
import { EventPage } from '../timeline/EventPage';
import { NewEvent } from '../timeline/NewEvent';
import { TimelineView } from '../timeline/TimelineView';
import { ReaderView } from '../reader/ReaderView';
import { SearchView } from '../search/SearchView';
import type { TextRange } from '../navigation/text-range';
import { LibraryView } from '../views/LibraryView';
import { SettingsView } from '../views/SettingsView';
import { ErrorBanner } from './ErrorBanner';
import { FileMenu } from './FileMenu';
import { NotebookDialog } from './NotebookDialog';
import { ProblemsBanner } from './ProblemsBanner';
import { useGlobalShortcuts } from '../navigation/keyboard';
import { sectionForCommand, type Section } from '../navigation/sections';
import { ShortcutsDialog } from './ShortcutsDialog';
import { Sidebar } from './Sidebar';
import { StatusBar } from './StatusBar';
import { TopBar } from './TopBar';

export interface OpenNotebook {
  info: AppInfo;
  notebook: NotebookInfo;
  settings: Settings;
  counts: LibraryCounts;
}

/** The document open in the reader, and what to show in it; `opened` tells two openings of the same passage apart. */
interface Reading {
  documentId: string;
  range?: TextRange;
  terms?: readonly string[];
  opened: number;
}

interface NotebookWorkspaceProps {
  api: FieldbookApi;
  loaded: OpenNotebook;
  error: unknown;
  onError(error: unknown): void;
  onUpdateSettings(patch: Partial<Settings>): Promise<void>;
}

/**
 * One open notebook's window: what is being read, searched and looked at.
 * The app mounts it afresh for each notebook, so nothing of one notebook
 * (its document, highlights, a page, a search) is left over in the next.
 */
export function NotebookWorkspace({ api, loaded, error, onError: setError, onUpdateSettings: updateSettings }: NotebookWorkspaceProps) {
  const [section, setSection] = useState<Section>('documents');
  const [query, setQuery] = useState('');
  const [notebookDialog, setNotebookDialog] = useState(false);
  const [shortcutsDialog, setShortcutsDialog] = useState(false);
  const [reading, setReading] = useState<Reading>();
  const [actorId, setActorId] = useState<string>();
  const [noteId, setNoteId] = useState<string>();
  const [eventId, setEventId] = useState<string>();
  const searchRef = useRef<HTMLInputElement>(null);

  const focusSearch = useCallback(() => searchRef.current?.focus(), []);
  /** Open a document in the reader, optionally at a passage and with search terms marked (library, search results, all highlights). */
  const openDocument = useCallback((documentId: string, range?: TextRange, terms?: readonly string[]) => {
    setReading({ documentId, opened: Date.now(), ...(range ? { range } : {}), ...(terms?.length ? { terms } : {}) });
  }, []);
  const showSection = useCallback((target: Section) => {
    setReading(undefined);
    setActorId(undefined);
    setEventId(undefined);
    setSection(target);
  }, []);
  /** Open a note in the notes section (search results, backlinks, attached notes). */
  const openNote = useCallback((id: string) => {
    setReading(undefined);
    setActorId(undefined);
    setSection('notes');
    setNoteId(id);
  }, []);
  /** Open an actor's page (search results, notes). */
  const openActor = useCallback((id: string) => {
    setReading(undefined);
    setSection('actors');
    setActorId(id);
  }, []);
  /** Open an event's page (the Events list, notes' links, search results). */
  const openEvent = useCallback((id: string) => {
    setReading(undefined);
    setActorId(undefined);
    setSection('events');
    setEventId(id);
  }, []);
  const imports = useImport(api, setError);
  const exchange = useExchangeDialogs(api);

  useEffect(
    () =>
      api.on('app.command', ({ command }) => {
        if (command === 'focus-search') focusSearch();
        const target = sectionForCommand(command);
        if (target) showSection(target);
      }),
    [api, focusSearch, showSection],
  );
  const showShortcuts = useCallback(() => setShortcutsDialog(true), []);
  useGlobalShortcuts({ focusSearch, showSection, showShortcuts });

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <TopBar
        notebook={loaded.notebook}
        section={section}
        query={query}
        onQuery={(value) => {
          setQuery(value);
          // Typing a search leaves the reader for the results.
          if (value.trim() !== '') setReading(undefined);
        }}
        searchRef={searchRef}
        theme={loaded.settings.theme}
        onTheme={(theme) => void updateSettings({ theme }).catch(() => undefined)}
        onNotebook={() => setNotebookDialog(true)}
        fileMenu={<FileMenu onImport={(files) => void imports.importFiles(files)} onNotebook={() => setNotebookDialog(true)} onExchange={exchange.open} />}
      />
      <ShortcutsDialog open={shortcutsDialog} onClose={() => setShortcutsDialog(false)} />
      <ExchangeDialogs api={api} which={exchange.which} onClose={exchange.close} />
      <NotebookDialog api={api} notebook={loaded.notebook} canChooseFolder={loaded.info.canChooseFolder} open={notebookDialog} onClose={() => setNotebookDialog(false)} />
      <DropZone notebookName={loaded.notebook.name} onFiles={(files) => void imports.importFiles(files)} />
      <ImportSummaryDialog summary={imports.summary} onClose={imports.dismiss} onRetryWithPassword={imports.retryWithPassword} />
      <div className="app-body">
        <Sidebar section={section} counts={loaded.counts} onSelect={showSection} />
        <main id="main" className="main-pane" tabIndex={-1}>
          {error !== undefined && <ErrorBanner error={error} onDismiss={() => setError(undefined)} />}
          <ProblemsBanner api={api} notebook={loaded.notebook} />
          {/* The results stand for the documents list while a search is typed there: a list filtered by title beneath them would contradict them. */}
          {!reading && query.trim() !== '' && (
            <SearchView
              api={api}
              query={query}
              onOpenDocument={openDocument}
              onOpenRecord={(kind, id) => (kind === 'note' ? openNote(id) : kind === 'actor' ? openActor(id) : openEvent(id))}
              onError={setError}
            />
          )}
          {reading ? (
            <ReaderView
              key={`${reading.documentId}:${reading.opened}`}
              api={api}
              documentId={reading.documentId}
              {...(reading.range ? { range: reading.range } : {})}
              {...(reading.terms ? { terms: reading.terms } : {})}
              onBack={() => setReading(undefined)}
              onOpenNote={openNote}
              onOpenRecord={(kind, id) => (kind === 'actor' ? openActor(id) : openEvent(id))}
              onError={setError}
            />
          ) : section === 'settings' ? (
            <SettingsView settings={loaded.settings} onSave={updateSettings} />
          ) : actorId ? (
            <ActorPage
              key={actorId}
              api={api}
              actorId={actorId}
              onOpenActor={setActorId}
              onOpenDocument={openDocument}
              onBack={() => setActorId(undefined)}
              onOpenNote={openNote}
              onError={setError}
            />
          ) : section === 'events' && eventId ? (
            <EventPage key={eventId} api={api} eventId={eventId} onBack={() => setEventId(undefined)} onOpenActor={setActorId} onOpenDocument={openDocument} onOpenNote={openNote} onError={setError} />
          ) : section === 'timeline' ? (
            <TimelineView api={api} onOpenActor={setActorId} onOpenDocument={openDocument} onOpenNote={openNote} onError={setError} />
          ) : section === 'network' ? (
            <NetworkView api={api} onOpenActor={setActorId} onError={setError} />
          ) : section === 'mentions' ? (
            <MentionsView api={api} onOpenDocument={openDocument} onError={setError} />
          ) : section === 'notes' ? (
            <NotesView api={api} noteId={noteId} onSelectNote={setNoteId} onOpenDocument={openDocument} onOpenActor={setActorId} onOpenEvent={openEvent} onError={setError} />
          ) : section === 'highlights' ? (
            <AllHighlightsView api={api} onOpenDocument={openDocument} onError={setError} />
          ) : section === 'documents' && query.trim() !== '' ? null : (
            <LibraryView
              api={api}
              collection={section}
              query={query}
              total={loaded.counts[section]}
              onError={setError}
              onOpenSettings={() => setSection('settings')}
              askName={loaded.settings.authorName === ''}
              onImport={(files) => void imports.importFiles(files)}
              importing={imports.preparing !== undefined}
              {...(section === 'documents' ? { onOpen: (id: string) => openDocument(id) } : section === 'actors' ? { onOpen: setActorId } : section === 'events' ? { onOpen: openEvent } : {})}
              actions={section === 'actors' ? <NewActor api={api} onCreated={setActorId} /> : section === 'events' ? <NewEvent api={api} onCreated={openEvent} onError={setError} /> : undefined}
            />
          )}
        </main>
      </div>
      <StatusBar api={api} info={loaded.info} notebook={loaded.notebook} preparing={imports.preparing} />
    </div>
  );
}
