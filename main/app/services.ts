import type { EventPayload } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import type { AppInfo, HostKind } from '../../shared/model/app';
import type { ImportSummary } from '../../shared/model/import';
import type { NotebookInfo, RecentNotebook } from '../../shared/model/notebook';
import path from 'node:path';
import { ActorMerger } from '../actors/actor-merge';
import { EventRecords } from '../event-records/event-records';
import { EventTypes } from '../event-records/event-types';
import { EventBus } from '../events/event-bus';
import { filesDone, ImportService, importStep } from '../import/import-service';
import { UploadStore } from '../import/upload-store';
import { ExtractionPool } from '../import/worker/extraction-pool';
import { NotebookStore } from '../notebook/notebook-store';
import { NoteService } from '../notes/note-service';
import { RecentNotebooks } from '../notebook/recent-notebooks';
import { welcomeDocument } from '../notebook/welcome-document';
import { createTextDocument } from '../records/documents';
import { RecordService } from '../records/record-service';
import { type NotebookSearch, openNotebookSearch } from '../search/notebook-search';
import { SegmentBuilder } from '../search/segment-builder';
import { TextCache } from '../records/text-cache';
import { currentAuthor } from '../settings/author';
import { SettingsStore } from '../settings/settings-store';
import { TaskRunner } from '../tasks/task-runner';
import { defaultNotebookDir } from './paths';
import { appVersion } from './version';

export interface ServicesOptions {
  host: HostKind;
  /** The user's data folder: settings, recent notebooks, the default notebook. */
  dataDir: string;
  /** The notebook to open; by default the last one opened, or the default notebook on first run. */
  notebookDir?: string;
}

/** The open notebook and what works on it. Replaced as a whole when another notebook is opened. */
export interface OpenNotebook {
  readonly store: NotebookStore;
  readonly records: RecordService;
  readonly texts: TextCache;
  readonly imports: ImportService;
  readonly uploads: UploadStore;
  readonly merges: ActorMerger;
  readonly eventRecords: EventRecords;
  readonly eventTypes: EventTypes;
  readonly notes: NoteService;
  readonly search: NotebookSearch;
}

export type ImportSource = ({ paths: string[] } | { batch: string }) & { passwords?: Record<string, string> };

/**
 * Everything the three hosts (Electron, browser host, command line) share.
 * Hosts only translate their transport into calls on these.
 */
export interface Services {
  readonly info: AppInfo;
  readonly events: EventBus;
  readonly settings: SettingsStore;
  readonly tasks: TaskRunner;
  notebook(): NotebookInfo;
  current(): OpenNotebook;
  recent(): RecentNotebook[];
  openNotebook(dir: string, options?: { create?: boolean; name?: string }): Promise<NotebookInfo>;
  renameNotebook(name: string): Promise<NotebookInfo>;
  /** Start importing in the background; progress is a task, the summary arrives as import.finished. */
  startImport(source: ImportSource): { taskId: string };
  close(): Promise<void>;
}

export async function createServices(options: ServicesOptions): Promise<Services> {
  const events = new EventBus();
  const settings = await SettingsStore.open(options.dataDir, events);
  const recent = await RecentNotebooks.open(options.dataDir);
  const author = () => currentAuthor(settings);

  const tasks = new TaskRunner(events);
  let pool: ExtractionPool | undefined;
  const extractionPool = () => (pool ??= new ExtractionPool());
  // One worker builds the search index, whichever notebook is open.
  const segmentBuilder = new SegmentBuilder();
  segmentBuilder.warm();
  const attach = (store: NotebookStore): OpenNotebook => {
    const records = new RecordService(store, author, events);
    const texts = new TextCache(store.blobs);
    return {
      store,
      records,
      texts,
      search: openNotebookSearch({ store, records, texts }, segmentBuilder, { onChange: (status) => events.emit('search.updated', status) }),
      imports: new ImportService(records, extractionPool),
      uploads: new UploadStore(store.info.path),
      merges: new ActorMerger(records, events, author),
      eventRecords: new EventRecords(records),
      eventTypes: new EventTypes(store),
      notes: new NoteService(records),
    };
  };

  let current = await openInitial();
  // Every change (an edit, each imported document) reaches the open notebook's index.
  events.subscribe((event, payload) => {
    if (event === 'records.changed') {
      const { type, ids } = payload as EventPayload<'records.changed'>;
      current.search.indexer.notify(type, ids);
    }
  });

  async function openInitial(): Promise<OpenNotebook> {
    const chosen = options.notebookDir ?? (await recent.last());
    if (chosen) {
      const opened = attach(await NotebookStore.open(chosen, { create: true }));
      await recent.remember(opened.store.info);
      return opened;
    }
    // First run: the embedded default notebook, with its welcome document.
    const opened = attach(await NotebookStore.open(defaultNotebookDir(options.dataDir), { create: true, name: 'My notebook' }));
    if ((await opened.records.list('documents', { includeDeleted: true })).length === 0) await createTextDocument(opened.records, { ...welcomeDocument, tags: [] });
    await recent.remember(opened.store.info);
    return opened;
  }

  return {
    info: { name: 'Fieldbook', version: appVersion, host: options.host, platform: process.platform },
    events,
    settings,
    tasks,
    notebook: () => current.store.info,
    current: () => current,
    recent: () => recent.list(),
    async openNotebook(dir, openOptions) {
      // Open (and lock) the new notebook before letting go of the old one, so a failure leaves the user where they were.
      const next = attach(await NotebookStore.open(dir, openOptions));
      const previous = current;
      current = next;
      await previous.search.indexer.close();
      await previous.store.close();
      await recent.remember(next.store.info);
      events.emit('notebook.changed', next.store.info);
      return next.store.info;
    },
    async renameNotebook(name) {
      const renamed = await current.store.rename(name);
      await recent.remember(renamed);
      events.emit('notebook.changed', renamed);
      return renamed;
    },
    startImport(source) {
      const open = current;
      const batchDir = 'batch' in source ? open.uploads.batchDir(source.batch) : undefined;
      const paths = 'paths' in source ? source.paths : [batchDir as string];
      const finished = (taskId: string, summary: ImportSummary) => {
        // Uploaded files are shown by the names the user chose, not by where they were kept.
        const shown = (file: string) => (batchDir ? path.relative(batchDir, file) : file);
        const results = summary.results.map((result) => ({ ...result, path: shown(result.path) }));
        events.emit('import.finished', { taskId, summary: { ...summary, results, notReached: summary.notReached.map(shown) } });
      };
      const task = tasks.start('import', 'Importing', async ({ taskId, signal, progress }) => {
        const summary = await open.imports.importPaths(paths, {
          signal,
          onProgress: (step) => progress(filesDone(step), step.total, importStep(step)),
          passwordFor: (file) => source.passwords?.[batchDir ? path.relative(batchDir, file).split(path.sep).join('/') : file],
        });
        // An import that could not run (its workers did not start) shows its summary and fails as a task, so the status bar says why too.
        if (summary.error) {
          finished(taskId, summary);
          throw ApiError.fromShape(summary.error);
        }
        return summary;
      });
      task.result
        .then(
          (summary) => finished(task.taskId, summary),
          (error: unknown) => console.error('Import failed', error),
        )
        .finally(() => {
          if ('batch' in source) void open.uploads.discard(source.batch);
        });
      return { taskId: task.taskId };
    },
    async close() {
      await pool?.close();
      await current.search.indexer.close();
      await segmentBuilder.close();
      await current.store.close();
    },
  };
}
