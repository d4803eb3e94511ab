import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Backups } from '../../../../../main/notebook/storage/backups';
import { RecordFile } from '../../../../../main/notebook/storage/record-file';
import { ShardedRecords } from '../../../../../main/notebook/storage/sharded-records';
import { makeTempDir } from '../../../../support/temp-dir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => (temp = await makeTempDir()));
afterEach(() => temp.remove());

const Mark = z.object({ id: z.string(), owner: z.string(), text: z.string() });
type Mark = z.infer<typeof Mark>;
const mark = (id: string, owner: string, text = `mark ${id}`): Mark => ({ id, owner, text });

/** `readOnly` opens without backups, so every write is refused. */
function openMarks(readOnly = false): ShardedRecords<Mark> {
  return new ShardedRecords(path.join(temp.dir, 'marks'), Mark, (record) => record.owner, readOnly ? undefined : new Backups(temp.dir, { minIntervalMs: 0 }));
}

async function onDisk(key: string): Promise<{ records: Mark[]; setAside?: unknown[] }> {
  return JSON.parse(await readFile(path.join(temp.dir, 'marks', `${key}.json`), 'utf8')) as { records: Mark[]; setAside?: unknown[] };
}

describe('record file removal', () => {
  it('takes records out durably and leaves the others', async () => {
    const file = path.join(temp.dir, 'marks.json');
    const opened = await RecordFile.open(file, Mark, new Backups(temp.dir));
    await opened.put(mark('mark-0001', 'x'), mark('mark-0002', 'x'));
    await opened.remove('mark-0001', 'mark-0404');
    expect(opened.all().map((record) => record.id)).toEqual(['mark-0002']);
    const reopened = await RecordFile.open(file, Mark, new Backups(temp.dir));
    expect(reopened.all().map((record) => record.id)).toEqual(['mark-0002']);
  });

  it('refuses to remove from a read-only file and keeps the records in memory', async () => {
    const file = path.join(temp.dir, 'marks.json');
    await (await RecordFile.open(file, Mark, new Backups(temp.dir))).put(mark('mark-0001', 'x'));
    const readOnly = await RecordFile.open(file, Mark, undefined);
    await expect(readOnly.remove('mark-0001')).rejects.toMatchObject({ message: expect.stringContaining('read-only') });
    expect(readOnly.get('mark-0001')).toEqual(mark('mark-0001', 'x'));
    expect(await readOnly.deleteIfEmpty()).toBe(false);
  });

  it('deletes an empty file only, keeping a backup of it', async () => {
    const file = path.join(temp.dir, 'marks.json');
    const backups = new Backups(temp.dir, { minIntervalMs: 0 });
    const opened = await RecordFile.open(file, Mark, backups);
    await opened.put(mark('mark-0001', 'x'));
    expect(await opened.deleteIfEmpty()).toBe(false);
    await opened.remove('mark-0001');
    expect(await opened.deleteIfEmpty()).toBe(true);
    expect(await readdir(temp.dir)).not.toContain('marks.json');
    expect(await backups.list(file)).not.toEqual([]);
    // The file comes back with the next record.
    await opened.put(mark('mark-0002', 'x'));
    expect((await RecordFile.open(file, Mark, backups)).all().map((record) => record.id)).toEqual(['mark-0002']);
  });

  it('keeps a file whose only content is records set aside', async () => {
    const file = path.join(temp.dir, 'marks.json');
    await writeFile(file, JSON.stringify({ formatVersion: 1, records: [{ id: 'broken-01' }] }));
    const opened = await RecordFile.open(file, Mark, new Backups(temp.dir));
    expect(opened.size).toBe(0);
    expect(await opened.deleteIfEmpty()).toBe(false);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ records: [{ id: 'broken-01' }] });
  });

  it('a put queued before the deletion keeps the file', async () => {
    const file = path.join(temp.dir, 'marks.json');
    const opened = await RecordFile.open(file, Mark, new Backups(temp.dir));
    await opened.put(mark('mark-0001', 'x'));
    const removed = opened.remove('mark-0001');
    const put = opened.put(mark('mark-0002', 'x'));
    const deleted = opened.deleteIfEmpty();
    await Promise.all([removed, put]);
    expect(await deleted).toBe(false);
    expect((await RecordFile.open(file, Mark, undefined)).all().map((record) => record.id)).toEqual(['mark-0002']);
  });
});

describe('moving records between shards', () => {
  it('re-files records under their new key, deleting the shard they left once it is empty', async () => {
    const marks = openMarks();
    await marks.put(mark('mark-0001', 'owner-aaaa'));
    await marks.put(mark('mark-0002', 'owner-aaaa'));
    await marks.put(mark('mark-0003', 'owner-bbbb'));
    await marks.move([mark('mark-0001', 'owner-bbbb'), mark('mark-0002', 'owner-cccc')], 'owner-aaaa');
    expect((await onDisk('owner-bbbb')).records.map((record) => record.id).sort()).toEqual(['mark-0001', 'mark-0003']);
    expect((await onDisk('owner-cccc')).records).toEqual([mark('mark-0002', 'owner-cccc')]);
    expect((await readdir(path.join(temp.dir, 'marks'))).filter((name) => !name.startsWith('.')).sort()).toEqual(['owner-bbbb.json', 'owner-cccc.json']);
    // A fresh reader sees each record once, in its new shard.
    const reopened = openMarks();
    expect((await reopened.all()).sort((a, b) => a.id.localeCompare(b.id))).toEqual([mark('mark-0001', 'owner-bbbb'), mark('mark-0002', 'owner-cccc'), mark('mark-0003', 'owner-bbbb')]);
    expect(await reopened.inShard('owner-aaaa')).toEqual([]);
  });

  it('keeps the old shard while records remain in it', async () => {
    const marks = openMarks();
    await marks.put(mark('mark-0001', 'owner-aaaa'));
    await marks.put(mark('mark-0002', 'owner-aaaa'));
    await marks.move([mark('mark-0001', 'owner-bbbb')], 'owner-aaaa');
    expect((await onDisk('owner-aaaa')).records).toEqual([mark('mark-0002', 'owner-aaaa')]);
  });

  it('refuses a record that would stay in the same shard, moving nothing', async () => {
    const marks = openMarks();
    await marks.put(mark('mark-0001', 'owner-aaaa'));
    await expect(marks.move([mark('mark-0001', 'owner-aaaa', 'edited')], 'owner-aaaa')).rejects.toThrow('already belongs');
    expect((await onDisk('owner-aaaa')).records).toEqual([mark('mark-0001', 'owner-aaaa')]);
  });

  it('writes nothing in a read-only folder: the record stays where it was', async () => {
    await openMarks().put(mark('mark-0001', 'owner-aaaa'));
    const readOnly = openMarks(true);
    await expect(readOnly.move([mark('mark-0001', 'owner-bbbb')], 'owner-aaaa')).rejects.toMatchObject({ message: expect.stringContaining('read-only') });
    expect((await onDisk('owner-aaaa')).records).toEqual([mark('mark-0001', 'owner-aaaa')]);
    expect(await openMarks().all()).toEqual([mark('mark-0001', 'owner-aaaa')]);
  });
});
