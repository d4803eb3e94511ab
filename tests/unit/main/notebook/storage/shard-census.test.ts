import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportNotebook } from '../../../../../main/exchange/export-notebook';
import { mergeExchangeFile } from '../../../../../main/exchange/merge-notebook';
import { notebookLayout } from '../../../../../main/notebook/notebook-store';
import { RecordFile } from '../../../../../main/notebook/storage/record-file';
import { CENSUS_FILE } from '../../../../../main/notebook/storage/shard-census';
import { NoteRecord } from '../../../../../shared/model/records';
import { openTestNotebook, type OpenTestNotebook } from '../../../../support/notebook-fixture';
import { makeTempDir } from '../../../../support/temp-dir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
const open: OpenTestNotebook[] = [];
beforeEach(async () => (temp = await makeTempDir()));
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(open.splice(0).map((notebook) => notebook.store.close()));
  await temp.remove();
});

async function notebook(name: string): Promise<OpenTestNotebook> {
  const opened = await openTestNotebook(path.join(temp.dir, name));
  open.push(opened);
  return opened;
}

async function close(notebook: OpenTestNotebook): Promise<void> {
  open.splice(open.indexOf(notebook), 1);
  await notebook.store.close();
}

const addNote = (records: OpenTestNotebook['records'], title: string) => records.create('notes', { title, body: `About ${title}.` });

/** Which note files a piece of work opened, by name. */
async function noteFilesOpened(work: () => Promise<unknown>): Promise<string[]> {
  const opened = vi.spyOn(RecordFile, 'open');
  await work();
  const names = opened.mock.calls.map(([file]) => file).filter((file) => path.basename(path.dirname(file)) === notebookLayout.notes).map((file) => path.basename(file));
  opened.mockRestore();
  return names;
}

describe('counting notes', () => {
  it('counts the live notes through create, delete, restore and a merge, as listing them does', async () => {
    const here = await notebook('here');
    const { records } = here;
    const [first] = await Promise.all([addNote(records, 'first'), addNote(records, 'second'), addNote(records, 'third')]);
    expect(await records.count('notes')).toBe(3);
    await records.delete('notes', first!.id);
    expect(await records.count('notes')).toBe(2);
    await records.restore('notes', first!.id);
    expect(await records.count('notes')).toBe(3);

    const other = await notebook('there');
    const gone = await addNote(other.records, 'deleted there');
    await other.records.delete('notes', gone.id);
    await addNote(other.records, 'added there');
    const file = path.join(temp.dir, 'there.fieldbook');
    await exportNotebook(other.store, file, { author: 'Omar' });
    await mergeExchangeFile(here.store, file);
    expect(await records.count('notes')).toBe(4);
    expect(await records.count('notes')).toBe((await records.list('notes')).length);
  });

  it('reads no note file that has not changed since the last count, in this process or the next', async () => {
    const first = await notebook('nb');
    const notes = await Promise.all(['a', 'b', 'c'].map((title) => addNote(first.records, title)));
    expect(await first.records.count('notes')).toBe(3);
    await close(first);

    const next = await notebook('nb');
    let count = 0;
    expect(await noteFilesOpened(async () => (count = await next.records.count('notes')))).toEqual([]);
    expect(count).toBe(3);

    await next.records.delete('notes', notes[1]!.id);
    expect(await next.records.count('notes')).toBe(2);
  });

  it('counts a note file replaced behind its back, and rebuilds a damaged census from the files', async () => {
    const first = await notebook('nb');
    const [kept, replaced] = await Promise.all([addNote(first.records, 'kept'), addNote(first.records, 'replaced')]);
    expect(await first.records.count('notes')).toBe(2);

    // As the doctor restoring a backup would: a whole new file in its place, written past the store.
    const notesDir = path.join(first.store.info.path, notebookLayout.notes);
    const shard = await RecordFile.open(path.join(notesDir, `${replaced.id}.json`), NoteRecord, first.store.backups);
    await shard.put({ ...replaced, deletedAt: new Date().toISOString() });
    expect(await first.records.count('notes')).toBe(1);
    await close(first);

    await writeFile(path.join(notesDir, CENSUS_FILE), '{ not json');
    const next = await notebook('nb');
    let count = 0;
    expect((await noteFilesOpened(async () => (count = await next.records.count('notes')))).sort()).toEqual([`${kept.id}.json`, `${replaced.id}.json`].sort());
    expect(count).toBe(1);
  });
});
