/**
 * Saves still running for notes whose editor has closed. Opening a note waits
 * for its own, so reopening right after leaving it never shows (and then
 * saves over) the text from before the last keystrokes.
 */
const pending = new Map<string, Promise<unknown>>();

export function trackSave(noteId: string, save: Promise<unknown>): void {
  const settled = save.catch(() => undefined);
  pending.set(noteId, settled);
  void settled.then(() => pending.get(noteId) === settled && pending.delete(noteId));
}

export async function afterPendingSave(noteId: string): Promise<void> {
  await pending.get(noteId);
}
