import { Worker } from 'node:worker_threads';
import { ApiError } from '../../shared/api/errors';
import { workerEntry } from '../workers/worker-entry';
import type { EntrySource } from './entry-meta';
import { buildSegment } from './segment';
import type { FromBuildWorker, ToBuildWorker } from './worker/messages';

/** Builds a segment from entries and hands back its bytes, as stored on disk. */
export type BuildSegment = (sources: EntrySource[]) => Promise<Uint8Array>;

/** In the calling thread: for tests and the command line, where nothing else waits. */
export const buildInThread: BuildSegment = async (sources) => buildSegment(sources);

/**
 * One worker thread that builds segments, one at a time, started on first
 * use. The index is built while the app stays responsive; one worker is
 * enough, since builds are queued by the index anyway.
 */
export class SegmentBuilder {
  #worker: Worker | undefined;
  readonly #pending = new Map<number, { resolve(bytes: Uint8Array): void; reject(error: unknown): void }>();
  #nextId = 1;

  readonly build: BuildSegment = (sources) =>
    new Promise((resolve, reject) => {
      const id = this.#nextId++;
      this.#pending.set(id, { resolve, reject });
      this.#spawn().postMessage({ id, sources } satisfies ToBuildWorker);
    });

  /** Start the worker now, so the first change after opening is searchable as fast as the next. */
  warm(): void {
    this.#spawn();
  }

  /** Builds still running are cancelled: the notebook they were for is closing. */
  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    for (const pending of this.#pending.values()) pending.reject(new ApiError('CANCELLED', 'The notebook was closed while its search index was being updated.'));
    this.#pending.clear();
    await worker?.terminate();
  }

  #spawn(): Worker {
    if (this.#worker) return this.#worker;
    const entry = workerEntry(import.meta.url, './worker/build-worker.ts', 'search-build-worker.mjs');
    const worker = new Worker(entry.url, { execArgv: entry.execArgv });
    worker.on('message', (message: FromBuildWorker) => {
      const pending = this.#pending.get(message.id);
      this.#pending.delete(message.id);
      if ('bytes' in message) pending?.resolve(message.bytes);
      else pending?.reject(new ApiError('INTERNAL', `Building the search index failed: ${message.error}`));
    });
    const fail = (error: Error) => {
      if (this.#worker === worker) this.#worker = undefined;
      for (const pending of this.#pending.values()) pending.reject(new ApiError('INTERNAL', `The search index worker stopped: ${error.message}`));
      this.#pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exited with code ${code}`)));
    this.#worker = worker;
    return worker;
  }
}
