export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'failed';

export interface SaveQueueOptions<T> {
  /** Reads the current value when a save starts, so a keystroke costs no copy of the text. */
  read(): T;
  write(value: T): Promise<void>;
  /** The pause after the last change before saving, in milliseconds. */
  delay: number;
  onStatus?(status: SaveStatus, error?: unknown): void;
  setTimer?(run: () => void, ms: number): unknown;
  clearTimer?(timer: unknown): void;
}

/**
 * Autosave that never loses a change and never lets two saves race: changes
 * mark the queue dirty and (re)start a short timer; a save reads the value
 * when it starts; a change made while a save runs is saved right after it,
 * in order; `flush` (blur, closing, leaving the page) saves at once and
 * resolves when everything changed so far is written. A failed save keeps the
 * change dirty, reports "failed", and is tried again on the next change or
 * flush, so a later success writes it.
 */
export class SaveQueue<T> {
  readonly #options: SaveQueueOptions<T>;
  #dirty = false;
  #timer: unknown;
  #running: Promise<void> | undefined;
  #status: SaveStatus = 'saved';

  constructor(options: SaveQueueOptions<T>) {
    this.#options = options;
  }

  get status(): SaveStatus {
    return this.#status;
  }

  get dirty(): boolean {
    return this.#dirty;
  }

  /** Something changed: save after the pause. Cheap: called on every keystroke. */
  changed(): void {
    this.#dirty = true;
    if (this.#status !== 'saving') this.#setStatus('unsaved');
    this.#cancelTimer();
    this.#timer = (this.#options.setTimer ?? setTimeout)(() => {
      this.#timer = undefined;
      void this.#drain();
    }, this.#options.delay);
  }

  /** Save now; resolves once every change made before the call is written (rejects when a save failed). */
  async flush(): Promise<void> {
    this.#cancelTimer();
    await this.#drain();
    if (this.#dirty) throw new Error('The note could not be saved.');
  }

  #drain(): Promise<void> {
    // One loop at a time: a flush during a save waits for that loop, which picks up the newest change.
    this.#running ??= this.#loop().finally(() => (this.#running = undefined));
    return this.#running;
  }

  async #loop(): Promise<void> {
    while (this.#dirty) {
      this.#dirty = false;
      this.#setStatus('saving');
      try {
        await this.#options.write(this.#options.read());
      } catch (error) {
        this.#dirty = true;
        this.#setStatus('failed', error);
        return;
      }
    }
    this.#setStatus(this.#timer === undefined ? 'saved' : 'unsaved');
  }

  #cancelTimer(): void {
    if (this.#timer === undefined) return;
    (this.#options.clearTimer ?? clearTimeout)(this.#timer as ReturnType<typeof setTimeout>);
    this.#timer = undefined;
  }

  #setStatus(status: SaveStatus, error?: unknown): void {
    this.#status = status;
    this.#options.onStatus?.(status, error);
  }
}
