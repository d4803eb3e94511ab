import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Backups } from '../../../../../main/notebook/storage/backups';
import { RecordFile } from '../../../../../main/notebook/storage/record-file';
import { ActorRecord } from '../../../../../shared/model/records';
import { makeTempDir } from '../../../../support/temp-dir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let file: string;
beforeEach(async () => {
  temp = await makeTempDir();
  file = path.join(temp.dir, 'actors.json');
});
afterEach(() => temp.remove());

const actor = (id: string, name = `Actor ${id}`) => ({
  id,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  author: 'A',
  name,
  kind: 'person' as const,
  aliases: [],
  description: '',
  affiliations: [],
});

describe('record file', () => {
  it('sets an invalid record aside: reported, kept in the file, not served', async () => {
    await writeFile(file, JSON.stringify({ formatVersion: 1, records: [actor('actor-0001'), { ...actor('actor-0002'), kind: 'dragon' }, actor('actor-0003')] }));
    const opened = await RecordFile.open(file, ActorRecord, new Backups(temp.dir));
    expect(opened.all().map((record) => record.id)).toEqual(['actor-0001', 'actor-0003']);
    expect(opened.invalid).toEqual([{ file, id: 'actor-0002', problem: expect.stringContaining('kind') }]);
    await opened.put(actor('actor-0004'));
    const onDisk = JSON.parse(await readFile(file, 'utf8')) as { records: { id: string }[]; setAside: { id: string }[] };
    expect(onDisk.records.map((record) => record.id)).toEqual(['actor-0001', 'actor-0003', 'actor-0004']);
    expect(onDisk.setAside.map((record) => record.id)).toEqual(['actor-0002']);
  });

  it.each([
    ['truncated', '{"formatVersion":1,"records":[{"id":"actor-0001","na'],
    ['not JSON at all', '\u0000\u0000\u0000'],
    ['of the wrong shape', '{"formatVersion":1,"records":{}}'],
  ])('names a %s file and never overwrites it', async (_case, content) => {
    await writeFile(file, content);
    await expect(RecordFile.open(file, ActorRecord, new Backups(temp.dir))).rejects.toMatchObject({ code: 'NOTEBOOK_INVALID', message: expect.stringContaining(file) });
    expect(await readFile(file, 'utf8')).toBe(content);
  });

  it('refuses a file from a newer format version', async () => {
    const content = JSON.stringify({ formatVersion: 99, records: [], shards: 'new' });
    await writeFile(file, content);
    await expect(RecordFile.open(file, ActorRecord, new Backups(temp.dir))).rejects.toMatchObject({ message: expect.stringContaining('newer Fieldbook') });
    expect(await readFile(file, 'utf8')).toBe(content);
  });

  it('coalesces concurrent saves into few writes, each caller resolving only once its record is on disk', async () => {
    const opened = await RecordFile.open(file, ActorRecord, new Backups(temp.dir, { keep: 1000, minIntervalMs: 0 }));
    await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const id = `actor-${String(i).padStart(4, '0')}`;
        await opened.put(actor(id));
        const onDisk = JSON.parse(await readFile(file, 'utf8')) as { records: { id: string }[] };
        expect(onDisk.records.some((record) => record.id === id)).toBe(true);
      }),
    );
    const backups = await readdir(path.join(temp.dir, 'backups', 'actors.json'));
    // One write per save would leave 49 backups; coalescing leaves a handful.
    expect(backups.length).toBeLessThan(10);
  });

  it('keeps only the newest N states as backups, each a complete earlier state', async () => {
    const backups = new Backups(temp.dir, { keep: 3, minIntervalMs: 0 });
    const opened = await RecordFile.open(file, ActorRecord, backups);
    for (let i = 0; i < 6; i += 1) await opened.put(actor(`actor-${String(i).padStart(4, '0')}`));
    const kept = await backups.list(file);
    expect(kept).toHaveLength(3);
    const newest = JSON.parse(await readFile(kept[0] as string, 'utf8')) as { records: unknown[] };
    expect(newest.records).toHaveLength(5);
  });

  it('keeps at most one state per interval, so a burst of saves does not push older states out', async () => {
    const backups = new Backups(temp.dir, { keep: 3, minIntervalMs: 60_000 });
    const opened = await RecordFile.open(file, ActorRecord, backups);
    for (let i = 0; i < 6; i += 1) await opened.put(actor(`actor-${String(i).padStart(4, '0')}`));
    const kept = await backups.list(file);
    expect(kept).toHaveLength(1);
    expect((JSON.parse(await readFile(kept[0] as string, 'utf8')) as { records: unknown[] }).records).toHaveLength(1);
  });

  it('refuses to write when opened read-only', async () => {
    const opened = await RecordFile.open(file, ActorRecord, undefined);
    await expect(opened.put(actor('actor-0001'))).rejects.toMatchObject({ message: expect.stringContaining('read-only') });
    expect(opened.get('actor-0001')).toBeUndefined();
  });
});
