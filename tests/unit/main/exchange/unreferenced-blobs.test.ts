import { randomBytes } from 'node:crypto';
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobPath } from '../../../../main/exchange/manifest';
import { mergeExchangeFile } from '../../../../main/exchange/merge-notebook';
import type { OpenTestNotebook } from '../../../support/notebook-fixture';
import { makeTempDir } from '../../../support/temp-dir';
import { populatedNotebook, validEntriesOfAnotherNotebook } from './exchange-fixture';
import { manifestFor, rawZip, sha256, type RawEntry } from './raw-zip';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let target: OpenTestNotebook;
let good: RawEntry[];

beforeAll(async () => {
  temp = await makeTempDir();
  target = await populatedNotebook(path.join(temp.dir, 'target'));
  good = await validEntriesOfAnotherNotebook(path.join(temp.dir, 'other'));
});
afterAll(async () => {
  await target.store.close();
  await temp.remove();
});

describe('a merge keeps only blobs a record references', () => {
  it('merges the records and drops blobs no document names, reporting only what it kept', async () => {
    const strays = [randomBytes(4096), randomBytes(8192)].map((data) => ({ name: blobPath(sha256(data)), data }));
    const file = path.join(temp.dir, 'with-strays.fieldbook');
    await writeFile(file, rawZip([...good, ...strays, manifestFor([...good, ...strays])]));
    const report = await mergeExchangeFile(target.store, file);
    expect(report.counts.added.documents).toBe(1);
    for (const stray of strays) {
      expect(await stat(target.store.blobs.pathOf(sha256(stray.data))).catch(() => undefined)).toBeUndefined();
    }
    expect(report.blobs.bytes).toBeLessThan(4096);
  });
});
