import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportNotebook } from '../../../../main/exchange/export-notebook';
import { mergeExchangeFile } from '../../../../main/exchange/merge-notebook';
import { notebookLayout } from '../../../../main/notebook/notebook-store';
import { formatLink, parseLinks } from '../../../../shared/notes/link-syntax';
import { addTextDocument, openTestNotebook, type OpenTestNotebook } from '../../../support/notebook-fixture';
import { makeTempDir } from '../../../support/temp-dir';
import { highlightQuote, snapshot } from './exchange-fixture';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => (temp = await makeTempDir()));
afterEach(() => temp.remove());

const reportText = 'The ministry published casualty figures on Monday. Witnesses disputed them the same day. A second count followed in March. The militia denied the strike.';

interface Researcher extends OpenTestNotebook {
  author: string;
  document: string;
  note: string;
  quotes: string[];
}

/** One person's notebook: the report imported on their own (a random id of its own), highlighted, and a note attached to it that links it and a highlight. */
async function researcher(author: string, quotes: string[]): Promise<Researcher> {
  const notebook = await openTestNotebook(path.join(temp.dir, author), author);
  const document = await addTextDocument(notebook.records, `Casualty report (${author})`, reportText);
  const highlights = [];
  for (const quote of quotes) highlights.push(await highlightQuote(notebook.records, document.id, quote));
  const note = await notebook.records.create('notes', {
    title: `${author} reading`,
    body: `Compare ${formatLink({ kind: 'document', id: document.id }, 'the report')} with ${formatLink({ kind: 'highlight', id: highlights[0] as string }, 'the figures')}; ${formatLink({ kind: 'document', id: document.id })} again.`,
    attachedTo: { kind: 'document', id: document.id },
  });
  return { ...notebook, author, document: document.id, note: note.id, quotes };
}

/** Two people who imported the same report independently; `retiring` holds the copy with the larger id, which the merge folds into the other. */
async function independentCopies(): Promise<{ retiring: Researcher; surviving: Researcher }> {
  const layla = await researcher('Layla', ['casualty figures on Monday', 'The militia denied the strike']);
  const omar = await researcher('Omar', ['Witnesses disputed them', 'A second count followed in March']);
  return layla.document > omar.document ? { retiring: layla, surviving: omar } : { retiring: omar, surviving: layla };
}

async function exportOf(from: Researcher): Promise<string> {
  const file = path.join(temp.dir, `${from.author}-${Date.now()}.fieldbook`);
  await exportNotebook(from.store, file, { author: from.author });
  return file;
}

function closeAll(...notebooks: OpenTestNotebook[]): Promise<void[]> {
  return Promise.all(notebooks.map((notebook) => notebook.store.close()));
}

