import { Worker } from 'node:worker_threads';
import { ApiError } from '../../shared/api/errors';
import { type WorkerEntry, workerEntry } from '../tasks/worker-entry';
import type { EntrySource } from './entry-meta';
import { buildSegment } from './segment';
import type { FromBuildWorker, ToBuildWorker } from './worker/messages';

/** Builds a segment from entries and hands back its bytes, as stored on disk. */
export type BuildSegment = (sources: EntrySource[]) => Promise<Uint8Array>;

/** In the calling thread: for tests and the command line, where nothing else waits. */
export const buildInThread: BuildSegment = async (sources) => buildSegment(sources);

/**
 * Builds segments in worker threads, so the index is built while the app
 * stays responsive. Two lanes, one worker each, started on first use: new
 * changes, which must be searchable within a second, and background merges,
 * which rebuild tens of thousands of entries and would hold a change up for
 * seconds if they shared its worker.
 */
export class SegmentBuilder {
  readonly #changes: BuildWorker;
  readonly #merges: BuildWorker;

  /** `entry` runs other worker code than this module's own (the packaging tests run a package's built worker; tests of a worker that fails). */
  constructor(entry: WorkerEntry = workerEntry(import.meta.url, './worker/build-worker.ts', 'search-build-worker.mjs')) {
    this.#changes = new BuildWorker(entry);
    this.#merges = new BuildWorker(entry);
  }

  readonly build: BuildSegment = (sources) => this.#changes.build(sources);
  readonly buildInBackground: BuildSegment = (sources) => this.#merges.build(sources);

  /** Start the changes' worker now, so the first change after opening is searchable as fast as the next. */
  warm(): void {
    this.#changes.spawn();
  }

  /** Builds still running are cancelled: the notebook they were for is closing. */
  async close(): Promise<void> {
    await Promise.all([this.#changes.close(), this.#merges.close()]);
  }
}

/** About a megabyte of text a message: a few milliseconds to copy. */
const ENTRIES_PER_MESSAGE = 500;

/** One worker thread building segments one at a time. */
class BuildWorker {
  readonly #entry: WorkerEntry;
  #worker: Worker | undefined;
  readonly #pending = new Map<number, { resolve(bytes: Uint8Array): void; reject(error: unknown): void }>();
  #nextId = 1;

  constructor(entry: WorkerEntry) {
    this.#entry = entry;
  }

  async build(sources: EntrySource[]): Promise<Uint8Array> {
    const id = this.#nextId++;
    const built = new Promise<Uint8Array>((resolve, reject) => this.#pending.set(id, { resolve, reject }));
    for (let from = 0; from === 0 || from < sources.length; from += ENTRIES_PER_MESSAGE) {
      // Between parts, whatever else waits on the main thread (a search) goes first.
      if (from > 0) await new Promise((resolve) => setImmediate(resolve));
      if (!this.#pending.has(id)) break;
      this.spawn().postMessage({ id, sources: sources.slice(from, from + ENTRIES_PER_MESSAGE), last: from + ENTRIES_PER_MESSAGE >= sources.length } satisfies ToBuildWorker);
    }
    return built;
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    for (const pending of this.#pending.values()) pending.reject(new ApiError('CANCELLED', 'The notebook was closed while its search index was being updated.'));
    this.#pending.clear();
    await worker?.terminate();
  }

  spawn(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(this.#entry.url, { execArgv: this.#entry.execArgv });
    let started = false;
    worker.on('message', (message: FromBuildWorker) => {
      if (message.type === 'ready') {
        started = true;
        return;
      }
      const pending = this.#pending.get(message.id);
      this.#pending.delete(message.id);
      if (message.type === 'built') pending?.resolve(message.bytes);
      else pending?.reject(new ApiError('INTERNAL', `Building the search index failed: ${message.error}`));
    });
    const fail = (error: Error) => {
      if (this.#worker !== worker) return;
      this.#worker = undefined;
      const failed = new ApiError('WORKER_FAILED', started ? `The search index worker stopped: ${error.message}` : `The search index worker could not start: ${error.message}`);
      for (const pending of this.#pending.values()) pending.reject(failed);
      this.#pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exited with code ${code}`)));
    this.#worker = worker;
    return worker;
  }
}
