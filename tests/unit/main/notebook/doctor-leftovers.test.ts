import { randomUUID } from 'node:crypto';
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDoctor } from '../../../../main/notebook/doctor';
import { EXCHANGE_JOURNAL_FILE, type JournaledMerge } from '../../../../main/notebook/exchange-journal';
import { NotebookStore } from '../../../../main/notebook/notebook-store';
import { addTextDocument, openTestNotebook } from '../../../support/notebook-fixture';
import { useNotebookDir } from '../../../support/use-notebook-dir';

const notebook = useNotebookDir();

const exists = (file: string) => stat(file).then(() => true, () => false);

/** What a merge killed while staging leaves: its folder of blobs, in the notebook. */
async function leaveStaging(name: string): Promise<string> {
  const staging = path.join(notebook.dir, name);
  await mkdir(path.join(staging, 'blobs'), { recursive: true });
  await writeFile(path.join(staging, 'blobs', 'a'.repeat(64)), 'half a blob');
  return staging;
}

/** A notebook with a live document, a deleted one (whose blobs a merge or an undo may still need) and a blob no record names. */
async function notebookWithStray(): Promise<{ live: string[]; tombstoned: string[]; stray: string }> {
  const { store, records } = await openTestNotebook(notebook.dir);
  const live = await addTextDocument(records, 'Kept', 'Words that stay.');
  const deleted = await addTextDocument(records, 'Deleted', 'Words of a deleted document.');
  await records.delete('documents', deleted.id);
  const stray = await store.blobs.put('Content no record names.', 'text/plain');
  await store.close();
  const refs = (document: typeof live) => [document.original.sha256, document.text.sha256];
  return { live: refs(live), tombstoned: refs(deleted), stray: stray.sha256 };
}

describe('doctor finds what interrupted work leaves behind', () => {
  it('reports staging folders and unreferenced blobs, and --repair removes them and nothing else', async () => {
    const { live, tombstoned, stray } = await notebookWithStray();
    const staging = await leaveStaging('.exchange-0123456789ab');
    const blobFile = (hash: string) => path.join(notebook.dir, 'blobs', hash.slice(0, 2), hash);

    const check = await runDoctor(notebook.dir);
    expect(check.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'staging-leftover', file: staging }),
        expect.objectContaining({ kind: 'unreferenced-blob', file: blobFile(stray) }),
      ]),
    );
    expect(check.problems).toHaveLength(2);
    expect(await exists(staging)).toBe(true);

    const repair = await runDoctor(notebook.dir, { repair: true });
    expect(repair.problems.map((problem) => problem.repaired)).toEqual([true, true]);
    expect(await exists(staging)).toBe(false);
    expect(await exists(blobFile(stray))).toBe(false);
    for (const hash of [...live, ...tombstoned]) expect(await exists(blobFile(hash))).toBe(true);
    expect((await runDoctor(notebook.dir)).problems).toEqual([]);
  });

  it('reports no blob as unreferenced while the documents cannot all be read', async () => {
    await notebookWithStray();
    await writeFile(path.join(notebook.dir, 'documents.json'), '{"formatVersion": 1, "records": [');
    const check = await runDoctor(notebook.dir, { repair: true });
    expect(check.problems.map((problem) => problem.kind)).toEqual(['damaged-file']);
  });

  it('opening the notebook to write clears staging a killed merge left; opening it to read leaves it', async () => {
    await notebookWithStray();
    const staging = await leaveStaging('.exchange-ba9876543210');
    await (await NotebookStore.open(notebook.dir, { readOnly: true })).close();
    expect(await exists(staging)).toBe(true);
    await (await NotebookStore.open(notebook.dir)).close();
    expect((await readdir(notebook.dir)).filter((name) => name.startsWith('.exchange-'))).toEqual([]);
  });

  it('reports a merge the journal holds as interrupted, not its staging folder, and --repair finishes it', async () => {
    const { store, records } = await openTestNotebook(notebook.dir);
    const note = { ...(await records.create('notes', { title: 'Draft', body: 'Before the merge.' })), body: 'After the merge.' };
    const staging = await leaveStaging('.exchange-00112233aabb');
    await store.close();
    const merge: JournaledMerge = {
      id: randomUUID(),
      startedAt: new Date().toISOString(),
      staging: path.basename(staging),
      blobs: [],
      writes: { documents: [], highlights: [], actors: [], events: [], notes: [note], tags: [] },
      moves: [],
      conflicts: [],
    };
    await writeFile(path.join(notebook.dir, EXCHANGE_JOURNAL_FILE), JSON.stringify({ formatVersion: 1, records: [merge] }));

    expect((await runDoctor(notebook.dir)).problems.map((problem) => [problem.kind, problem.repaired === true])).toEqual([['interrupted-merge', false]]);
    expect(await exists(staging)).toBe(true);

    expect((await runDoctor(notebook.dir, { repair: true })).problems).toEqual([expect.objectContaining({ kind: 'interrupted-merge', repaired: true })]);
    const reopened = await NotebookStore.open(notebook.dir, { readOnly: true });
    expect((await reopened.collection('notes').get(note.id))?.body).toBe('After the merge.');
    expect(reopened.exchangeJournal.size).toBe(0);
    await reopened.close();
    expect(await exists(staging)).toBe(false);
  });
});
