// Exchange figures: exporting a large notebook to one file and merging that
// file into an empty notebook, with the process's peak memory, which must
// stay bounded (blobs are streamed, never held whole). The notebook is
// generated straight into the on-disk format, then used through the real store.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { exportNotebook } from '../../main/exchange/export-notebook';
import { mergeExchangeFile } from '../../main/exchange/merge-notebook';
import { MANIFEST_FILE } from '../../main/notebook/notebook-folder';
import { NotebookStore, notebookLayout } from '../../main/notebook/notebook-store';
import { BlobStore, sha256 } from '../../main/notebook/storage/blob-store';
import { RECORD_FILE_VERSION } from '../../main/notebook/storage/record-file';
import { describeRange } from '../../shared/anchoring/text-quote';
import { NOTEBOOK_FORMAT, NOTEBOOK_FORMAT_VERSION } from '../../shared/model/notebook';
import type { DocumentRecord, HighlightRecord } from '../../shared/model/records';
import { generatedText } from '../support/notebook-fixture';
import { percentile, printFigure } from './figures';

const now = new Date().toISOString();
const base = () => ({ id: randomUUID(), createdAt: now, updatedAt: now, author: 'Bench' });

export async function generateNotebook(dir: string, documents: number, blobBytes: number, highlights: number): Promise<void> {
  await mkdir(path.join(dir, notebookLayout.highlights), { recursive: true });
  await writeFile(path.join(dir, MANIFEST_FILE), JSON.stringify({ format: NOTEBOOK_FORMAT, formatVersion: NOTEBOOK_FORMAT_VERSION, name: 'Bench', createdAt: now }));
  const blobs = new BlobStore(path.join(dir, notebookLayout.blobs));
  const perDocument = Math.ceil(highlights / documents);
  const docs: DocumentRecord[] = [];
  for (let d = 0; d < documents; d += 1) {
    // A PDF's bytes do not compress; the canonical text does.
    const original = await blobs.put(Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(Math.floor(blobBytes / documents))]), 'application/pdf');
    const text = generatedText(60, d);
    const textBlob = await blobs.put(text, 'text/plain; charset=utf-8');
    const document: DocumentRecord = { ...base(), kind: 'pdf', title: `Report ${d}`, authors: ['Analyst'], direction: 'ltr', language: 'en', original, text: textBlob, tags: [] };
    docs.push(document);
    const records: HighlightRecord[] = Array.from({ length: perDocument }, (_, i) => {
      const start = (i * 37) % (text.length - 80);
      return { ...base(), documentId: document.id, target: describeRange(text, start, start + 50), color: 'yellow', comment: i % 3 === 0 ? 'Check against the weekly report.' : '', tags: [], actorIds: [], eventIds: [] };
    });
    await writeFile(path.join(dir, notebookLayout.highlights, `${document.id}.json`), JSON.stringify({ formatVersion: RECORD_FILE_VERSION, records }));
  }
  await writeFile(path.join(dir, notebookLayout.documents), JSON.stringify({ formatVersion: RECORD_FILE_VERSION, records: docs }));
}

/**
 * Wall time, CPU time (which a busy machine does not inflate, unlike wall
 * time) and memory while `work` runs, sampled every 50 ms: the peak resident
 * size, and how far it rose above what the process held before (generating
 * the notebook leaves the allocator holding memory it does not give back, so
 * only the rise is the step's own), with the JS heap in use at that peak,
 * which is where records go (blobs are streamed and never reach it).
 */
export async function measured<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; cpuSeconds: number; peakRssMb: number; rssRiseMb: number; heapAtPeakMb: number }> {
  globalThis.gc?.();
  const before = process.memoryUsage();
  let peak = before;
  const sample = () => {
    const now = process.memoryUsage();
    if (now.rss > peak.rss) peak = now;
  };
  const timer = setInterval(sample, 50);
  const start = performance.now();
  const cpu = process.cpuUsage();
  try {
    const result = await work();
    const used = process.cpuUsage(cpu);
    sample();
    return {
      result,
      seconds: (performance.now() - start) / 1000,
      cpuSeconds: (used.user + used.system) / 1e6,
      peakRssMb: peak.rss / 2 ** 20,
      rssRiseMb: (peak.rss - before.rss) / 2 ** 20,
      heapAtPeakMb: peak.heapUsed / 2 ** 20,
    };
  } finally {
    clearInterval(timer);
  }
}

function printMemory(step: string, params: Record<string, number>, figures: { peakRssMb: number; rssRiseMb: number; heapAtPeakMb: number }): void {
  printFigure(`exchange_${step}_peak_rss`, params, figures.peakRssMb, 'MB');
  printFigure(`exchange_${step}_rss_rise`, params, figures.rssRiseMb, 'MB');
  printFigure(`exchange_${step}_heap_at_peak`, params, figures.heapAtPeakMb, 'MB');
}

/**
 * The time to refuse an encrypted file whose header asks scrypt for log2 N 22,
 * r 2, p 16 (89 s of CPU and 1 GiB when it was accepted). The median of a
 * few, since each is a few milliseconds.
 */
async function benchHostileEncryptionHeader(target: NotebookStore, temp: string): Promise<void> {
  const file = path.join(temp, 'hostile-header.fieldbook');
  const header = Buffer.concat([Buffer.from('FBKCRYPT', 'ascii'), Buffer.from([1, 1, 22, 2, 16]), randomBytes(16 + 12 + 32)]);
  await writeFile(file, Buffer.concat([header, randomBytes(1024)]));
  const times: number[] = [];
  for (let run = 0; run < 9; run += 1) {
    const start = performance.now();
    const refused = await mergeExchangeFile(target, file, { passphrase: 'a long enough passphrase' }).then(() => false, () => true);
    if (!refused) throw new Error('The hostile encryption header was accepted.');
    times.push(performance.now() - start);
  }
  printFigure('exchange_refuse_hostile_encryption_header', { log2_n: 22, r: 2, p: 16 }, percentile(times.sort((a, b) => a - b), 0.5), 'ms');
}

