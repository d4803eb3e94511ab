import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultArchiveLimits } from '../../../../main/exchange/archive-limits';
import { exportNotebook } from '../../../../main/exchange/export-notebook';
import { blobPath, recordsPath } from '../../../../main/exchange/manifest';
import { mergeExchangeFile, type MergeOptions } from '../../../../main/exchange/merge-notebook';
import type { OpenTestNotebook } from '../../../support/notebook-fixture';
import { makeTempDir } from '../../../support/temp-dir';
import { budget } from '../../../support/time-budget';
import { populatedNotebook, snapshot, validEntriesOfAnotherNotebook } from './exchange-fixture';
import { manifestFor, rawZip, sha256, type RawEntry } from './raw-zip';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let victim: OpenTestNotebook;
let before: Awaited<ReturnType<typeof snapshot>>;
/** Valid entries taken from a real export of another notebook, to be spoiled one way at a time. */
let good: RawEntry[];

beforeAll(async () => {
  temp = await makeTempDir();
  victim = await populatedNotebook(path.join(temp.dir, 'victim'));
  before = await snapshot(victim.store);
  good = await validEntriesOfAnotherNotebook(path.join(temp.dir, 'other'));
});
afterAll(async () => {
  await victim.store.close();
  await temp.remove();
});

let counter = 0;
async function fileOf(bytes: Buffer): Promise<string> {
  const file = path.join(temp.dir, `hostile-${(counter += 1)}.fieldbook`);
  await writeFile(file, bytes);
  return file;
}

/** The merge must fail with `expected`, and leave the notebook exactly as it was, with no staging folder behind. */
async function refused(bytes: Buffer, expected: { code: string; message: RegExp }, options: MergeOptions = {}): Promise<void> {
  await expect(mergeExchangeFile(victim.store, await fileOf(bytes), options)).rejects.toMatchObject({ code: expected.code, message: expect.stringMatching(expected.message) });
  expect(await snapshot(victim.store)).toEqual(before);
  expect((await readdir(victim.store.info.path)).filter((name) => name.startsWith('.exchange-'))).toEqual([]);
}

const withManifest = (entries: RawEntry[], overrides?: Record<string, unknown>) => rawZip([...entries, manifestFor(entries, overrides)]);

