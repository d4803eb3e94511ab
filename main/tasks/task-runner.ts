import { randomUUID } from 'node:crypto';
import { ApiError } from '../../shared/api/errors';
import type { TaskProgress } from '../../shared/model/task';
import type { EventBus } from '../bus/event-bus';

export interface TaskContext {
  readonly taskId: string;
  readonly signal: AbortSignal;
  /** Report how far the work has got; cheap to call often, emits at most every `minIntervalMs`. */
  progress(done: number, total: number | null, message?: string): void;
}

export interface StartedTask<T> {
  readonly taskId: string;
  readonly result: Promise<T>;
}

/**
 * Runs long work (imports, index builds) so that the UI sees its progress as
 * `task.progress` events and can cancel it. The work itself runs wherever it
 * chooses (usually a worker thread); this only keeps the books.
 */
export class TaskRunner {
  readonly #events: EventBus;
  readonly #minIntervalMs: number;
  readonly #running = new Map<string, { controller: AbortController; progress: TaskProgress }>();

  constructor(events: EventBus, options: { minIntervalMs?: number } = {}) {
    this.#events = events;
    this.#minIntervalMs = options.minIntervalMs ?? 100;
  }

  start<T>(kind: string, label: string, work: (context: TaskContext) => Promise<T>): StartedTask<T> {
    const taskId = randomUUID();
    const controller = new AbortController();
    let progress: TaskProgress = { taskId, kind, label, state: 'running', done: 0, total: null };
    let lastEmit = 0;
    // A state held back by the throttle is sent when the interval is up: the
    // last report before a long step (a big file's first page) must be seen.
    let trailing: ReturnType<typeof setTimeout> | undefined;
    const emit = () => {
      clearTimeout(trailing);
      trailing = undefined;
      lastEmit = Date.now();
      this.#events.emit('task.progress', progress);
    };
    const publish = (next: TaskProgress, force: boolean) => {
      progress = next;
      entry.progress = next;
      const wait = lastEmit + this.#minIntervalMs - Date.now();
      if (force || wait <= 0) emit();
      else trailing ??= setTimeout(emit, wait);
    };
    const entry = { controller, progress };
    this.#running.set(taskId, entry);
    publish(progress, true);

    const context: TaskContext = {
      taskId,
      signal: controller.signal,
      progress: (done, total, message) => {
        if (controller.signal.aborted) return;
        publish({ ...progress, done, total, ...(message === undefined ? {} : { message }) }, false);
      },
    };

    const result = (async () => {
      try {
        // Work that stops early when cancelled may still return what it did (an import's summary so far).
        const value = await work(context);
        publish(controller.signal.aborted ? { ...progress, state: 'cancelled', message: 'Cancelled' } : { ...progress, state: 'done', done: progress.total ?? progress.done }, true);
        return value;
      } catch (error) {
        const cancelled = controller.signal.aborted;
        const message = cancelled ? 'Cancelled' : error instanceof Error ? error.message : String(error);
        publish({ ...progress, state: cancelled ? 'cancelled' : 'failed', message }, true);
        throw cancelled && !(error instanceof ApiError) ? new ApiError('CANCELLED', `${label} was cancelled.`) : error;
      } finally {
        this.#running.delete(taskId);
      }
    })();
    return { taskId, result };
  }

  list(): TaskProgress[] {
    return [...this.#running.values()].map((entry) => entry.progress);
  }

  /** False when the task has already finished or never existed. */
  cancel(taskId: string): boolean {
    const entry = this.#running.get(taskId);
    if (!entry) return false;
    entry.controller.abort();
    return true;
  }
}
