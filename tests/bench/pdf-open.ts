// The PDF reader, in Chromium through the browser host: how long a 300-page
// PDF takes from the click that opens it to its first page drawn (fetching
// the file, starting pdf.js, parsing, drawing), and what scrolling through
// a 1,000-page PDF leaves in memory.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { createDispatcher } from '../../main/api/dispatcher';
import { createHandlers, createUpload } from '../../main/api/handlers';
import { createServices, type Services } from '../../main/app/services';
import { startBrowserHost } from '../../main/hosts/browser-host/server';
import { buildTextPdf } from '../support/pdf-builder';
import { percentile, printFigure } from './figures';

const OPEN_PAGES = 300;
const SCROLL_PAGES = 1000;
// About a printed book page, as in the import bench.
const LINES_PER_PAGE = 40;
const WARM_RUNS = 5;
// npm run bench runs from the repository's root, bundled (see bundle.ts).
const rendererDir = path.resolve('dist/renderer');
const chromiumPath = process.env.FIELDBOOK_CHROMIUM ?? '/usr/bin/chromium';
// The flags the end-to-end tests launch Chromium with (tests/e2e/fixtures.ts).
const chromiumArgs = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-gpu'];

function printMissing(figure: string, params: Record<string, string | number>, unit: string, reason: string): void {
  console.log(JSON.stringify({ figure, ...params, value: null, unit, reason }));
}

async function importFiles(services: Services, files: string[]): Promise<void> {
  const finished = new Promise<number>((resolve) => {
    const stop = services.events.subscribe((event, payload) => {
      if (event !== 'import.finished') return;
      stop();
      resolve((payload as { summary: { imported: number } }).summary.imported);
    });
  });
  services.startImport({ paths: files });
  const imported = await finished;
  if (imported !== files.length) throw new Error(`bench: ${files.length - imported} PDF(s) failed to import`);
}

interface OpenTiming {
  /** From the click to the first page drawn. */
  total: number;
  /** From the last API answer (the PDF's bytes) to the first page drawn: the PDF view's own share. */
  view: number;
}

/** Opens the document by its title in the library and times it to its first page drawn on a canvas. */
async function openToFirstPage(ui: Page, title: string): Promise<OpenTiming> {
  await ui.evaluate(() => {
    performance.clearResourceTimings();
    const started = performance.now();
    const timing = window as { pdfOpenTiming?: Promise<OpenTiming> };
    timing.pdfOpenTiming = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (!document.querySelector('.pdf-page[data-page-index="0"][data-drawn]')) return;
        observer.disconnect();
        const drawn = performance.now();
        const answers = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((entry) => entry.name.includes('/api/') && entry.responseEnd < drawn);
        const lastAnswer = Math.max(started, ...answers.map((entry) => entry.responseEnd));
        resolve({ total: drawn - started, view: drawn - lastAnswer });
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-drawn'] });
    });
  });
  await ui.getByRole('main').getByRole('button', { name: title, exact: true }).click();
  const timing = await ui.evaluate(() => (window as { pdfOpenTiming?: Promise<OpenTiming> }).pdfOpenTiming);
  await ui.getByRole('button', { name: '← Documents' }).click();
  if (!timing) throw new Error('bench: the PDF view never drew its first page');
  return timing;
}

/** Scrolls a long PDF from end to end and reports the most canvases alive at once and the JS heap after. */
async function scrollThrough(ui: Page, title: string): Promise<{ maxCanvases: number; heapMb: number; msPerScreen: number }> {
  await ui.getByRole('main').getByRole('button', { name: title, exact: true }).click();
  await ui.locator('.pdf-page[data-page-index="0"][data-drawn]').waitFor();
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  return ui.evaluate(async () => {
    const scroller = document.querySelector('.pdf-scroller')!;
    let maxCanvases = 0;
    let screens = 0;
    const started = performance.now();
    while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1) {
      scroller.scrollBy(0, scroller.clientHeight);
      await new Promise(requestAnimationFrame);
      screens++;
      maxCanvases = Math.max(maxCanvases, document.querySelectorAll('.pdf-page canvas').length);
    }
    const msPerScreen = (performance.now() - started) / screens;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const memory = (performance as { memory?: { usedJSHeapSize: number } }).memory;
    return { maxCanvases, heapMb: (memory?.usedJSHeapSize ?? Number.NaN) / 1024 / 1024, msPerScreen };
  });
}

export async function benchPdfOpen(): Promise<void> {
  const params = { pages: OPEN_PAGES, lines_per_page: LINES_PER_PAGE, runs: WARM_RUNS };
  if (!existsSync(path.join(rendererDir, 'index.html'))) return printMissing('pdf_open_first_page_ms', params, 'ms', 'renderer not built (npm run build)');
  if (!existsSync(chromiumPath)) return printMissing('pdf_open_first_page_ms', params, 'ms', `no Chromium at ${chromiumPath}`);

  const temp = await mkdtemp(path.join(os.tmpdir(), 'fieldbook-bench-pdf-open-'));
  const services = await createServices({ host: 'browser', dataDir: path.join(temp, 'data'), notebookDir: path.join(temp, 'nb') });
  const host = await startBrowserHost({ dispatch: createDispatcher(createHandlers(services)), upload: createUpload(services), events: services.events, rendererDir });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs, '--enable-precise-memory-info'] });
  try {
    const openFile = path.join(temp, 'open.pdf');
    const scrollFile = path.join(temp, 'scroll.pdf');
    await writeFile(openFile, buildTextPdf(OPEN_PAGES, { linesPerPage: LINES_PER_PAGE, info: { title: 'Open bench' } }));
    await writeFile(scrollFile, buildTextPdf(SCROLL_PAGES, { linesPerPage: LINES_PER_PAGE, info: { title: 'Scroll bench' } }));
    await importFiles(services, [openFile, scrollFile]);

    const ui = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await ui.goto(host.url);
    await ui.getByRole('main').getByRole('button', { name: 'Open bench', exact: true }).waitFor({ timeout: 60_000 });

    // The first open also loads pdf.js and starts its worker; later ones find them cached.
    const openParams = { pages: OPEN_PAGES, lines_per_page: LINES_PER_PAGE };
    const cold = await openToFirstPage(ui, 'Open bench');
    printFigure('pdf_open_first_page_cold_ms', openParams, cold.total, 'ms');
    const warm: OpenTiming[] = [];
    for (let i = 0; i < WARM_RUNS; i++) warm.push(await openToFirstPage(ui, 'Open bench'));
    const median = (values: number[]) => percentile(values.sort((a, b) => a - b), 0.5);
    printFigure('pdf_open_first_page_ms', params, median(warm.map((timing) => timing.total)), 'ms');
    printFigure('pdf_view_first_page_ms', params, median(warm.map((timing) => timing.view)), 'ms');

    const scrolled = await scrollThrough(ui, 'Scroll bench');
    const scrollParams = { pages: SCROLL_PAGES, lines_per_page: LINES_PER_PAGE };
    printFigure('pdf_scroll_max_canvases', scrollParams, scrolled.maxCanvases, 'canvases');
    printFigure('pdf_scroll_js_heap_after', scrollParams, scrolled.heapMb, 'MB');
    printFigure('pdf_scroll_ms_per_screen', scrollParams, scrolled.msPerScreen, 'ms');
  } finally {
    await browser.close();
    await host.close();
    await services.close();
    await rm(temp, { recursive: true, force: true });
  }
}
