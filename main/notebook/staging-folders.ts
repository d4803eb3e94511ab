import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * A merge stages the file it reads in a folder of the notebook named with
 * this prefix (on the notebook's disk, so applying is a rename) and removes
 * it when it ends. Only a process killed mid-merge leaves one behind; the
 * next open finishes a merge the journal holds (exchange-journal.ts) before
 * removing the rest, so whoever holds the notebook's lock may then remove
 * any it finds.
 */
export const STAGING_PREFIX = '.exchange-';

export const STAGING_NAME = /^\.exchange-[0-9a-f]+$/;

/** Where a staging folder keeps the copy of one blob. */
export function stagedBlobPath(stagingDir: string, sha256: string): string {
  return path.join(stagingDir, 'blobs', sha256);
}

export async function stagingLeftovers(notebookDir: string): Promise<string[]> {
  const names = await readdir(notebookDir).catch(() => [] as string[]);
  return names.filter((name) => name.startsWith(STAGING_PREFIX)).map((name) => path.join(notebookDir, name));
}

/** Only call with the notebook's lock held, after the interrupted merges are finished: a merge running elsewhere would lose its staging. */
export async function removeStagingLeftovers(notebookDir: string): Promise<void> {
  for (const folder of await stagingLeftovers(notebookDir)) await rm(folder, { recursive: true, force: true });
}