describe('the same document imported by two people', () => {
  it.each([
    ['the notebook whose copy is retired', true],
    ['the notebook whose copy survives', false],
  ])('exchanged both ways, %s receiving first: one id, both people’s highlights, links re-pointed, nothing lost', async (_case, retiringFirst) => {
    const { retiring, surviving } = await independentCopies();
    const [first, second] = retiringFirst ? [retiring, surviving] : [surviving, retiring];
    const firstFile = await exportOf(second);
    await mergeExchangeFile(first.store, firstFile);
    const secondFile = await exportOf(first);
    await mergeExchangeFile(second.store, secondFile);

    const [left, right] = [await snapshot(retiring.store), await snapshot(surviving.store)];
    expect(left.records).toEqual(right.records);
    expect(left.blobs).toEqual(right.blobs);
    const { records } = left;

    // One live document, under the smaller id; the other copy is a tombstone.
    expect(records.documents.filter((document) => !document.deletedAt).map((document) => document.id)).toEqual([surviving.document]);
    expect(records.documents.find((document) => document.id === retiring.document)?.deletedAt).toBeDefined();
    // Every highlight of both people hangs off the surviving id, and none is lost or deleted.
    expect(records.highlights.map((highlight) => [highlight.documentId, highlight.deletedAt])).toEqual(records.highlights.map(() => [surviving.document, undefined]));
    expect(records.highlights.map((highlight) => highlight.target.quote.exact).sort()).toEqual([...retiring.quotes, ...surviving.quotes].sort());
    // Both notes are attached to the surviving document and link it; their other links are as written.
    for (const id of [retiring.note, surviving.note]) {
      const note = records.notes.find((candidate) => candidate.id === id);
      expect(note?.attachedTo).toEqual({ kind: 'document', id: surviving.document });
      const links = parseLinks(note?.body ?? '');
      expect(links.filter((link) => link.kind === 'document').map((link) => [link.id, link.label])).toEqual([
        [surviving.document, 'the report'],
        [surviving.document, undefined],
      ]);
      expect(links.filter((link) => link.kind === 'highlight')).toHaveLength(1);
    }
    // The retired copy's highlight shard is gone from the notebook that held it.
    expect(await readdir(path.join(retiring.store.info.path, notebookLayout.highlights))).toEqual([`${surviving.document}.json`]);

    // Each file a second time changes nothing.
    for (const [notebook, file] of [
      [first, firstFile],
      [second, secondFile],
    ] as const) {
      const before = await snapshot(notebook.store);
      const again = await mergeExchangeFile(notebook.store, file);
      expect([again.added, again.updated, again.conflicts]).toEqual([[], [], []]);
      expect(await snapshot(notebook.store)).toEqual(before);
    }
    await closeAll(retiring, surviving);
  });

  it('the notebook whose copy is retired reports its own records as updated and the file’s copy as merged', async () => {
    const { retiring, surviving } = await independentCopies();
    const report = await mergeExchangeFile(retiring.store, await exportOf(surviving));
    expect(report.updated).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'documents', id: retiring.document }),
        expect.objectContaining({ type: 'documents', id: surviving.document }),
        expect.objectContaining({ type: 'notes', id: retiring.note }),
      ]),
    );
    expect(report.counts.updated.highlights).toBe(retiring.quotes.length);
    expect(report.counts.added.highlights).toBe(surviving.quotes.length);
    expect(report.conflicts).toEqual([]);

    // The other way, the file's copy is the one retired: reported as merged, not added.
    const back = await mergeExchangeFile(surviving.store, await exportOf(retiring));
    expect(back.skipped).toEqual([expect.objectContaining({ type: 'documents', id: retiring.document, reason: expect.stringContaining(surviving.document) })]);
    expect(back.added.filter((added) => added.type === 'documents')).toEqual([]);
    await closeAll(retiring, surviving);
  });

  it('a dry run that would retire the notebook’s copy writes nothing', async () => {
    const { retiring, surviving } = await independentCopies();
    const before = await snapshot(retiring.store);
    const report = await mergeExchangeFile(retiring.store, await exportOf(surviving), { dryRun: true });
    expect(report.updated).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'documents', id: retiring.document })]));
    expect(await snapshot(retiring.store)).toEqual(before);
    expect(await readdir(path.join(retiring.store.info.path, notebookLayout.highlights))).toEqual([`${retiring.document}.json`]);
    await closeAll(retiring, surviving);
  });

  it('a file of the retired copy arriving after the exchange finds the survivor', async () => {
    const { retiring, surviving } = await independentCopies();
    // A file made before anyone merged still names the retired id.
    const stale = await exportOf(retiring);
    await mergeExchangeFile(retiring.store, await exportOf(surviving));
    await mergeExchangeFile(surviving.store, await exportOf(retiring));
    for (const notebook of [retiring, surviving]) {
      const before = await snapshot(notebook.store);
      const report = await mergeExchangeFile(notebook.store, stale);
      expect([report.added, report.updated, report.conflicts]).toEqual([[], [], []]);
      expect(await snapshot(notebook.store)).toEqual(before);
    }
    await closeAll(retiring, surviving);
  });

  it('a merge cut short (documents written, highlights half moved) is finished by merging the file again', async () => {
    const { retiring, surviving } = await independentCopies();
    const file = await exportOf(surviving);
    // The state a crash can leave: the survivor and the tombstone are written, one highlight is in both shards, the other not moved yet.
    const survivor = await surviving.store.collection('documents').get(surviving.document);
    const own = await retiring.store.collection('documents').get(retiring.document);
    if (!survivor || !own) throw new Error('fixture documents missing');
    await retiring.store.collection('documents').put(survivor);
    await retiring.store.collection('documents').put({ ...own, deletedAt: own.updatedAt });
    const [halfMoved] = await retiring.store.collection('highlights').inShard(retiring.document);
    if (!halfMoved) throw new Error('fixture highlight missing');
    await retiring.store.collection('highlights').put({ ...halfMoved, documentId: surviving.document });

    await mergeExchangeFile(retiring.store, file);
    const { records } = await snapshot(retiring.store);
    expect(await readdir(path.join(retiring.store.info.path, notebookLayout.highlights))).toEqual([`${surviving.document}.json`]);
    expect(records.highlights.map((highlight) => highlight.target.quote.exact).sort()).toEqual([...retiring.quotes, ...surviving.quotes].sort());
    expect(new Set(records.highlights.map((highlight) => highlight.documentId))).toEqual(new Set([surviving.document]));
    expect(records.notes[0]?.attachedTo).toEqual({ kind: 'document', id: surviving.document });
    await closeAll(retiring, surviving);
  });

  it('a third notebook that took the retired copy before the exchange converges on the survivor too', async () => {
    const { retiring, surviving } = await independentCopies();
    const third = await openTestNotebook(path.join(temp.dir, 'Sami'), 'Sami');
    await mergeExchangeFile(third.store, await exportOf(retiring));
    const note = await third.records.create('notes', { title: 'Sami', body: `On ${formatLink({ kind: 'document', id: retiring.document }, 'the report')}.` });

    await mergeExchangeFile(retiring.store, await exportOf(surviving));
    await mergeExchangeFile(third.store, await exportOf(retiring));
    const { records } = await snapshot(third.store);
    expect(records.documents.filter((document) => !document.deletedAt).map((document) => document.id)).toEqual([surviving.document]);
    expect(new Set(records.highlights.map((highlight) => highlight.documentId))).toEqual(new Set([surviving.document]));
    expect(parseLinks(records.notes.find((candidate) => candidate.id === note.id)?.body ?? '').map((link) => link.id)).toEqual([surviving.document]);
    // Its records are the exchanged notebook's, plus its own note.
    const exchanged = (await snapshot(retiring.store)).records;
    expect({ ...records, notes: records.notes.filter((candidate) => candidate.id !== note.id) }).toEqual(exchanged);
    await closeAll(retiring, surviving, third);
  });
});
