import { linkKey, linkTargets, type LinkRef } from '../../shared/notes/link-syntax';
import type { NoteRecord } from '../../shared/model/records';

interface Indexed {
  /** The body the targets were read from: the same string means nothing to re-read. */
  body: string;
  targets: string[];
}

/**
 * Which notes link to what, derived from the note bodies. `refresh` is given
 * every note and re-reads only those whose body changed since the last call
 * (the store hands back the same string for an unchanged note, so checking
 * costs a pointer comparison), which keeps the index current whoever wrote
 * the note: this window, the command line, an exchange merge.
 */
export class BacklinkIndex {
  readonly #byNote = new Map<string, Indexed>();
  readonly #byTarget = new Map<string, Set<string>>();

  refresh(notes: readonly NoteRecord[]): void {
    const live = new Set<string>();
    for (const note of notes) {
      if (note.deletedAt) continue;
      live.add(note.id);
      const indexed = this.#byNote.get(note.id);
      if (indexed?.body === note.body) continue;
      this.#drop(note.id);
      const targets = linkTargets(note.body).map(linkKey);
      this.#byNote.set(note.id, { body: note.body, targets });
      for (const target of targets) {
        let notes = this.#byTarget.get(target);
        if (!notes) this.#byTarget.set(target, (notes = new Set()));
        notes.add(note.id);
      }
    }
    for (const id of [...this.#byNote.keys()]) if (!live.has(id)) this.#drop(id);
  }

  /** The ids of the notes that link to a target. */
  linking(target: LinkRef): string[] {
    return [...(this.#byTarget.get(linkKey(target)) ?? [])];
  }

  #drop(noteId: string): void {
    const indexed = this.#byNote.get(noteId);
    if (!indexed) return;
    for (const target of indexed.targets) {
      const notes = this.#byTarget.get(target);
      notes?.delete(noteId);
      if (notes?.size === 0) this.#byTarget.delete(target);
    }
    this.#byNote.delete(noteId);
  }
}
