import { rename } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ApiError } from '../../shared/api/errors';
import { OpenConflict, type ConflictChoice, type ConflictKey, type ConflictRecordType } from '../../shared/exchange/conflicts';
import type { NotebookStore } from '../notebook/notebook-store';
import { writeFileAtomic } from '../notebook/storage/atomic-write';
import { readJsonFile } from '../notebook/storage/json-file';

export const OPEN_CONFLICTS_FILE = 'exchange-conflicts.json';

const ConflictsFile = z.object({ formatVersion: z.literal(1), conflicts: z.array(OpenConflict) });

/** Writes the chosen text into a record, through the service that owns that kind of record. */
export type TextUpdater = (type: ConflictRecordType, id: string, text: string) => Promise<unknown>;

/**
 * The texts merges kept twice and nobody has chosen between yet. The merged
 * record already holds both versions, so nothing is lost if this list is;
 * it is what lets the person see the two side by side and pick one.
 */
export class OpenConflicts {
  readonly #store: NotebookStore;
  readonly #file: string;
  /** Read-modify-write of one small file: one change at a time. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(store: NotebookStore) {
    this.#store = store;
    this.#file = path.join(store.info.path, OPEN_CONFLICTS_FILE);
  }

  async list(): Promise<OpenConflict[]> {
    return (await readJsonFile(this.#file, ConflictsFile))?.conflicts ?? [];
  }

  /** Record conflicts of a merge; one already open on the same record is replaced by the newer one. */
  add(conflicts: readonly OpenConflict[]): Promise<void> {
    if (conflicts.length === 0) return Promise.resolve();
    return this.#change((open) => [...open.filter((known) => !conflicts.some((added) => sameRecord(added, known))), ...conflicts]);
  }

  /** Keep one version (written through `update`) or both as they stand; the conflict is closed either way. */
  async resolve(key: ConflictKey, choice: ConflictChoice, update: TextUpdater): Promise<OpenConflict[]> {
    await this.#change(async (open) => {
      const conflict = open.find((known) => sameRecord(known, key));
      if (!conflict) throw new ApiError('NOT_FOUND', 'That conflict was resolved already.');
      if (choice !== 'both') await update(conflict.type, conflict.id, conflict[choice].text);
      return open.filter((known) => known !== conflict);
    });
    return this.list();
  }

  /** A damaged list must not stop merges (the records hold both versions anyway): it is renamed aside, kept for a person to read, and a new one begun. */
  async #listOrSetAside(): Promise<OpenConflict[]> {
    try {
      return await this.list();
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'NOTEBOOK_INVALID') throw error;
      await rename(this.#file, `${this.#file}.damaged-${Date.now()}`);
      return [];
    }
  }

  #change(change: (open: OpenConflict[]) => OpenConflict[] | Promise<OpenConflict[]>): Promise<void> {
    const run = this.#queue.then(async () => {
      if (this.#store.readOnly) throw new ApiError('INTERNAL', `${this.#file} was opened read-only.`);
      const next = await change(await this.#listOrSetAside());
      await writeFileAtomic(this.#file, `${JSON.stringify({ formatVersion: 1, conflicts: next }, null, 2)}\n`);
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }
}

const byStore = new WeakMap<NotebookStore, OpenConflicts>();

/** One list per open notebook, so its changes queue behind each other. */
export function openConflictsOf(store: NotebookStore): OpenConflicts {
  let conflicts = byStore.get(store);
  if (!conflicts) byStore.set(store, (conflicts = new OpenConflicts(store)));
  return conflicts;
}

function sameRecord(a: ConflictKey, b: ConflictKey): boolean {
  return a.type === b.type && a.id === b.id;
}
