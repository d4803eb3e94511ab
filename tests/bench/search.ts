// Search figures on a generated notebook (deterministic, from a seed): bulk
// index time, query latency p50/p95 for one-, two- and three-word queries,
// heap, index size on disk, time from opening to a first answer, and time
// from adding a document to finding it; and MiniSearch over the same
// passages in the same run, for comparison.
// FIELDBOOK_BENCH_SEARCH_DOCS scales the corpus (the full size is
// 10000 documents of 1000 words); the default keeps `npm run bench` short.
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { EventBus } from '../../main/bus/event-bus';
import { MANIFEST_FILE } from '../../main/notebook/notebook-folder';
import { NotebookStore, notebookLayout } from '../../main/notebook/notebook-store';
import { createTextDocument } from '../../main/notebook/records/documents';
import { RecordService } from '../../main/notebook/records/record-service';
import { TextCache } from '../../main/notebook/records/text-cache';
import { SearchIndexer } from '../../main/search/indexer';
import { passagesOf } from '../../main/search/passages';
import { SegmentBuilder } from '../../main/search/segment-builder';
import { SearchService } from '../../main/search/search-service';
import { BlobStore } from '../../main/notebook/storage/blob-store';
import { RECORD_FILE_VERSION } from '../../main/notebook/storage/record-file';
import { NOTEBOOK_FORMAT, NOTEBOOK_FORMAT_VERSION } from '../../shared/model/notebook';
import type { DocumentRecord } from '../../shared/model/records';
import { SearchArgs } from '../../shared/search/results';
import { foldText } from '../../shared/text/fold';
import { percentile, printFigure } from './figures';

const DOCUMENTS = Number(process.env.FIELDBOOK_BENCH_SEARCH_DOCS ?? 2000);
const WORDS_PER_DOCUMENT = 1000;
const WORDS_PER_PARAGRAPH = 150;
const QUERIES_PER_LENGTH = 40;

/** A small linear congruential generator: the same corpus on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A vocabulary of made-up words, drawn Zipf-like: a few very common, a long tail of rare ones. */
function vocabulary(next: () => number, size: number): string[] {
  const syllables = ['ba', 'ka', 'ri', 'to', 'mu', 'sel', 'dar', 'qan', 'hez', 'ni', 'lo', 'vic', 'tor', 'ash', 'ghu', 'ra', 'mi', 'zan', 'el', 'or'];
  const words = new Set<string>();
  while (words.size < size) words.add(Array.from({ length: 2 + Math.floor(next() * 3) }, () => syllables[Math.floor(next() * syllables.length)]).join(''));
  return [...words];
}

function zipf(next: () => number, size: number): () => number {
  // Inverse of a continuous power law with exponent ~1: rank = size^u, a cheap approximation.
  return () => Math.min(size - 1, Math.floor(Math.pow(size, next()) - 1));
}

interface Corpus {
  words: string[];
  documents: { title: string; text: string }[];
}

export function generateCorpus(seed: number): Corpus {
  const next = random(seed);
  const words = vocabulary(next, 30_000);
  const pick = zipf(next, words.length);
  const documents = Array.from({ length: DOCUMENTS }, (_, d) => {
    const paragraphs: string[] = [];
    for (let written = 0; written < WORDS_PER_DOCUMENT; written += WORDS_PER_PARAGRAPH) {
      const sentence = Array.from({ length: WORDS_PER_PARAGRAPH }, () => words[pick()] as string).join(' ');
      paragraphs.push(`${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`);
    }
    return { title: `Report ${d}: ${words[pick()]} ${words[pick()]}`, text: paragraphs.join('\n\n') };
  });
  return { words, documents };
}

/** Written straight into the on-disk format: creating ten thousand documents through durable saves would dominate the run. */
export async function writeNotebook(dir: string, corpus: Corpus): Promise<void> {
  await mkdir(dir, { recursive: true });
  const now = new Date().toISOString();
  await writeFile(path.join(dir, MANIFEST_FILE), JSON.stringify({ format: NOTEBOOK_FORMAT, formatVersion: NOTEBOOK_FORMAT_VERSION, name: 'Bench', createdAt: now }));
  const blobs = new BlobStore(path.join(dir, notebookLayout.blobs));
  const records: DocumentRecord[] = [];
  for (const document of corpus.documents) {
    const blob = await blobs.put(document.text, 'text/plain; charset=utf-8');
    records.push({ id: randomUUID(), createdAt: now, updatedAt: now, author: 'Bench', kind: 'text', title: document.title, authors: ['Analyst'], direction: 'ltr', language: 'en', original: blob, text: blob, tags: [] });
  }
  await writeFile(path.join(dir, notebookLayout.documents), JSON.stringify({ formatVersion: RECORD_FILE_VERSION, records }));
}

/** Fixed queries: words from the middle of the frequency range, as a user would type, one to three at a time. */
export function queries(corpus: Corpus, seed = 99): Record<number, string[]> {
  const next = random(seed);
  const band = corpus.words.slice(20, 2000);
  const make = (length: number) => Array.from({ length: QUERIES_PER_LENGTH }, () => Array.from({ length }, () => band[Math.floor(next() * band.length)]).join(' '));
  return { 1: make(1), 2: make(2), 3: make(3) };
}

async function folderSize(dir: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(dir)) total += (await stat(path.join(dir, name))).size;
  return total;
}

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

