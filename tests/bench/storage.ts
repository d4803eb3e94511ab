// Storage figures: saving one highlight durably as the notebook grows, and
// opening a large notebook. Notebooks are generated straight into the
// on-disk format (going through durable saves would take hours), then used
// through the real store.
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { EventBus } from '../../main/bus/event-bus';
import { MANIFEST_FILE } from '../../main/notebook/notebook-folder';
import { NotebookStore, notebookLayout } from '../../main/notebook/notebook-store';
import { createHighlight } from '../../main/notebook/records/highlights';
import { RecordService } from '../../main/notebook/records/record-service';
import { TextCache } from '../../main/notebook/records/text-cache';
import { BlobStore } from '../../main/notebook/storage/blob-store';
import { RECORD_FILE_VERSION } from '../../main/notebook/storage/record-file';
import { describeRange } from '../../shared/anchoring/text-quote';
import { NOTEBOOK_FORMAT, NOTEBOOK_FORMAT_VERSION } from '../../shared/model/notebook';
import type { DocumentRecord, HighlightRecord } from '../../shared/model/records';
import { generatedText } from '../support/notebook-fixture';
import { percentile, printFigure } from './figures';

const now = new Date().toISOString();
const base = () => ({ id: randomUUID(), createdAt: now, updatedAt: now, author: 'Bench' });

async function generateNotebook(dir: string, documents: number, highlights: number): Promise<string[]> {
  await mkdir(path.join(dir, notebookLayout.highlights), { recursive: true });
  await writeFile(path.join(dir, MANIFEST_FILE), JSON.stringify({ format: NOTEBOOK_FORMAT, formatVersion: NOTEBOOK_FORMAT_VERSION, name: 'Bench', createdAt: now }));
  const text = generatedText(400);
  const blob = await new BlobStore(path.join(dir, notebookLayout.blobs)).put(text, 'text/plain; charset=utf-8');
  const docs: DocumentRecord[] = Array.from({ length: documents }, (_, i) => ({
    ...base(),
    kind: 'text',
    title: `Report ${i} on movements near checkpoint ${i % 101}`,
    authors: ['Analyst'],
    direction: 'ltr',
    language: 'en',
    original: blob,
    text: blob,
    tags: [],
  }));
  await writeFile(path.join(dir, notebookLayout.documents), JSON.stringify({ formatVersion: RECORD_FILE_VERSION, records: docs }));
  // Highlights spread evenly over the first 1,000 documents, as in the figures.
  const withHighlights = docs.slice(0, 1000);
  const perDocument = Math.ceil(highlights / withHighlights.length);
  let left = highlights;
  for (const document of withHighlights) {
    const count = Math.min(perDocument, left);
    left -= count;
    const records: HighlightRecord[] = Array.from({ length: count }, (_, i) => ({
      ...base(),
      documentId: document.id,
      target: describeRange(text, (i * 97) % (text.length - 80), ((i * 97) % (text.length - 80)) + 60),
      color: 'yellow',
      comment: i % 3 === 0 ? 'Worth checking against the ACLED entry for this week.' : '',
      tags: [],
      actorIds: [],
      eventIds: [],
    }));
    await writeFile(path.join(dir, notebookLayout.highlights, `${document.id}.json`), JSON.stringify({ formatVersion: RECORD_FILE_VERSION, records }));
  }
  return withHighlights.map((document) => document.id);
}

async function benchSaves(documents: number, highlights: number): Promise<void> {
  const temp = await mkdtemp(path.join(os.tmpdir(), 'fieldbook-bench-'));
  try {
    const documentIds = await generateNotebook(temp, documents, highlights);
    const store = await NotebookStore.open(temp);
    const records = new RecordService(store, () => 'Bench', new EventBus());
    const texts = new TextCache(store.blobs);
    const targets = documentIds.slice(0, 20);
    const save = (documentId: string, i: number) =>
      createHighlight(records, texts, { documentId, anchor: { start: i % 1000, end: (i % 1000) + 40 }, color: 'green', comment: '', tags: [], actorIds: [], eventIds: [] });
    // Warm: the reader has the document (and so its highlights file) open before the user highlights.
    for (const [i, documentId] of targets.entries()) await save(documentId, i);
    const samples: number[] = [];
    for (let i = 0; i < 300; i += 1) {
      const start = performance.now();
      await save(targets[i % targets.length] as string, i * 13);
      samples.push(performance.now() - start);
    }
    samples.sort((a, b) => a - b);
    const params = { documents, highlights, saves: samples.length };
    printFigure('save_highlight_p50', params, percentile(samples, 0.5), 'ms');
    printFigure('save_highlight_p95', params, percentile(samples, 0.95), 'ms');
    await store.close();
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

async function benchOpen(documents: number, highlights: number): Promise<void> {
  const temp = await mkdtemp(path.join(os.tmpdir(), 'fieldbook-bench-'));
  try {
    await generateNotebook(temp, documents, highlights);
    globalThis.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const start = performance.now();
    const store = await NotebookStore.open(temp);
    const documentsListed = (await store.collection('documents').all()).length;
    const opened = performance.now() - start;
    globalThis.gc?.();
    const params = { documents, highlights };
    printFigure('open_notebook', { ...params, documentsListed }, opened, 'ms');
    printFigure('heap_after_open', params, (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20, 'MiB');
    printFigure('rss_after_open', params, process.memoryUsage().rss / 2 ** 20, 'MiB');
    // Not part of opening: what the all-highlights view pays when it first reads every highlight.
    const loadStart = performance.now();
    const all = await store.collection('highlights').all();
    printFigure('load_all_highlights', { ...params, loaded: all.length }, performance.now() - loadStart, 'ms');
    await store.close();
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

export async function benchStorage(): Promise<void> {
  for (const highlights of [1_000, 10_000, 100_000]) await benchSaves(1_000, highlights);
  await benchOpen(10_000, 100_000);
}
