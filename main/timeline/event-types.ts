import path from 'node:path';
import { z } from 'zod';
import { ApiError } from '../../shared/api/errors';
import { EventTypeList } from '../../shared/timeline/event-types';
import type { NotebookStore } from '../notebook/notebook-store';
import { writeFileAtomic } from '../notebook/storage/atomic-write';
import { readJsonFile } from '../notebook/storage/json-file';

export const EVENT_TYPES_FILE = 'event-types.json';

const EventTypesFile = z.object({ formatVersion: z.literal(1), types: EventTypeList });

/**
 * The notebook's list of event types. It lives in the notebook, not in the
 * user's settings: it is the team's coding scheme, and everyone who records
 * events in a notebook must pick from the same list. Until someone edits it,
 * the notebook uses the ACLED-like defaults.
 */
export class EventTypes {
  readonly #store: NotebookStore;
  readonly #file: string;

  constructor(store: NotebookStore) {
    this.#store = store;
    this.#file = path.join(store.info.path, EVENT_TYPES_FILE);
  }

  async list(): Promise<string[]> {
    return (await readJsonFile(this.#file, EventTypesFile))?.types ?? [...defaultEventTypes];
  }

  async replace(types: readonly string[]): Promise<string[]> {
    if (this.#store.readOnly) throw new ApiError('INTERNAL', `${this.#file} was opened read-only.`);
    const cleaned = EventTypeList.parse(dedupe(types));
    await this.#store.backups.keep(this.#file);
    await writeFileAtomic(this.#file, `${JSON.stringify({ formatVersion: 1, types: cleaned }, null, 2)}\n`);
    return cleaned;
  }
}

/** ACLED's six event types, the usual starting point for coding conflict events. */
export const defaultEventTypes: readonly string[] = ['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Protests', 'Riots', 'Strategic developments'];

function dedupe(types: readonly string[]): string[] {
  const seen = new Set<string>();
  return types
    .map((type) => type.trim())
    .filter((type) => {
      const key = type.toLocaleLowerCase();
      if (type === '' || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
