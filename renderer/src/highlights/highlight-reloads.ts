import type { z } from 'zod';
import type { HighlightPatch, HighlightRecord } from '../../../shared/model/records';

/** How long a burst of changes (a merge, tagging every mention) is collected before one reload. */
export const RELOAD_DELAY_MS = 150;

/**
 * When the open document's highlights are read again after records changed
 * elsewhere (a card's picker, the mention finder, a merge, another window).
 * A burst of changes becomes one reload, and no reload lands over the
 * reader's own edit while it is being saved: a list read before the save
 * would put the old highlight back for a moment. Such a reload waits, and
 * runs again once the edits are saved.
 */
export class HighlightReloads {
  readonly #load: () => Promise<HighlightRecord[]>;
  readonly #apply: (listed: HighlightRecord[]) => void;
  readonly #onError: (error: unknown) => void;
  /** The reader's edits being saved now. */
  #saving = 0;
  /** Counts the edits ever started, so a list read across one is known to be stale. */
  #edits = 0;
  /** A reload was put off (an edit was being saved): run it once the edits are saved. */
  #owed = false;
  /** Only the latest reload's answer counts. */
  #sequence = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #stopped = false;

  constructor(load: () => Promise<HighlightRecord[]>, apply: (listed: HighlightRecord[]) => void, onError: (error: unknown) => void) {
    this.#load = load;
    this.#apply = apply;
    this.#onError = onError;
  }

  /** Records changed: read the list again soon, once for the whole burst. */
  changed(): void {
    if (this.#stopped) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.reload(), RELOAD_DELAY_MS);
  }

  /** Save one of the reader's own edits; reloads wait until it is saved. */
  async saving<T>(save: () => Promise<T>): Promise<T> {
    this.#saving += 1;
    this.#edits += 1;
    try {
      return await save();
    } finally {
      this.#saving -= 1;
      if (this.#saving === 0 && this.#owed) this.changed();
    }
  }

  /** Read the list now (or, while an edit is being saved, once it is). */
  async reload(): Promise<void> {
    clearTimeout(this.#timer);
    if (this.#stopped) return;
    if (this.#saving > 0) {
      this.#owed = true;
      return;
    }
    this.#owed = false;
    const sequence = ++this.#sequence;
    const edits = this.#edits;
    let listed: HighlightRecord[];
    try {
      listed = await this.#load();
    } catch (error) {
      if (!this.#stopped && sequence === this.#sequence) this.#onError(error);
      return;
    }
    if (this.#stopped || sequence !== this.#sequence) return;
    if (edits !== this.#edits) {
      // An edit started while the list was read: it may predate the edit's save.
      this.#owed = true;
      if (this.#saving === 0) this.changed();
      return;
    }
    this.#apply(listed);
  }

  /** The document closed: nothing more is read or applied. */
  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
  }
}

/**
 * The list as main now has it, keeping the records that did not change (same
 * id, same updatedAt) as the very objects already shown, and the previous list
 * itself when nothing changed, so the reader neither re-anchors nor re-renders
 * after a change it already shows (its own edit's event).
 */
export function mergeListed(previous: HighlightRecord[] | undefined, listed: HighlightRecord[]): HighlightRecord[] {
  if (!previous) return listed;
  const shown = new Map(previous.map((record) => [record.id, record]));
  const merged = listed.map((record) => {
    const same = shown.get(record.id);
    return same && same.updatedAt === record.updatedAt ? same : record;
  });
  const unchanged = merged.length === previous.length && merged.every((record) => shown.get(record.id) === record);
  return unchanged ? previous : merged;
}

/** The list with `record` in place of the one with its id, or added at the end. */
export function upsert(list: readonly HighlightRecord[] | undefined, record: HighlightRecord): HighlightRecord[] {
  const current = list ?? [];
  return current.some((other) => other.id === record.id) ? current.map((other) => (other.id === record.id ? record : other)) : [...current, record];
}

/** The highlight as it will be once the patch is saved: what the reader shows while it is. */
export function patched(record: HighlightRecord, patch: z.input<typeof HighlightPatch>): HighlightRecord {
  const { color = record.color, comment = record.comment, tags = record.tags, actorIds = record.actorIds, eventIds = record.eventIds } = patch;
  return { ...record, color, comment, tags, actorIds, eventIds };
}