describe('hostile exchange files leave the notebook untouched', () => {
  it('accepts the unspoiled entries (the control case)', async () => {
    const report = await mergeExchangeFile(victim.store, await fileOf(withManifest(good)), { dryRun: true });
    expect(report.counts.added.documents).toBe(1);
    expect(report.counts.added.highlights).toBe(2);
  });

  it.each([
    ['a parent-folder path', '../../outside.txt', /unsafe name/],
    ['an absolute path', '/etc/cron.d/evil', /unsafe name/],
    ['a Windows drive path', 'C:/evil', /unsafe name/],
    ['an entry no Fieldbook file holds', 'records/../../x.jsonl', /unsafe name/],
    ['an unexpected name', 'autorun.inf', /not one a Fieldbook file may hold/],
  ])('refuses %s', async (_case, name, message) => {
    await refused(rawZip([...good, { name, data: Buffer.from('x') }, manifestFor(good)]), { code: 'DAMAGED_FILE', message });
  });

  it('refuses a link', async () => {
    const target = Buffer.from('/home/user/.ssh/id_rsa');
    const link = { name: blobPath(sha256(target)), data: target, unixMode: 0o120777 };
    await refused(withManifest([...good, link]), { code: 'DAMAGED_FILE', message: /is a link/ });
  });

  it('refuses a zip bomb by its inflation ratio, before inflating it', async () => {
    const zeros = Buffer.alloc(8 * 2 ** 20);
    await refused(withManifest([...good, { name: blobPath(sha256(zeros)), data: zeros, deflate: true }]), { code: 'FILE_TOO_LARGE', message: /zip bomb/ });
  });

  it('refuses a small entry that inflates like a bomb: the ratio holds for every entry, not only past 1 MiB', async () => {
    // 4,000 of these in a 400 KB file would add a gigabyte.
    const zeros = Buffer.alloc(256 * 1024);
    await refused(withManifest([...good, { name: blobPath(sha256(zeros)), data: zeros, deflate: true }]), { code: 'FILE_TOO_LARGE', message: /zip bomb/ });
  });

  it('refuses an entry that inflates past the size it declared', async () => {
    const zeros = Buffer.alloc(2 ** 20);
    const liar = { name: blobPath(sha256(zeros)), data: zeros, deflate: true, declaredSize: 1000 };
    const manifest = manifestFor([...good, liar]);
    const listed = JSON.parse(manifest.data.toString()) as { entries: { path: string; size: number }[] };
    listed.entries.forEach((entry) => (entry.path === liar.name ? (entry.size = 1000) : undefined));
    await refused(rawZip([...good, liar, { ...manifest, data: Buffer.from(JSON.stringify(listed)) }]), { code: 'DAMAGED_FILE', message: /more than it declared|bytes/ });
  });

  it('refuses a manifest padded past what its entries warrant, before parsing it', async () => {
    const manifest = manifestFor(good);
    const padded = { ...manifest, data: Buffer.concat([manifest.data.subarray(0, -1), Buffer.alloc(4 * 2 ** 20, ' '), Buffer.from('}')]) };
    await refused(rawZip([...good, padded]), { code: 'FILE_TOO_LARGE', message: /manifest is larger than any Fieldbook writes for \d+ entries/ });
  });

  it('refuses a manifest that declares more than may be inflated, whatever the zip headers say', async () => {
    const [first, ...rest] = good;
    if (!first) throw new Error('no entries');
    const listed = manifestFor(good).data.toString();
    const declared = JSON.parse(listed) as { entries: { path: string; size: number }[] };
    declared.entries.forEach((entry) => (entry.path === first.name ? (entry.size = defaultArchiveLimits.maxTotalBytes) : undefined));
    await refused(rawZip([first, ...rest, { name: 'manifest.json', data: Buffer.from(JSON.stringify(declared)) }]), { code: 'FILE_TOO_LARGE', message: /manifest declares \d+ entries of \d+ bytes/ });
  });

  it.each([
    ['too many entries', { maxEntries: 3 }, /entries; at most 3/],
    ['an entry too large', { maxEntryBytes: 100 }, /would inflate to \d+ bytes/],
    ['too much in total', { maxTotalBytes: 1000 }, /more than 1000 bytes/],
    ['too many records to hold', { maxRecordsBytes: 1000 }, /records would take more than 1000 bytes/],
  ])('refuses %s', async (_case, limits, message) => {
    await refused(withManifest(good), { code: 'FILE_TOO_LARGE', message }, { limits: { ...defaultArchiveLimits, ...limits } });
  });

  it('refuses content that does not match the manifest', async () => {
    const manifest = manifestFor(good);
    const tampered = good.map((entry) => (entry.name === recordsPath('notes') ? { ...entry, data: Buffer.from(entry.data.toString().replace('vote', 'veto')) } : entry));
    await refused(rawZip([...tampered, manifest]), { code: 'DAMAGED_FILE', message: /does not match its SHA-256/ });
  });

  it('refuses an entry missing from the manifest, and a manifest entry missing from the file', async () => {
    const [first, ...rest] = good;
    await refused(rawZip([...good, manifestFor(rest)]), { code: 'DAMAGED_FILE', message: /not in the manifest/ });
    expect(first).toBeDefined();
    await refused(rawZip([...rest, manifestFor(good)]), { code: 'DAMAGED_FILE', message: /does not contain/ });
  });

  it('refuses a record that fails its schema', async () => {
    const spoiled = good.map((entry) => (entry.name === recordsPath('highlights') ? { ...entry, data: Buffer.from(entry.data.toString().replace('"yellow"', '"ultraviolet"')) } : entry));
    await refused(withManifest(spoiled), { code: 'DAMAGED_FILE', message: /records\/highlights\.jsonl fails its schema at color/ });
  });

  it('refuses a record that is not JSON, and a highlight whose document is nowhere', async () => {
    const broken = good.map((entry) => (entry.name === recordsPath('tags') ? { ...entry, data: Buffer.from('{"id": \n') } : entry));
    await refused(withManifest(broken), { code: 'DAMAGED_FILE', message: /line 1, is not valid JSON/ });
    const orphaned = good.filter((entry) => entry.name !== recordsPath('documents') && !entry.name.startsWith('blobs/'));
    await refused(withManifest(orphaned), { code: 'DAMAGED_FILE', message: /neither in the file nor in this notebook/ });
  });

  it('refuses a document whose structure the reader could not read, though its hash is right', async () => {
    const nested = Buffer.from(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    const structure = { sha256: sha256(nested), size: nested.length, mediaType: 'application/json' };
    const spoiled = good.map((entry) => {
      if (entry.name !== recordsPath('documents')) return entry;
      const lines = entry.data.toString().trim().split('\n').map((line) => JSON.stringify({ ...(JSON.parse(line) as object), structure }));
      return { ...entry, data: Buffer.from(`${lines.join('\n')}\n`) };
    });
    await refused(withManifest([...spoiled, { name: blobPath(structure.sha256), data: nested }]), { code: 'DAMAGED_FILE', message: /structure of “Brief on the Green Zone meeting” cannot be read/ });
  });

  it('refuses a document whose content is missing', async () => {
    await refused(withManifest(good.filter((entry) => !entry.name.startsWith('blobs/'))), { code: 'DAMAGED_FILE', message: /content of “Brief on the Green Zone meeting”.*neither in the file nor in this notebook/ });
  });

  it('refuses a file from a future Fieldbook, saying so', async () => {
    await refused(withManifest(good, { formatVersion: 99 }), { code: 'UNSUPPORTED_FILE', message: /newer Fieldbook \(exchange format 99/ });
  });

  it('refuses a truncated file and a file that is not a zip at all', async () => {
    const whole = withManifest(good);
    await refused(whole.subarray(0, Math.floor(whole.length / 2)), { code: 'DAMAGED_FILE', message: /truncated or is not a Fieldbook file/ });
    await refused(Buffer.from('%PDF-1.7 not an exchange file'), { code: 'DAMAGED_FILE', message: /truncated or is not a Fieldbook file/ });
  });

  it('refuses an encrypted file changed after encryption, or cut short', async () => {
    const source = path.join(temp.dir, 'sealed.fieldbook');
    await exportNotebook(victim.store, source, { author: 'Layla', passphrase: 'a long enough passphrase' });
    const sealed = await readFile(source);
    const flipped = Buffer.from(sealed);
    flipped[200] = (flipped[200] ?? 0) ^ 0x01;
    await refused(flipped, { code: 'DAMAGED_FILE', message: /changed after it was encrypted/ }, { passphrase: 'a long enough passphrase' });
    await refused(sealed.subarray(0, 60), { code: 'DAMAGED_FILE', message: /truncated/ }, { passphrase: 'a long enough passphrase' });
    await refused(sealed.subarray(0, sealed.length - 100), { code: 'DAMAGED_FILE', message: /changed after it was encrypted/ }, { passphrase: 'a long enough passphrase' });
  }, 90_000);

  // The header's costs are read before any check can run (the tag needs the key), so they must be bounded by themselves.
  it.each([
    ['log2 N 22, r 2, p 16 (89 s of CPU, 1 GiB)', [22, 2, 16]],
    ['log2 N 20', [20, 8, 1]],
    ['p 16', [17, 8, 16]],
    ['r 64', [17, 64, 1]],
  ])('refuses an encryption header asking for costs Fieldbook never writes: %s, without deriving a key', async (_case, costs) => {
    const header = Buffer.concat([Buffer.from('FBKCRYPT', 'ascii'), Buffer.from([1, 1, ...costs]), Buffer.alloc(16 + 12 + 32, 7)]);
    await refused(Buffer.concat([header, Buffer.alloc(64, 1), Buffer.alloc(16, 2)]), { code: 'DAMAGED_FILE', message: /key-derivation costs/ }, { passphrase: 'a long enough passphrase' });
  }, budget(5_000));
});
