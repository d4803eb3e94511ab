import { open, readFile, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { ApiError } from '../../../shared/api/errors';

const LockFile = z.object({ pid: z.number().int(), hostname: z.string(), acquiredAt: z.string() });
export const LOCK_FILE = '.lock';

export interface HeldLock {
  release(): Promise<void>;
}

/**
 * One writer per notebook. The lock file names its owner; a lock whose
 * process is gone is taken over by renaming it away first, which only one
 * contender can do, so two starting apps never both believe they own it.
 */
export async function acquireNotebookLock(dir: string): Promise<HeldLock> {
  const file = path.join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const handle = await open(file, 'wx', 0o600);
      await handle.writeFile(JSON.stringify({ pid: process.pid, hostname: os.hostname(), acquiredAt: new Date().toISOString() }));
      await handle.sync();
      await handle.close();
      return { release: () => rm(file, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new ApiError('NOTEBOOK_INVALID', `Cannot lock the notebook ${dir}: ${(error as Error).message}`);
    }
    const owner = await readOwner(file);
    if (owner && isAlive(owner)) {
      throw new ApiError(
        'NOTEBOOK_LOCKED',
        owner.pid === process.pid && owner.hostname === os.hostname()
          ? `This notebook is already open in this Fieldbook.`
          : `This notebook is open in another Fieldbook (pid ${owner.pid}${owner.hostname === os.hostname() ? '' : ` on ${owner.hostname}`}). Close it there first.`,
      );
    }
    // Stale: its owner died without releasing it. Move it aside; if another process got there first, try again.
    await rename(file, `${file}.stale-${process.pid}`).then(
      () => rm(`${file}.stale-${process.pid}`, { force: true }),
      () => undefined,
    );
  }
  throw new ApiError('NOTEBOOK_LOCKED', `Could not lock the notebook ${dir}: another Fieldbook keeps taking it.`);
}

async function readOwner(file: string): Promise<z.infer<typeof LockFile> | undefined> {
  try {
    const parsed = LockFile.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    // Unreadable or half-written: a crash between create and write; treat as stale.
    return undefined;
  }
}

function isAlive(owner: z.infer<typeof LockFile>): boolean {
  // A lock from another machine (a notebook on a shared drive) cannot be checked; respect it.
  if (owner.hostname !== os.hostname()) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
