import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportNotebook } from '../../../../main/exchange/export-notebook';
import { mergeExchangeFile } from '../../../../main/exchange/merge-notebook';
import { openTestNotebook } from '../../../support/notebook-fixture';
import { makeTempDir } from '../../../support/temp-dir';
import { populatedNotebook, snapshot } from './exchange-fixture';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => (temp = await makeTempDir()));
afterEach(() => temp.remove());

describe('export then merge into an empty notebook', () => {
  it('gives the same records and blobs, byte for byte, tombstones included', async () => {
    const source = await populatedNotebook(path.join(temp.dir, 'a'));
    await source.records.delete('highlights', source.ids.denial);
    const file = path.join(temp.dir, 'a.fieldbook');
    const exported = await exportNotebook(source.store, file, { author: 'Layla' });
    expect(exported.counts).toMatchObject({ documents: 1, highlights: 2, actors: 2, events: 1, notes: 1, tags: 1 });
    expect(exported.manifest.entries.map((entry) => entry.path)).toContain('records/highlights.jsonl');

    const target = await openTestNotebook(path.join(temp.dir, 'b'), 'Omar');
    const report = await mergeExchangeFile(target.store, file);
    expect(report.counts.added).toEqual({ documents: 1, highlights: 2, actors: 2, events: 1, notes: 1, tags: 1 });
    expect(report.conflicts).toEqual([]);
    expect(report.file.author).toBe('Layla');
    expect(await snapshot(target.store)).toEqual(await snapshot(source.store));
    await Promise.all([source.store.close(), target.store.close()]);
  });

  it('stops at a damaged blob rather than carry it, leaving no file behind', async () => {
    const source = await populatedNotebook(path.join(temp.dir, 'a'));
    const document = (await source.records.list('documents'))[0];
    await writeFile(source.store.blobs.pathOf(document?.original.sha256 ?? ''), 'tampered');
    await expect(exportNotebook(source.store, path.join(temp.dir, 'a.fieldbook'), { author: 'Layla' })).rejects.toMatchObject({ code: 'NOTEBOOK_INVALID', message: expect.stringMatching(/damaged.*fieldbook doctor/) });
    expect((await readdir(temp.dir)).filter((name) => name.includes('fieldbook'))).toEqual([]);
    await source.store.close();
  });

  it('round-trips an encrypted file, and says so when the passphrase is wrong or missing', async () => {
    const source = await populatedNotebook(path.join(temp.dir, 'a'));
    const file = path.join(temp.dir, 'a.fieldbook');
    await exportNotebook(source.store, file, { author: 'Layla', passphrase: 'correct horse battery' });
    const target = await openTestNotebook(path.join(temp.dir, 'b'));
    await expect(mergeExchangeFile(target.store, file)).rejects.toMatchObject({ code: 'PASSWORD_REQUIRED', message: expect.stringMatching(/encrypted/) });
    await expect(mergeExchangeFile(target.store, file, { passphrase: 'wrong horse battery' })).rejects.toMatchObject({ code: 'PASSWORD_INCORRECT', message: expect.stringMatching(/passphrase is wrong/) });
    expect((await snapshot(target.store)).records.documents).toEqual([]);
    const report = await mergeExchangeFile(target.store, file, { passphrase: 'correct horse battery' });
    expect(report.file.encrypted).toBe(true);
    expect(await snapshot(target.store)).toEqual(await snapshot(source.store));
    await Promise.all([source.store.close(), target.store.close()]);
  }, 90_000);
});
