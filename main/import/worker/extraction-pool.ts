import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ApiError } from '../../../shared/api/errors';
import type { ExtractedDocument } from '../extracted-document';
import type { ExtractControl, ExtractRequest } from '../extract-file';
import { type WorkerEntry, workerEntry } from '../../tasks/worker-entry';
import type { FromWorker, ToWorker } from './messages';

/** A worker that runs away with memory on a hostile file dies alone, with a clear error for that file. */
const WORKER_HEAP_MB = 1536;
/** A PDF this large probably has enough pages to be shared (see extractPdf): a helper is started with it. Smaller ones rarely do. */
const LIKELY_LONG_PDF_BYTES = 256 * 1024;
/** pdf.js allocates many short-lived objects; a larger young generation spends less time collecting them. */
const WORKER_YOUNG_MB = 48;

interface Job {
  id: number;
  request: ExtractRequest;
  control: ExtractControl;
  resolve(result: ExtractedDocument): void;
  reject(error: unknown): void;
  /** Pages read so far by the job's worker and by the one sharing its PDF. */
  pagesRead: { own: number; shared: number };
}

/** A long PDF's invitation to read its pages alongside (see extractPdf), open until a worker takes it or the job ends. */
interface OpenShare {
  job: Job;
  owner: Worker;
  claims: SharedArrayBuffer;
}

/** A second worker reading pages of a job's PDF alongside it, answered to the job's own worker. */
interface Share {
  id: number;
  job: Job;
  owner: Worker;
}


/**
 * A few extraction workers, each doing one file at a time; the pool queues the
 * rest. Cancelling a job reaches the worker, which stops between pages.
 */
export class ExtractionPool {
  readonly #size: number;
  readonly #entry: WorkerEntry;
  readonly #idle: Worker[] = [];
  readonly #busy = new Map<Worker, Job | Share>();
  readonly #queue: Job[] = [];
  readonly #openShares: OpenShare[] = [];
  /** Workers whose code has loaded: one that dies before this could not start. */
  readonly #started = new WeakSet<Worker>();
  /** Workers alive (a dying worker reports both an error and its exit: the second finds it gone). */
  readonly #alive = new Set<Worker>();
  #nextId = 1;
  #closed = false;

  /**
   * One worker per core: while files are extracted, the main thread mostly
   * waits for them. `entry` runs other worker code than this module's own
   * (benchmarks measure the built worker while running from source).
   */
  constructor(size = Math.max(1, Math.min(4, os.availableParallelism())), entry: WorkerEntry = workerEntry(import.meta.url, './extract-worker.ts', 'extract-worker.mjs')) {
    this.#size = size;
    this.#entry = entry;
  }