async function timeQueries(label: string, params: Record<string, string | number>, all: Record<number, string[]>, run: (query: string) => Promise<unknown> | unknown): Promise<void> {
  for (const [length, list] of Object.entries(all)) {
    const times: number[] = [];
    for (const query of list) {
      const started = performance.now();
      await run(query);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    printFigure(`${label}.query_p50`, { ...params, words: Number(length) }, percentile(times, 0.5), 'ms');
    printFigure(`${label}.query_p95`, { ...params, words: Number(length) }, percentile(times, 0.95), 'ms');
  }
}

export async function benchSearch(): Promise<void> {
  const temp = await mkdtemp(path.join(os.tmpdir(), 'fieldbook-bench-search-'));
  const builder = new SegmentBuilder();
  try {
    const corpus = generateCorpus(42);
    const params = { documents: DOCUMENTS, words: DOCUMENTS * WORDS_PER_DOCUMENT };
    const dir = path.join(temp, 'nb');
    await writeNotebook(dir, corpus);
    const all = queries(corpus);

    const store = await NotebookStore.open(dir);
    const events = new EventBus();
    const records = new RecordService(store, () => 'Bench', events);
    const texts = new TextCache(store.blobs);
    const heapBefore = heapMb();
    let started = performance.now();
    const indexer = new SearchIndexer(dir, { records, texts }, { build: builder.build, buildInBackground: builder.buildInBackground, writable: true, catchUpAtOpen: false });
    await indexer.catchUp();
    printFigure('search.bulk_index', params, (performance.now() - started) / 1000, 's');
    printFigure('search.segments', params, indexer.index.segments.length, 'segments');
    printFigure('search.heap', params, heapMb() - heapBefore, 'MB');
    printFigure('search.index_on_disk', params, (await folderSize(path.join(dir, 'index'))) / 2 ** 20, 'MB');
    const service = new SearchService(indexer.index, records, texts, indexer.loaded);
    // Right after a bulk import the index merges its segments in the background, as the app does; queries are timed
    // then, and again, with other words (nothing cached from the first round), once the merges are done.
    await timeQueries('search.during_merges', params, all, (query) => service.search(SearchArgs.parse({ query: `${query} ` })));
    started = performance.now();
    while (indexer.status().building) await new Promise((resolve) => setTimeout(resolve, 100));
    printFigure('search.background_merges', { ...params, segments: indexer.index.segments.length }, (performance.now() - started) / 1000, 's');
    await timeQueries('search', params, queries(corpus, 7), (query) => service.search(SearchArgs.parse({ query: `${query} ` })));
    await timeQueries('search.as_you_type', params, { 2: queries(corpus, 13)[2] ?? [] }, (query) => service.search(SearchArgs.parse({ query: query.slice(0, -2) })));

    // A new document, from its save to the first search that finds it.
    events.subscribe((event, payload) => {
      if (event === 'records.changed') indexer.notify((payload as { type: string }).type, (payload as { ids: string[] }).ids);
    });
    started = performance.now();
    await createTextDocument(records, { kind: 'text', title: 'Late arrival', text: 'The zyxquorum convoy crossed the bridge at dawn.', authors: [], direction: 'auto', tags: [] });
    while ((await service.search(SearchArgs.parse({ query: 'zyxquorum ' }))).total === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    printFigure('search.new_document_findable', params, performance.now() - started, 'ms');
    await indexer.close();
    await store.close();

    // Opening the notebook again: segments loaded from disk, nothing rebuilt, then a first answer.
    started = performance.now();
    const reopened = await NotebookStore.open(dir);
    const reopenedRecords = new RecordService(reopened, () => 'Bench', new EventBus());
    const reopenedTexts = new TextCache(reopened.blobs);
    const again = new SearchIndexer(dir, { records: reopenedRecords, texts: reopenedTexts }, { build: builder.build, buildInBackground: builder.buildInBackground, writable: true });
    await new SearchService(again.index, reopenedRecords, reopenedTexts, again.loaded).search(SearchArgs.parse({ query: `${all[2]?.[0] ?? ''} ` }));
    printFigure('search.open_to_first_answer', params, (performance.now() - started) / 1000, 's');
    await again.caughtUp;
    await again.close();
    await reopened.close();

    await benchMiniSearch(corpus, all, params);
  } finally {
    await builder.close();
    await rm(temp, { recursive: true, force: true });
  }
}

/** The same passages in MiniSearch, with the same folding, AND of the words, the last as a prefix, and fuzzy matching. */
async function benchMiniSearch(corpus: Corpus, all: Record<number, string[]>, params: Record<string, number>): Promise<void> {
  const heapBefore = heapMb();
  const started = performance.now();
  const mini = new MiniSearch<{ id: number; title: string; body: string }>({ fields: ['title', 'body'], processTerm: (term) => foldText(term) || null, searchOptions: { combineWith: 'AND', boost: { title: 3 } } });
  let id = 0;
  for (const document of corpus.documents) {
    for (const passage of passagesOf(document.text, undefined)) mini.add({ id: id++, title: document.title, body: document.text.slice(passage.start, passage.end) });
  }
  printFigure('minisearch.bulk_index', params, (performance.now() - started) / 1000, 's');
  printFigure('minisearch.heap', params, heapMb() - heapBefore, 'MB');
  printFigure('minisearch.index_on_disk', params, Buffer.byteLength(JSON.stringify(mini)) / 2 ** 20, 'MB');
  await timeQueries('minisearch', params, all, (query) => mini.search(query, { prefix: (_term, i, terms) => i === terms.length - 1, fuzzy: (term) => (term.length >= 5 ? 1 : 0) }).slice(0, 20));
}
