// PDF figures: how fast the extractor turns a long text PDF into canonical
// text, and how that compares with poppler's pdftotext on the same file (a
// native tool, so the ratio says how much pdf.js in JavaScript costs us).
import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { defaultImportLimits } from '../../main/import/extracted-document';
import { ImportService } from '../../main/import/import-service';
import { extractPdf } from '../../main/import/pdf/extract-pdf';
import { ExtractionPool } from '../../main/import/worker/extraction-pool';
import { openTestNotebook } from '../support/notebook-fixture';
import { buildTextPdf, generatedPageLines } from '../support/pdf-builder';
import { percentile, printFigure } from './figures';

const run = promisify(execFile);
const PAGES = 350;
// About a printed book page: per-page costs weigh as they do on real documents.
const LINES_PER_PAGE = 40;
const RUNS = 3;

function hasPdftotext(): boolean {
  return spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;
}

/** Installs poppler-utils when this machine lets us (root with apt-get); says why not otherwise. */
function ensurePdftotext(): string | undefined {
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

function printMissing(figure: string, params: Record<string, string | number>, unit: string, reason: string): void {
  console.log(JSON.stringify({ figure, ...params, value: null, unit, reason }));
}

async function medianSeconds(task: () => Promise<void>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await task();
    samples.push((performance.now() - started) / 1000);
  }
  return percentile(samples.sort((a, b) => a - b), 0.5);
}

/**
 * The whole import of the same file, as the app does it: read, hash, extract
 * in the worker pool (a long PDF shared by two workers), store the blobs and
 * the record. Each run imports into a fresh notebook; workers are warm.
 */
async function medianImportSeconds(dir: string, file: string): Promise<number> {
  const pool = new ExtractionPool();
  try {
    let run = 0;
    const importOnce = async () => {
      const { store, records } = await openTestNotebook(path.join(dir, `notebook-${run++}`));
      try {
        const summary = await new ImportService(records, () => pool).importPaths([file]);
        if (summary.imported !== 1) throw new Error(`bench: import failed: ${JSON.stringify(summary.results)}`);
      } finally {
        await store.close();
      }
    };
    await importOnce();
    return await medianSeconds(importOnce);
  } finally {
    await pool.close();
  }
}

export async function benchPdf(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'fieldbook-bench-pdf-'));
  try {
    const bytes = buildTextPdf(PAGES, { linesPerPage: LINES_PER_PAGE, info: { title: 'Bench report', author: 'Bench' } });
    const file = path.join(dir, 'report.pdf');
    await writeFile(file, bytes);
    const params = { pages: PAGES, lines_per_page: LINES_PER_PAGE, bytes: bytes.length, runs: RUNS };

    // The first call loads pdf.js itself; the figure is for steady-state imports.
    const warm = await extractPdf(bytes, { limits: defaultImportLimits });
    const lastPage = warm.structure.pages?.[PAGES - 1];
    if (!lastPage || warm.text.slice(lastPage.start, lastPage.end) !== generatedPageLines(PAGES - 1, LINES_PER_PAGE).join('\n')) {
      throw new Error('bench: extractPdf did not return the generated text');
    }
    const ours = await medianSeconds(async () => {
      await extractPdf(bytes, { limits: defaultImportLimits });
    });
    const oursPagesPerSecond = PAGES / ours;
    printFigure('pdf_extract_pages_per_second', params, oursPagesPerSecond, 'pages/s');

    const importPagesPerSecond = PAGES / (await medianImportSeconds(dir, file));
    printFigure('pdf_import_pages_per_second', params, importPagesPerSecond, 'pages/s');

    const missing = ensurePdftotext();
    if (missing) {
      printMissing('pdftotext_pages_per_second', params, 'pages/s', missing);
      printMissing('pdf_extract_vs_pdftotext', params, 'ratio', missing);
      printMissing('pdf_import_vs_pdftotext', params, 'ratio', missing);
      return;
    }
    const out = path.join(dir, 'out.txt');
    const theirs = await medianSeconds(async () => {
      await run('pdftotext', [file, out]);
    });
    if (!(await readFile(out, 'utf8')).includes(generatedPageLines(0, 1)[0]!)) throw new Error('bench: pdftotext did not extract the generated text');
    const theirsPagesPerSecond = PAGES / theirs;
    printFigure('pdftotext_pages_per_second', params, theirsPagesPerSecond, 'pages/s');
    printFigure('pdf_extract_vs_pdftotext', params, oursPagesPerSecond / theirsPagesPerSecond, 'ratio');
    printFigure('pdf_import_vs_pdftotext', params, importPagesPerSecond / theirsPagesPerSecond, 'ratio');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