/**
 * Many small documents, their blobs written straight to disk (no fsync: only
 * the merge is measured): what staging costs a blob. It was about 4 ms a blob,
 * so a file of 100,000 blobs staged for over 400 s.
 */
async function generateSmallDocuments(dir: string, documents: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, MANIFEST_FILE), JSON.stringify({ format: NOTEBOOK_FORMAT, formatVersion: NOTEBOOK_FORMAT_VERSION, name: 'Bench', createdAt: now }));
  const blobs = new BlobStore(path.join(dir, notebookLayout.blobs));
  const put = async (bytes: Buffer, mediaType: string) => {
    const hash = sha256(bytes);
    await mkdir(path.dirname(blobs.pathOf(hash)), { recursive: true });
    await writeFile(blobs.pathOf(hash), bytes);
    return { sha256: hash, size: bytes.byteLength, mediaType };
  };
  const docs: DocumentRecord[] = [];
  for (let d = 0; d < documents; d += 1) {
    const text = `${generatedText(3, d)} ${randomBytes(8).toString('hex')}`;
    const original = await put(Buffer.from(`<p>${text}</p>`), 'text/html');
    docs.push({ ...base(), kind: 'html', title: `Page ${d}`, authors: [], direction: 'ltr', language: 'en', original, text: await put(Buffer.from(text), 'text/plain; charset=utf-8'), tags: [] });
  }
  await writeFile(path.join(dir, notebookLayout.documents), JSON.stringify({ formatVersion: RECORD_FILE_VERSION, records: docs }));
}

function sizeFromEnv(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const size = Number(value);
  if (!Number.isInteger(size) || size <= 0) throw new Error(`${name} must be a positive whole number, not ${JSON.stringify(value)}.`);
  return size;
}

export async function benchMergeManyBlobs(documents = 10_000): Promise<void> {
  const temp = await mkdtemp(path.join(os.tmpdir(), 'fieldbook-bench-'));
  try {
    await generateSmallDocuments(path.join(temp, 'source'), documents);
    const source = await NotebookStore.open(path.join(temp, 'source'), { readOnly: true });
    const file = path.join(temp, 'many-blobs.fieldbook');
    await exportNotebook(source, file, { author: 'Bench' });
    await source.close();
    const target = await NotebookStore.open(path.join(temp, 'target'), { create: true });
    const merged = await measured(() => mergeExchangeFile(target, file));
    await target.close();
    const params = { documents, blobs: merged.result.blobs.added };
    printFigure('exchange_merge_many_blobs', params, merged.seconds, 's');
    printFigure('exchange_merge_per_blob', params, (merged.seconds * 1000) / merged.result.blobs.added, 'ms');
    printFigure('exchange_merge_cpu_per_blob', params, (merged.cpuSeconds * 1000) / merged.result.blobs.added, 'ms');
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/**
 * The notebook's size comes from the environment, so blob bytes and record
 * counts can be varied apart: FIELDBOOK_BENCH_EXCHANGE_MB (blob megabytes,
 * 500), FIELDBOOK_BENCH_EXCHANGE_HIGHLIGHTS (100,000) and
 * FIELDBOOK_BENCH_EXCHANGE_DOCUMENTS (1,000).
 */
export async function benchExchange(
  documents = sizeFromEnv('FIELDBOOK_BENCH_EXCHANGE_DOCUMENTS', 1000),
  blobBytes = sizeFromEnv('FIELDBOOK_BENCH_EXCHANGE_MB', 500) * 2 ** 20,
  highlights = sizeFromEnv('FIELDBOOK_BENCH_EXCHANGE_HIGHLIGHTS', 100_000),
): Promise<void> {
  const temp = await mkdtemp(path.join(os.tmpdir(), 'fieldbook-bench-'));
  try {
    await generateNotebook(path.join(temp, 'source'), documents, blobBytes, highlights);
    const params = { documents, blob_mb: Math.round(blobBytes / 2 ** 20), highlights };
    const source = await NotebookStore.open(path.join(temp, 'source'), { readOnly: true });
    const file = path.join(temp, 'bench.fieldbook');
    const exported = await measured(() => exportNotebook(source, file, { author: 'Bench' }));
    printFigure('exchange_export', params, exported.seconds, 's');
    printFigure('exchange_export_cpu', params, exported.cpuSeconds, 's');
    printMemory('export', params, exported);
    printFigure('exchange_file_size', params, (await stat(file)).size / 2 ** 20, 'MB');
    await source.close();

    const target = await NotebookStore.open(path.join(temp, 'target'), { create: true });
    const merged = await measured(() => mergeExchangeFile(target, file));
    printFigure('exchange_merge_into_empty', params, merged.seconds, 's');
    printFigure('exchange_merge_into_empty_cpu', params, merged.cpuSeconds, 's');
    printMemory('merge', params, merged);
    const again = await measured(() => mergeExchangeFile(target, file));
    printFigure('exchange_merge_again_no_change', params, again.seconds, 's');
    printFigure('exchange_merge_again_no_change_cpu', params, again.cpuSeconds, 's');
    await benchHostileEncryptionHeader(target, temp);
    await target.close();
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