  run(request: ExtractRequest, control: ExtractControl = {}): Promise<ExtractedDocument> {
    if (this.#closed) return Promise.reject(new ApiError('INTERNAL', 'The extraction workers have been shut down.'));
    return new Promise((resolve, reject) => {
      const job: Job = { id: this.#nextId++, request, control, resolve, reject, pagesRead: { own: 0, shared: 0 } };
      control.signal?.addEventListener('abort', () => this.#cancel(job), { once: true });
      this.#queue.push(job);
      this.#dispatch();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) job.reject(new ApiError('CANCELLED', 'Import stopped.'));
    await Promise.all([...this.#idle, ...this.#busy.keys()].map((worker) => worker.terminate()));
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      const worker = this.#freeWorker();
      if (!worker) return;
      const job = this.#queue.shift() as Job;
      this.#busy.set(worker, job);
      // A copy goes to the worker: the caller keeps its bytes to store the original.
      worker.postMessage({ type: 'extract', id: job.id, request: job.request } satisfies ToWorker);
      if (job.request.kind === 'pdf' && job.request.bytes.byteLength >= LIKELY_LONG_PDF_BYTES) this.#prepareHelper();
    }
    this.#joinOpenShares();
  }

  /**
   * Starts a worker that loads pdf.js now, if none is idle and the pool has
   * room: a long PDF asks for a helper as soon as it is open, and a helper
   * started only then would spend its first second loading.
   */
  #prepareHelper(): void {
    if (this.#idle.length > 0 || this.#busy.size >= this.#size) return;
    const worker = this.#spawn();
    worker.postMessage({ type: 'warm' } satisfies ToWorker);
    this.#idle.push(worker);
  }

  /** An idle worker, or a new one while the pool has room. */
  #freeWorker(): Worker | undefined {
    return this.#idle.pop() ?? (this.#busy.size < this.#size ? this.#spawn() : undefined);
  }

  #spawn(): Worker {
    const worker = new Worker(this.#entry.url, { execArgv: this.#entry.execArgv, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
    worker.on('message', (message: FromWorker) => this.#onMessage(worker, message));
    worker.on('error', (error) => this.#onDeath(worker, error));
    worker.on('exit', (code) => this.#onDeath(worker, new Error(`exited with code ${code}`)));
    this.#alive.add(worker);
    return worker;
  }

  #onMessage(worker: Worker, message: FromWorker): void {
    if (message.type === 'ready') {
      this.#started.add(worker);
      return;
    }
    const task = this.#busy.get(worker);
    if (!task || task.id !== message.id) return;
    if (message.type === 'progress') {
      const job = 'owner' in task ? task.job : task;
      // A helper that joined late may still be loading the file when the owner has finished it.
      if ('owner' in task && this.#busy.get(task.owner) !== job) return;
      job.pagesRead['owner' in task ? 'shared' : 'own'] = message.done;
      // Pages the owner re-reads after a failed share may count twice.
      job.control.onProgress?.(Math.min(message.total, job.pagesRead.own + job.pagesRead.shared), message.total);
      return;
    }
    if (message.type === 'share' && !('owner' in task)) {
      this.#openShares.push({ job: task, owner: worker, claims: message.claims });
      this.#joinOpenShares();
      return;
    }
    this.#busy.delete(worker);
    this.#idle.push(worker);
    this.#closeShares(task);
    if ('owner' in task) {
      // A share's pages go back to the worker extracting the rest of its file.
      const reply: ToWorker = message.type === 'pages-done' ? { type: 'shared', id: task.job.id, chunks: message.chunks } : { type: 'shared', id: task.job.id };
      if (this.#busy.get(task.owner) === task.job) task.owner.postMessage(reply);
    } else if (message.type === 'done') task.resolve(message.result);
    else if (message.type === 'failed') task.reject(ApiError.fromShape(message.error));
    this.#dispatch();
  }

  /**
   * Idle workers (never ones that files in the queue are waiting for) join
   * long PDFs being read. A worker that frees up halfway through still
   * helps: it claims what is left. Unanswered, an owner reads every page
   * itself and never waits.
   */
  #joinOpenShares(): void {
    while (this.#queue.length === 0 && this.#openShares.length > 0) {
      const helper = this.#freeWorker();
      if (!helper) return;
      const { job, owner, claims } = this.#openShares.shift() as OpenShare;
      const share: Share = { id: this.#nextId++, job, owner };
      this.#busy.set(helper, share);
      helper.postMessage({ type: 'pages', id: share.id, request: job.request, claims } satisfies ToWorker);
    }
  }

  /** A finished job's invitation is withdrawn (its worker forgets it when the job ends). */
  #closeShares(task: Job | Share): void {
    if ('owner' in task) return;
    const open = this.#openShares.findIndex((share) => share.job === task);
    if (open !== -1) this.#openShares.splice(open, 1);
  }

  #onDeath(worker: Worker, error: Error): void {
    if (!this.#alive.delete(worker)) return;
    const task = this.#busy.get(worker);
    this.#busy.delete(worker);
    const idle = this.#idle.indexOf(worker);
    if (idle !== -1) this.#idle.splice(idle, 1);
    // A dead share's owner reads the pages itself. (A dead job's share finishes unheard, then its worker is free again.)
    for (const [owner, other] of this.#busy) {
      if (task && 'owner' in task && other === task.job) owner.postMessage({ type: 'shared', id: task.job.id } satisfies ToWorker);
    }
    const job = task && !('owner' in task) ? task : undefined;
    // Stopped by close(): neither the file nor the worker's code is to blame.
    if (this.#closed) job?.reject(new ApiError('CANCELLED', 'Import stopped.'));
    else if (!this.#started.has(worker)) {
      // Code that cannot load fails every worker alike: the files waiting are told so now, once each, rather than each
      // starting a worker of its own to fail the same way. No file is to blame. The next file to come tries again.
      const failed = new ApiError('WORKER_FAILED', `The import worker could not start: ${error.message}`);
      if (job) this.#closeShares(job);
      for (const waiting of [...(job ? [job] : []), ...this.#queue.splice(0)]) waiting.reject(failed);
    } else if (job) {
      this.#closeShares(job);
      const outOfMemory = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      job.reject(
        outOfMemory
          ? new ApiError('FILE_TOO_LARGE', `“${path.basename(job.request.file)}” needs more memory than an import may use; nothing was imported from it.`)
          : new ApiError('DAMAGED_FILE', `Reading “${path.basename(job.request.file)}” failed: ${error.message}`),
      );
    }
    if (!this.#closed) this.#dispatch();
  }

  #cancel(job: Job): void {
    const queued = this.#queue.indexOf(job);
    if (queued !== -1) {
      this.#queue.splice(queued, 1);
      job.reject(new ApiError('CANCELLED', 'Import cancelled.'));
      return;
    }
    for (const [worker, running] of this.#busy) {
      if (running === job) worker.postMessage({ type: 'cancel', id: job.id } satisfies ToWorker);
      if ('owner' in running && running.job === job) worker.postMessage({ type: 'cancel', id: running.id } satisfies ToWorker);
    }
  }
}
