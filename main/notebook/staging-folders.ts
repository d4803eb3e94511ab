import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * A merge stages the file it reads in a folder of the notebook named with
 * this prefix (on the notebook's disk, so applying is a rename) and removes
 * it when it ends. Only a process killed mid-merge leaves one behind, so
 * whoever holds the notebook's lock may remove any it finds.
 */
export const STAGING_PREFIX = '.exchange-';

export async function stagingLeftovers(notebookDir: string): Promise<string[]> {
  const names = await readdir(notebookDir).catch(() => [] as string[]);
  return names.filter((name) => name.startsWith(STAGING_PREFIX)).map((name) => path.join(notebookDir, name));
}

/** Only call with the notebook's lock held: a merge running elsewhere would lose its staging. */
export async function removeStagingLeftovers(notebookDir: string): Promise<void> {
  for (const folder of await stagingLeftovers(notebookDir)) await rm(folder, { recursive: true, force: true });
}
