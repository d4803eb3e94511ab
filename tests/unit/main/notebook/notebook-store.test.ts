import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDoctor } from '../../../../main/notebook/doctor';
import { NotebookStore, notebookLayout } from '../../../../main/notebook/notebook-store';
import { createHighlight } from '../../../../main/notebook/records/highlights';
import { TextCache } from '../../../../main/notebook/records/text-cache';
import { mountSmallDisk } from '../../../support/constrained-disk';
import { addTextDocument, generatedText, openTestNotebook } from '../../../support/notebook-fixture';
import { useNotebookDir } from '../../../support/use-notebook-dir';

const notebook = useNotebookDir();

const highlightInput = (documentId: string, start: number) => ({ documentId, anchor: { start, end: start + 10 }, color: 'yellow' as const, comment: '', tags: [], actorIds: [], eventIds: [] });

describe('notebook store', () => {
  it('keeps records across reopening, with author, times and tombstones', async () => {
    const { store, records } = await openTestNotebook(notebook.dir, 'Noor');
    const actor = await records.create('actors', { name: 'Esmail Qaani', kind: 'person', aliases: ['Qaani', 'اسماعيل قاآني'], description: '', affiliations: [] });
    const renamed = await records.update('actors', actor.id, { description: 'Commander' });
    expect(renamed.updatedAt >= actor.updatedAt).toBe(true);
    await records.delete('actors', actor.id);
    await store.close();

    const { store: reopened, records: again } = await openTestNotebook(notebook.dir);
    expect(await again.list('actors')).toEqual([]);
    const [tombstone] = await again.list('actors', { includeDeleted: true });
    expect(tombstone).toMatchObject({ id: actor.id, author: 'Noor', description: 'Commander', deletedAt: expect.any(String) });
    await expect(again.update('actors', actor.id, { name: 'x' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await reopened.close();
  });

  it('stores highlights one file per document and document text as a blob, not in the JSON', async () => {
    const { store, records } = await openTestNotebook(notebook.dir);
    const text = generatedText(50);
    const document = await addTextDocument(records, 'Brief', text);
    const texts = new TextCache(store.blobs);
    const highlight = await createHighlight(records, texts, highlightInput(document.id, 5));
    expect(highlight.target.quote.exact).toBe(text.slice(5, 15));
    const documentsJson = await readFile(path.join(notebook.dir, notebookLayout.documents), 'utf8');
    expect(documentsJson).not.toContain(text.slice(0, 40));
    expect(await store.blobs.getText(document.text.sha256)).toBe(text);
    const shard = JSON.parse(await readFile(path.join(notebook.dir, notebookLayout.highlights, `${document.id}.json`), 'utf8')) as { records: { id: string }[] };
    expect(shard.records.map((record) => record.id)).toEqual([highlight.id]);
    await store.close();
  });

  it('treats the same content imported twice as one document', async () => {
    const { store, records } = await openTestNotebook(notebook.dir);
    await addTextDocument(records, 'First', 'Same words.');
    await expect(addTextDocument(records, 'Second', 'Same words.')).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('First') });
    await store.close();
  });

  it('validates what it writes, whatever the caller sends', async () => {
    const { store, records } = await openTestNotebook(notebook.dir);
    await expect(records.create('tags', { name: 'x', color: 'red' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('color') });
    await expect(records.get('actors', 'missing-id')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await store.close();
  });

  it('opens read-only without the lock, while another holder writes', async () => {
    const { store, records } = await openTestNotebook(notebook.dir);
    await records.create('tags', { name: 'militia', color: '#aa3322' });
    const reader = await NotebookStore.open(notebook.dir, { readOnly: true });
    expect((await reader.collection('tags').all()).map((tag) => tag.name)).toEqual(['militia']);
    await store.close();
  });

  it('reports an invalid record, keeps it, and serves the rest', async () => {
    const { store, records } = await openTestNotebook(notebook.dir);
    await records.create('actors', { name: 'Good', kind: 'person', aliases: [], description: '', affiliations: [] });
    await store.close();
    const file = path.join(notebook.dir, notebookLayout.actors);
    const data = JSON.parse(await readFile(file, 'utf8')) as { records: unknown[] };
    data.records.push({ id: 'broken-record', name: 42 });
    await writeFile(file, JSON.stringify(data));

    const { store: reopened, records: again } = await openTestNotebook(notebook.dir);
    expect((await again.list('actors')).map((actor) => actor.name)).toEqual(['Good']);
    expect(await reopened.problems()).toEqual([expect.objectContaining({ id: 'broken-record', file })]);
    await reopened.close();
    expect((await runDoctor(notebook.dir)).problems).toEqual([expect.objectContaining({ kind: 'invalid-record' })]);
  });
});

describe('doctor', () => {
  it('finds a damaged file and restores it from its newest good backup, keeping the damaged one', async () => {
    const { store, records } = await openTestNotebook(notebook.dir);
    await records.create('actors', { name: 'First', kind: 'person', aliases: [], description: '', affiliations: [] });
    await records.create('actors', { name: 'Second', kind: 'person', aliases: [], description: '', affiliations: [] });
    await store.close();
    const file = path.join(notebook.dir, notebookLayout.actors);
    await writeFile(file, (await readFile(file, 'utf8')).slice(0, 50));

    await expect(NotebookStore.open(notebook.dir)).rejects.toMatchObject({ code: 'NOTEBOOK_INVALID', message: expect.stringContaining(file) });
    const check = await runDoctor(notebook.dir);
    expect(check.problems).toEqual([expect.objectContaining({ kind: 'damaged-file', file, backup: expect.any(String) })]);
    const repair = await runDoctor(notebook.dir, { restore: true });
    expect(repair.problems[0]?.restored).toBe(true);

    const { store: reopened, records: again } = await openTestNotebook(notebook.dir);
    expect((await again.list('actors')).map((actor) => actor.name)).toEqual(['First']);
    await reopened.close();
  });

  it('finds a damaged blob', async () => {
    const { store, records } = await openTestNotebook(notebook.dir);
    const document = await addTextDocument(records, 'Brief', 'Original words.');
    await store.close();
    const blob = path.join(notebook.dir, notebookLayout.blobs, document.text.sha256.slice(0, 2), document.text.sha256);
    await chmod(blob, 0o644);
    await writeFile(blob, 'Altered words.');
    expect((await runDoctor(notebook.dir)).problems).toEqual([expect.objectContaining({ kind: 'damaged-blob', file: blob })]);
  });
});

describe('when the disk fails', () => {
  it('reports a full disk clearly and loses nothing already saved', async (context) => {
    const disk = await mountSmallDisk(notebook.root, 256);
    if (typeof disk === 'string') return context.skip(disk);
    try {
      const notebook = path.join(disk.dir, 'nb');
      const { store, records } = await openTestNotebook(notebook);
      const saved = await records.create('actors', { name: 'Saved before', kind: 'person', aliases: [], description: '', affiliations: [] });
      const big = 'x'.repeat(90_000);
      let failure: unknown;
      for (let i = 0; i < 20 && !failure; i += 1) {
        await records.create('notes', { title: `Filler ${i}`, body: big }).catch((error: unknown) => (failure = error));
      }
      expect(failure).toMatchObject({ message: expect.stringMatching(/ENOSPC|no space/i) });
      await store.close();
      const { store: reopened, records: again } = await openTestNotebook(notebook);
      expect((await again.list('actors')).map((actor) => actor.id)).toContain(saved.id);
      await reopened.close();
    } finally {
      disk.unmount();
    }
  });

  it('reports a read-only folder clearly and keeps what it has', async (context) => {
    const disk = await mountSmallDisk(notebook.root, 1024);
    if (typeof disk === 'string') return context.skip(disk);
    try {
      const notebook = path.join(disk.dir, 'nb');
      const { store, records } = await openTestNotebook(notebook);
      const saved = await records.create('actors', { name: 'Kept', kind: 'person', aliases: [], description: '', affiliations: [] });
      disk.remountReadOnly();
      await expect(records.create('actors', { name: 'Refused', kind: 'person', aliases: [], description: '', affiliations: [] })).rejects.toMatchObject({
        message: expect.stringMatching(/EROFS|read-only/i),
      });
      expect((await records.list('actors')).map((actor) => actor.name)).toEqual(['Kept']);
      await store.close().catch(() => undefined);
      const reader = await NotebookStore.open(notebook, { readOnly: true });
      expect((await reader.collection('actors').all()).map((actor) => actor.id)).toEqual([saved.id]);
    } finally {
      disk.unmount();
    }
  });
});
