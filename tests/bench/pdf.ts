// PDF figures: how fast the extractor turns a long text PDF into canonical
// text, and how that compares with poppler's pdftotext on the same file (a
// native tool, so the ratio says how much pdf.js in JavaScript costs us).
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { defaultImportLimits } from '../../main/import/extracted-document';
import { ImportService } from '../../main/import/import-service';
import { ExtractionPool } from '../../main/import/worker/extraction-pool';
import { TextCache } from '../../main/notebook/records/text-cache';
import { openNotebookSearch } from '../../main/search/notebook-search';
import { SegmentBuilder } from '../../main/search/segment-builder';
import type { WorkerEntry } from '../../main/tasks/worker-entry';
import { openTestNotebook } from '../support/notebook-fixture';
import { buildTextPdf } from '../support/pdf-builder';
import { percentile, printFigure } from './figures';

const run = promisify(execFile);
const PAGES = 350;
// About a printed book page: per-page costs weigh as they do on real documents.
const LINES_PER_PAGE = 40;
/** Each figure is the median of this many runs. */
const RUNS = 5;

function hasPdftotext(): boolean {
  return spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;
}

/** Installs poppler-utils when this machine lets us (root with apt-get); says why not otherwise. */
export function ensurePdftotext(): string | undefined {
  if (hasPdftotext()) return undefined;
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return 'pdftotext not installed (install poppler-utils)';
  if (spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status !== 0) return 'pdftotext not installed and apt-get not available';
  const install = () => spawnSync('apt-get', ['install', '-y', '-q', 'poppler-utils'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
  if (!install()) {
    spawnSync('apt-get', ['update', '-q'], { stdio: 'ignore' });
    install();
  }
  return hasPdftotext() ? undefined : 'pdftotext not installed: apt-get install poppler-utils failed';
}

export function printMissing(figure: string, params: Record<string, string | number>, unit: string, reason: string): void {
  console.log(JSON.stringify({ figure, ...params, value: null, unit, reason }));
}

async function seconds(task: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await task();
  return (performance.now() - started) / 1000;
}

const median = (samples: number[]) => percentile([...samples].sort((a, b) => a - b), 0.5);

/** The worker as shipped (bundled by `npm run build`), not the TypeScript source run through tsx. */
function builtWorker(): WorkerEntry {
  const file = path.resolve('dist/workers/extract-worker.mjs');
  if (!existsSync(file)) throw new Error('bench: run `npm run build` first (npm run bench does)');
  return { url: pathToFileURL(file), execArgv: [] };
}

/**
 * The whole import of a file, as the app does it: read, hash, extract in the
 * worker pool (`workers` of them; with two, a long PDF is shared), store the
 * blobs and the record, then index it for search until it is searchable.
 * Each run imports into a fresh notebook; the workers stay warm between runs.
 */
function importer(dir: string, file: string, workers: number): { once(): Promise<void>; close(): Promise<void> } {
  const pool = new ExtractionPool(workers, builtWorker());
  const segments = new SegmentBuilder();
  let run = 0;
  return {
    async once() {
      const { store, records } = await openTestNotebook(path.join(dir, `notebook-${workers}-${run++}`));
      const search = openNotebookSearch({ store, records, texts: new TextCache(store.blobs) }, segments, { catchUp: false });
      try {
        const summary = await new ImportService(records, () => pool).importPaths([file]);
        const documentId = summary.results[0]?.documentId;
        if (summary.imported !== 1 || !documentId) throw new Error(`bench: import failed: ${JSON.stringify(summary.results)}`);
        search.indexer.notify('documents', [documentId]);
        await search.indexer.flush();
        if (search.indexer.status().entries === 0) throw new Error('bench: the imported document was not indexed');
      } finally {
        await search.indexer.close();
        await store.close();
      }
    },
    async close() {
      await pool.close();
      await segments.close();
    },
  };
}

/**
 * Import figures for one file, against pdftotext on the same file. The two
 * are timed in turn, run after run: this machine's speed drifts by a third
 * from one minute to the next, and both should meet the same drift.
 */
async function benchFile(dir: string, file: string, pages: number, params: Record<string, string | number>, pdftotextMissing: string | undefined): Promise<void> {
  // One worker reads the whole file: what pdf.js costs on one core.
  const alone = importer(dir, file, 1);
  try {
    await alone.once();
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) samples.push(await seconds(alone.once));
    printFigure('pdf_import_one_worker_pages_per_second', params, pages / median(samples), 'pages/s');
  } finally {
    await alone.close();
  }

  const shared = importer(dir, file, 2);
  const out = path.join(dir, 'out.txt');
  const ours: number[] = [];
  const theirs: number[] = [];
  try {
    await shared.once();
    for (let i = 0; i < RUNS; i++) {
      ours.push(await seconds(shared.once));
      if (!pdftotextMissing) theirs.push(await seconds(async () => void (await run('pdftotext', [file, out]))));
    }
  } finally {
    await shared.close();
  }
  const imported = pages / median(ours);
  printFigure('pdf_import_pages_per_second', params, imported, 'pages/s');
  if (pdftotextMissing) {
    printMissing('pdftotext_pages_per_second', params, 'pages/s', pdftotextMissing);
    printMissing('pdf_import_vs_pdftotext', params, 'ratio', pdftotextMissing);
    return;
  }
  if ((await readFile(out, 'utf8')).trim() === '') throw new Error(`bench: pdftotext extracted no text from ${file}`);
  printFigure('pdftotext_pages_per_second', params, pages / median(theirs), 'pages/s');
  printFigure('pdf_import_vs_pdftotext', params, imported / (pages / median(theirs)), 'ratio');
}

/**
 * A generated book (always), and a real one when FIELDBOOK_BENCH_PDF names
 * it: typeset PDFs (embedded fonts, kerning) cost both tools more per page
 * than the generated file does, and not in the same proportion.
 */
export async function benchPdf(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'fieldbook-bench-pdf-'));
  try {
    const missing = ensurePdftotext();
    const bytes = buildTextPdf(PAGES, { linesPerPage: LINES_PER_PAGE, info: { title: 'Bench report', author: 'Bench' } });
    const file = path.join(dir, 'report.pdf');
    await writeFile(file, bytes);
    await benchFile(dir, file, PAGES, { file: 'generated', pages: PAGES, lines_per_page: LINES_PER_PAGE, bytes: bytes.length, runs: RUNS }, missing);

    const real = process.env.FIELDBOOK_BENCH_PDF;
    if (real) {
      const pages = await pageCount(real);
      await benchFile(dir, real, pages, { file: path.basename(real), pages, bytes: (await readFile(real)).length, runs: RUNS }, missing);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function pageCount(file: string): Promise<number> {
  const { records, store } = await openTestNotebook(await mkdtemp(path.join(os.tmpdir(), 'fieldbook-bench-count-')));
  const pool = new ExtractionPool(1, builtWorker());
  try {
    const summary = await new ImportService(records, () => pool).importPaths([file]);
    const document = summary.results[0]?.documentId ? await records.get('documents', summary.results[0].documentId) : undefined;
    if (!document?.pdf) throw new Error(`bench: ${file} could not be imported: ${JSON.stringify(summary.results)}`);
    return document.pdf.pageCount;
  } finally {
    await pool.close();
    await store.close();
    await rm(store.info.path, { recursive: true, force: true });
  }
}
