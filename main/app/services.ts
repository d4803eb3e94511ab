import { createHash, randomUUID } from 'node:crypto';
import { rmdir } from 'node:fs/promises';
import path from 'node:path';
import type { EventPayload } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import type { AppIdentity, HostKind } from '../../shared/model/app';
import type { ImportFileResult, ImportSummary } from '../../shared/model/import';
import type { NotebookInfo, NotebookProblem, NotebookState, RecentNotebookEntry } from '../../shared/model/notebook';
import { ActorMerger } from '../actors/actor-merge';
import { EventRecords } from '../timeline/event-records';
import { EventTypes } from '../timeline/event-types';
import { EventBus } from '../bus/event-bus';
import { filesDone, ImportService, importStep } from '../import/import-service';
import { UploadStore } from '../import/upload-store';
import { ExtractionPool } from '../import/worker/extraction-pool';
import { claimNotebookFolder } from '../notebook/new-notebook-folder';
import { NotebookStore } from '../notebook/notebook-store';
import { NoteService } from '../notes/note-service';
import { RecentNotebooks } from '../notebook/recent-notebooks';
import { welcomeDocument } from '../notebook/welcome-document';
import { createTextDocument } from '../notebook/records/documents';
import { RecordService } from '../notebook/records/record-service';
import { type NotebookSearch, openNotebookSearch } from '../search/notebook-search';
import { SegmentBuilder } from '../search/segment-builder';
import { TextCache } from '../notebook/records/text-cache';
import { currentAuthor } from '../settings/author';
import { SettingsStore } from '../settings/settings-store';
import { TaskRunner } from '../tasks/task-runner';
import { defaultNotebookDir, notebooksDir } from './paths';
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

/** Paths come from main only (its menus and dialogs, the command line); the page can name only a batch it uploaded. */
export type ImportSource = ({ paths: string[] } | { batch: string }) & { passwords?: Record<string, string> };

/**
 * Everything the three hosts (Electron, browser host, command line) share.
 * Hosts only translate their transport into calls on these.
 */
export interface Services {
  readonly info: AppIdentity;
  readonly events: EventBus;
  readonly settings: SettingsStore;
  readonly tasks: TaskRunner;
  /** The open notebook, or why none is. */
  state(): NotebookState;
  /** The open notebook's description; NO_NOTEBOOK when none is open. */
  notebook(): NotebookInfo;
  /** The open notebook; NO_NOTEBOOK when none is open. */
  current(): OpenNotebook;
  recent(): RecentNotebookEntry[];
  /** Open a recent notebook, or the one that could not be opened at start, by the id recent() or state() gave it. */
  openRecent(id: string): Promise<NotebookInfo>;
  /** A new notebook in the data folder's notebooks/, in a folder named after it (made unique). */
  createNotebook(name: string): Promise<NotebookInfo>;
  /** Open a folder main chose (its dialog, its command line); never one the page named. */
  openNotebook(dir: string, options?: { create?: boolean; name?: string }): Promise<NotebookInfo>;
  renameNotebook(name: string): Promise<NotebookInfo>;
  /** Start importing in the background; progress is a task, the summary arrives as import.finished. */
  startImport(source: ImportSource): { taskId: string };
  /** Import again, with a password, a file imported by path whose result carried `retryId`. */
  retryImport(retryId: string, password: string): { taskId: string };
  close(): Promise<void>;
}

/** Recent notebooks are named to the page by a digest of their path: stable, and useless for naming any other folder. */
function notebookHandle(dir: string): string {
  return createHash('sha256').update(dir).digest('base64url').slice(0, 24);
}

