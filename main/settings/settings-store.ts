import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { defaultSettings, Settings } from '../../shared/model/settings';
import type { EventBus } from '../bus/event-bus';
import { writeFileAtomic } from '../notebook/storage/atomic-write';
import { readJsonFile } from '../notebook/storage/json-file';

/** The user's preferences, one small JSON file in the user's data folder. */
export class SettingsStore {
  readonly #file: string;
  readonly #events: EventBus;
  #current: Settings;
  #writes: Promise<void> = Promise.resolve();

  private constructor(file: string, events: EventBus, current: Settings) {
    this.#file = file;
    this.#events = events;
    this.#current = current;
  }

  static async open(dataDir: string, events: EventBus): Promise<SettingsStore> {
    const file = path.join(dataDir, 'settings.json');
    const stored = await readJsonFile(file, Settings.partial());
    return new SettingsStore(file, events, { ...defaultSettings, ...stored });
  }

  get(): Settings {
    return { ...this.#current };
  }

  /** Resolves once the change is on disk; changes are written in the order they were made. */
  async update(patch: Partial<Settings>): Promise<Settings> {
    const next = Settings.parse({ ...this.#current, ...patch });
    this.#current = next;
    const write = this.#writes.then(async () => {
      await mkdir(path.dirname(this.#file), { recursive: true });
      await writeFileAtomic(this.#file, `${JSON.stringify(next, null, 2)}\n`);
    });
    // A failed write must not poison the queue for the writes after it.
    this.#writes = write.catch(() => undefined);
    await write;
    this.#events.emit('settings.changed', next);
    return this.get();
  }
}
