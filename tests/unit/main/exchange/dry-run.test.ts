import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportNotebook } from '../../../../main/exchange/export-notebook';
import { mergeExchangeFile } from '../../../../main/exchange/merge-notebook';
import type { OpenTestNotebook } from '../../../support/notebook-fixture';
import { makeTempDir } from '../../../support/temp-dir';
import { briefText, populatedNotebook, snapshot } from './exchange-fixture';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let victim: OpenTestNotebook;
let plain: string;
let sealed: string;

beforeAll(async () => {
  temp = await makeTempDir();
  victim = await populatedNotebook(path.join(temp.dir, 'victim'));
  const other = await populatedNotebook(path.join(temp.dir, 'other'), 'Mallory', `${briefText} A second edition.`);
  plain = path.join(temp.dir, 'plain.fieldbook');
  sealed = path.join(temp.dir, 'sealed.fieldbook');
  await exportNotebook(other.store, plain, { author: 'Mallory' });
  await exportNotebook(other.store, sealed, { author: 'Mallory', passphrase: 'a long enough passphrase' });
  await other.store.close();
});
afterAll(async () => {
  await victim.store.close();
  await temp.remove();
});

/**
 * Every folder of the notebook with its modification time, which changes
 * when anything is created in it or removed from it, even briefly: a staging
 * folder made and deleted again shows here.
 */
async function folderTimes(dir: string): Promise<Record<string, number>> {
  const times: Record<string, number> = { [dir]: (await stat(dir)).mtimeMs };
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) Object.assign(times, await folderTimes(path.join(dir, entry.name)));
  }
  return times;
}

describe('a dry run', () => {
  it.each([
    ['a plain file', () => plain, {}],
    ['an encrypted file', () => sealed, { passphrase: 'a long enough passphrase' }],
  ])('of %s reports the merge and writes nothing into the notebook, not even staging', async (_case, file, options) => {
    const records = await snapshot(victim.store);
    const folders = await folderTimes(victim.store.info.path);
    const report = await mergeExchangeFile(victim.store, file(), { ...options, dryRun: true });
    expect(report).toMatchObject({ dryRun: true, counts: { added: { documents: 1 } } });
    expect(report.blobs.added).toBeGreaterThan(0);
    expect(await folderTimes(victim.store.info.path)).toEqual(folders);
    expect(await snapshot(victim.store)).toEqual(records);
  });
});
