import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportNotebook } from '../../../../main/exchange/export-notebook';
import { mergeExchangeFile } from '../../../../main/exchange/merge-notebook';
import type { OpenTestNotebook } from '../../../support/notebook-fixture';
import { useNotebookDir } from '../../../support/use-notebook-dir';
import { briefText, populatedNotebook, snapshot } from './exchange-fixture';

const folder = useNotebookDir();
let victim: OpenTestNotebook;
let file: string;

beforeEach(async () => {
  victim = await populatedNotebook(folder.dir);
  const other = await populatedNotebook(path.join(folder.root, 'other'), 'Mallory', `${briefText} A second edition.`);
  file = path.join(folder.root, 'other.fieldbook');
  await exportNotebook(other.store, file, { author: 'Mallory' });
  await other.store.close();
});
afterEach(() => victim.store.close());

describe('a long merge', () => {
  it('says how far it has got: every entry of the file checked, then every kind of record written', async () => {
    const reports: { done: number; total: number; message: string }[] = [];
    await mergeExchangeFile(victim.store, file, { progress: (done, total, message) => reports.push({ done, total, message }) });
    const checking = reports.filter((report) => report.message === 'Checking the file');
    const writing = reports.filter((report) => report.message === 'Writing the merged records');
    expect(checking.map((report) => report.done)).toEqual(checking.map((_, i) => i + 1));
    expect(checking.at(-1)?.done).toBe(checking.at(-1)?.total);
    expect(writing.at(-1)?.done).toBe(writing.at(-1)?.total);
    expect(reports.indexOf(writing[0] as (typeof reports)[number])).toBeGreaterThan(reports.indexOf(checking.at(-1) as (typeof reports)[number]));
  });

  it('can be cancelled while it checks the file: nothing is merged and no staging is left', async () => {
    const before = await snapshot(victim.store);
    const controller = new AbortController();
    await expect(mergeExchangeFile(victim.store, file, { signal: controller.signal, progress: () => controller.abort() })).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await snapshot(victim.store)).toEqual(before);
    expect((await readdir(folder.dir)).filter((name) => name.startsWith('.exchange-'))).toEqual([]);
  });

  it('can be cancelled up to the moment its journal is written', async () => {
    const before = await snapshot(victim.store);
    const controller = new AbortController();
    const cancelOnLastEntry = (done: number, total: number) => (done === total ? controller.abort() : undefined);
    await expect(mergeExchangeFile(victim.store, file, { signal: controller.signal, progress: cancelOnLastEntry })).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await snapshot(victim.store)).toEqual(before);
  });
});
