import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireNotebookLock, LOCK_FILE } from '../../../../../main/notebook/storage/notebook-lock';
import { makeTempDir } from '../../../../support/temp-dir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => {
  temp = await makeTempDir();
});
afterEach(() => temp.remove());

const lockOf = (pid: number) => JSON.stringify({ pid, hostname: os.hostname(), acquiredAt: new Date().toISOString() });

describe('notebook lock', () => {
  it('lets one holder in and releases', async () => {
    const lock = await acquireNotebookLock(temp.dir);
    await expect(acquireNotebookLock(temp.dir)).rejects.toMatchObject({ code: 'NOTEBOOK_LOCKED', message: expect.stringContaining('already open in this Fieldbook') });
    await lock.release();
    await (await acquireNotebookLock(temp.dir)).release();
  });

  it('names the other process that holds it', async () => {
    const other = spawn('sleep', ['30']);
    try {
      await writeFile(path.join(temp.dir, LOCK_FILE), lockOf(other.pid as number));
      await expect(acquireNotebookLock(temp.dir)).rejects.toMatchObject({
        code: 'NOTEBOOK_LOCKED',
        message: `This notebook is open in another Fieldbook (pid ${other.pid}). Close it there first.`,
      });
    } finally {
      other.kill();
    }
  });

  it('takes over the lock of a process that died', async () => {
    const dead = spawn('true');
    await new Promise((resolve) => dead.on('exit', resolve));
    await writeFile(path.join(temp.dir, LOCK_FILE), lockOf(dead.pid as number));
    const lock = await acquireNotebookLock(temp.dir);
    expect(JSON.parse(await readFile(path.join(temp.dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();
  });

  it('takes over a half-written lock left by a crash', async () => {
    await writeFile(path.join(temp.dir, LOCK_FILE), '');
    const lock = await acquireNotebookLock(temp.dir);
    expect(JSON.parse(await readFile(path.join(temp.dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, hostname: os.hostname() });
    // Taken over, it holds like any other lock until released.
    await expect(acquireNotebookLock(temp.dir)).rejects.toMatchObject({ code: 'NOTEBOOK_LOCKED' });
    await lock.release();
    await expect(readdir(temp.dir)).resolves.toEqual([]);
  });

  it('lets exactly one of many simultaneous contenders win a stale lock', async () => {
    await writeFile(path.join(temp.dir, LOCK_FILE), '{}');
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => acquireNotebookLock(temp.dir)));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    for (const result of results) if (result.status === 'rejected') expect(result.reason).toMatchObject({ code: 'NOTEBOOK_LOCKED' });
  });
});