/** Failures a password may fix, for which a file imported by path gets a retry id. */
function needsPassword(result: ImportFileResult): boolean {
  return result.status === 'failed' && (result.code === 'PASSWORD_REQUIRED' || result.code === 'PASSWORD_INCORRECT');
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

  // Undefined while no notebook is open: the one at start could not be (`problem` says why) and none was chosen since.
  let current: OpenNotebook | undefined;
  let problem: NotebookProblem | undefined;
  const chosen = options.notebookDir ?? (await recent.last());
  try {
    current = await openInitial(chosen);
  } catch (error) {
    // Locked by another Fieldbook (perhaps on another machine, through a synced drive), damaged or newer: the app still starts, on the notebook chooser, with the reason.
    if (!(error instanceof ApiError)) console.error('Could not open the notebook at start', error);
    const failed = path.resolve(chosen ?? defaultNotebookDir(options.dataDir));
    problem = {
      path: failed,
      id: notebookHandle(failed),
      code: error instanceof ApiError ? error.code : 'INTERNAL',
      message: error instanceof Error ? error.message : String(error),
    };
  }
  const open = (): OpenNotebook => {
    if (current) return current;
    throw new ApiError('NO_NOTEBOOK', 'No notebook is open: open or create one first.');
  };
  // Every change (an edit, each imported document) reaches the open notebook's index.
  events.subscribe((event, payload) => {
    if (event === 'records.changed') {
      const { type, ids } = payload as EventPayload<'records.changed'>;
      current?.search.indexer.notify(type, ids);
    }
  });

  async function openInitial(dir: string | undefined): Promise<OpenNotebook> {
    if (dir) {
      const opened = attach(await NotebookStore.open(dir, { create: true }));
      await recent.remember(opened.store.info);
      return opened;
    }
    // First run: the embedded default notebook, with its welcome document.
    const opened = attach(await NotebookStore.open(defaultNotebookDir(options.dataDir), { create: true, name: 'My notebook' }));
    if ((await opened.records.list('documents', { includeDeleted: true })).length === 0) await createTextDocument(opened.records, { ...welcomeDocument, tags: [] });
    await recent.remember(opened.store.info);
    return opened;
  }

  async function openNotebook(dir: string, openOptions?: { create?: boolean; name?: string }): Promise<NotebookInfo> {
    // Open (and lock) the new notebook before letting go of the old one, so a failure leaves the user where they were.
    const next = attach(await NotebookStore.open(dir, openOptions));
    const previous = current;
    current = next;
    problem = undefined;
    if (previous) {
      await previous.search.indexer.close();
      await previous.store.close();
    }
    await recent.remember(next.store.info);
    events.emit('notebook.changed', next.store.info);
    return next.store.info;
  }

  // Files imported by path (menus, not the page) that a password may open, by the retry id their result carried; kept for this session.
  const retryPaths = new Map<string, string>();
  const retryIds = new Map<string, string>();
  const withRetryIds = (summary: ImportSummary): ImportSummary => ({
    ...summary,
    results: summary.results.map((result) => {
      if (!needsPassword(result)) return result;
      let retryId = retryIds.get(result.path);
      if (!retryId) {
        retryId = randomUUID();
        retryIds.set(result.path, retryId);
        retryPaths.set(retryId, result.path);
      }
      return { ...result, retryId };
    }),
  });

  function startImport(source: ImportSource): { taskId: string } {
    const notebook = open();
    const batchDir = 'batch' in source ? notebook.uploads.batchDir(source.batch) : undefined;
    const paths = 'paths' in source ? source.paths : [batchDir as string];
    let summarySent = false;
    const finished = (taskId: string, summary: ImportSummary) => {
      summarySent = true;
      // Uploaded files are shown by the names the user chose, not by where they were kept.
      const shown = (file: string) => (batchDir ? path.relative(batchDir, file) : file);
      const results = summary.results.map((result) => ({ ...result, path: shown(result.path) }));
      const shownSummary = { ...summary, results, notReached: summary.notReached.map(shown) };
      events.emit('import.finished', { taskId, summary: batchDir ? shownSummary : withRetryIds(shownSummary) });
    };
    const task = tasks.start('import', 'Importing', async ({ taskId, signal, progress }) => {
      const summary = await notebook.imports.importPaths(paths, {
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
        (error: unknown) => {
          // Anything else that stopped the import (a folder that could not be listed, a store that failed) is the summary's too: the page would otherwise wait for one forever.
          if (summarySent) return;
          const cancelled = error instanceof ApiError && error.code === 'CANCELLED';
          const reason = error instanceof ApiError ? error.toShape() : { code: 'INTERNAL' as const, message: `The import stopped: ${error instanceof Error ? error.message : String(error)}` };
          finished(task.taskId, { results: [], imported: 0, duplicates: 0, failed: 0, cancelled, notReached: [], ...(cancelled ? {} : { error: reason }) });
        },
      )
      .finally(() => {
        // A batch that cannot be removed stays in .incoming; failing to remove it must not take main down.
        if ('batch' in source) notebook.uploads.discard(source.batch).catch((error: unknown) => console.error('Could not remove an import batch', error));
      });
    return { taskId: task.taskId };
  }

  return {
    info: { name: 'Fieldbook', version: appVersion, host: options.host, platform: process.platform },
    events,
    settings,
    tasks,
    state: () => (current ? { open: true, notebook: current.store.info } : { open: false, problem: problem ?? { code: 'NO_NOTEBOOK', message: 'No notebook is open.' } }),
    notebook: () => open().store.info,
    current: open,
    recent: () => recent.list().map((entry) => ({ ...entry, id: notebookHandle(entry.path) })),
    async openRecent(id) {
      // The notebook that failed at start may be in no list (a fresh data folder, `serve --notebook DIR`), yet trying it again must work once its lock is gone.
      const known = [...recent.list().map((entry) => entry.path), ...(problem?.path ? [problem.path] : [])];
      const dir = known.find((candidate) => notebookHandle(candidate) === id);
      if (!dir) throw new ApiError('NOT_FOUND', 'That notebook is not among the recent ones any more.');
      return openNotebook(dir);
    },
    async createNotebook(name) {
      const dir = await claimNotebookFolder(notebooksDir(options.dataDir), name);
      try {
        return await openNotebook(dir, { create: true, name });
      } catch (error) {
        // Only the empty folder just made is removed; rmdir refuses anything else.
        await rmdir(dir).catch(() => undefined);
        throw error;
      }
    },
    openNotebook,
    async renameNotebook(name) {
      const renamed = await open().store.rename(name);
      await recent.remember(renamed);
      events.emit('notebook.changed', renamed);
      return renamed;
    },
    startImport,
    retryImport(retryId, password) {
      const file = retryPaths.get(retryId);
      if (!file) throw new ApiError('NOT_FOUND', 'That file is no longer at hand: import it again.');
      return startImport({ paths: [file], passwords: { [file]: password } });
    },
    async close() {
      await pool?.close();
      await current?.search.indexer.close();
      await segmentBuilder.close();
      await current?.store.close();
    },
  };
}
