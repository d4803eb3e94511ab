import { ApiError } from '../../shared/api/errors';
import type { ConflictChoice, ConflictKey, ConflictRecordType, OpenConflict } from '../../shared/exchange/conflicts';
import type { NotebookStore } from '../notebook/notebook-store';
import { changeOpenConflicts, readOpenConflicts, withConflictsAdded } from '../notebook/open-conflicts-file';

/** Writes the chosen text into a record, through the service that owns that kind of record. */
export type TextUpdater = (type: ConflictRecordType, id: string, text: string) => Promise<unknown>;

/**
 * The texts merges kept twice and nobody has chosen between yet. The merged
 * record already holds both versions, so nothing is lost if this list is;
 * it is what lets the person see the two side by side and pick one.
 */
export class OpenConflicts {
  readonly #store: NotebookStore;
  /** Read-modify-write of one small file: one change at a time. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(store: NotebookStore) {
    this.#store = store;
  }

  list(): Promise<OpenConflict[]> {
    return readOpenConflicts(this.#store.info.path);
  }

  /** Record conflicts of a merge; one already open on the same record is replaced by the newer one. */
  add(conflicts: readonly OpenConflict[]): Promise<void> {
    if (conflicts.length === 0) return Promise.resolve();
    return this.#change((open) => withConflictsAdded(open, conflicts));
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

  #change(change: (open: OpenConflict[]) => OpenConflict[] | Promise<OpenConflict[]>): Promise<void> {
    const run = this.#queue.then(async () => {
      if (this.#store.readOnly) throw new ApiError('INTERNAL', 'The notebook was opened read-only; its open conflicts cannot change.');
      await changeOpenConflicts(this.#store.info.path, change);
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
