import { rename } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ApiError } from '../../shared/api/errors';
import { OpenConflict } from '../../shared/exchange/conflicts';
import { writeFileAtomic } from './storage/atomic-write';
import { readJsonFile } from './storage/json-file';

export const OPEN_CONFLICTS_FILE = 'exchange-conflicts.json';

const ConflictsFile = z.object({ formatVersion: z.literal(1), conflicts: z.array(OpenConflict) });

/** The notebook's open conflicts (exchange/open-conflicts.ts): the texts merges kept twice and nobody has chosen between yet. */
export async function readOpenConflicts(notebookDir: string): Promise<OpenConflict[]> {
  return (await readJsonFile(path.join(notebookDir, OPEN_CONFLICTS_FILE), ConflictsFile))?.conflicts ?? [];
}

/** Read, change and write the list. A damaged list must not stop merges (the records hold both versions anyway): it is renamed aside, kept for a person to read, and a new one begun. */
export async function changeOpenConflicts(notebookDir: string, change: (open: OpenConflict[]) => OpenConflict[] | Promise<OpenConflict[]>): Promise<void> {
  const file = path.join(notebookDir, OPEN_CONFLICTS_FILE);
  let open: OpenConflict[];
  try {
    open = await readOpenConflicts(notebookDir);
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'NOTEBOOK_INVALID') throw error;
    await rename(file, `${file}.damaged-${Date.now()}`);
    open = [];
  }
  const next = await change(open);
  await writeFileAtomic(file, `${JSON.stringify({ formatVersion: 1, conflicts: next }, null, 2)}\n`);
}

/** The list with `added` in it: one conflict already open on the same record is replaced by the newer one. */
export function withConflictsAdded(open: readonly OpenConflict[], added: readonly OpenConflict[]): OpenConflict[] {
  return [...open.filter((known) => !added.some((conflict) => conflict.type === known.type && conflict.id === known.id)), ...added];
}
