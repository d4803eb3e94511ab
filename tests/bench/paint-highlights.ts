// Highlights on a long text document, in Chromium through the browser host:
// how long the reader takes from the click that opens the document to 1,000
// highlights painted (content fetched, text laid out, highlights anchored and
// registered, next frame drawn), and the painting step alone.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { createDispatcher } from '../../main/api/dispatcher';
import { createHandlers, createUpload } from '../../main/api/handlers';
import { createServices } from '../../main/app/services';
import { startBrowserHost } from '../../main/hosts/browser-host/server';
import { createTextDocument } from '../../main/notebook/records/documents';
import { describeRange } from '../../shared/anchoring/text-quote';
import { HighlightColor } from '../../shared/model/records';
import { percentile, printFigure } from './figures';

const PARAGRAPHS = 5000;
const HIGHLIGHTS = 1000;
const RUNS = 5;
const TITLE = 'Paint bench';
const PAINT_MEASURE = 'fieldbook:paint-highlights';
// npm run bench runs from the repository's root, bundled (see bundle.ts).
const rendererDir = path.resolve('dist/renderer');
const chromiumPath = process.env.FIELDBOOK_CHROMIUM ?? '/usr/bin/chromium';
const chromiumArgs = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-gpu'];

/** Paragraphs of generated prose, every one different, about a 250-page book in all. */
function longText(): string {
  return Array.from(
    { length: PARAGRAPHS },
    (_, i) => `Paragraph ${i}: the convoy reported at checkpoint ${(i * 7) % 101} moved north after ${i % 13} hours, and the district council said group ${i % 17} had paid the operators in cash.`,
  ).join('\n\n');
}

/** Milliseconds from clicking the title to every highlight registered and one frame drawn, and the paint step's own time. */
async function openToPainted(ui: Page): Promise<{ openMs: number; paintMs: number }> {
  await ui.evaluate(
    ({ expected, measure }) => {
      performance.clearMeasures(measure);
      const started = performance.now();
      const timing = window as { paintedMs?: Promise<number> };
      // No named functions in here: the bench runs through tsx, whose helpers do not exist in the page.
      timing.paintedMs = (async () => {
        for (;;) {
          await new Promise((resolve) => requestAnimationFrame(resolve));
          let painted = 0;
          for (const [name, highlight] of CSS.highlights) if (name.startsWith('fb-text-')) painted += highlight.size;
          if (painted < expected) continue;
          await new Promise((resolve) => requestAnimationFrame(resolve));
          return performance.now() - started;
        }
      })();
    },
    { expected: HIGHLIGHTS, measure: PAINT_MEASURE },
  );
  await ui.getByRole('main').getByRole('button', { name: TITLE, exact: true }).click();
  const openMs = (await ui.evaluate(() => (window as { paintedMs?: Promise<number> }).paintedMs)) ?? Number.NaN;
  const paintMs = await ui.evaluate((measure) => Math.max(...performance.getEntriesByName(measure).map((entry) => entry.duration)), PAINT_MEASURE);
  await ui.getByRole('button', { name: '← Documents' }).click();
  return { openMs, paintMs };
}

export async function benchPaintHighlights(): Promise<void> {
  const text = longText();
  const params = { highlights: HIGHLIGHTS, text_chars: text.length, runs: RUNS };
  const missing = (reason: string) => console.log(JSON.stringify({ figure: 'paint_highlights_open_ms', ...params, value: null, unit: 'ms', reason }));
  if (!existsSync(path.join(rendererDir, 'index.html'))) return missing('renderer not built (npm run build)');
  if (!existsSync(chromiumPath)) return missing(`no Chromium at ${chromiumPath}`);

  const temp = await mkdtemp(path.join(os.tmpdir(), 'fieldbook-bench-paint-'));
  const services = await createServices({ host: 'browser', dataDir: path.join(temp, 'data'), notebookDir: path.join(temp, 'nb') });
  const host = await startBrowserHost({ dispatch: createDispatcher(createHandlers(services)), upload: createUpload(services), events: services.events, rendererDir });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const { records } = services.current();
    const document = await createTextDocument(records, { kind: 'text', title: TITLE, text, authors: [], direction: 'ltr', tags: [] });
    const colors = HighlightColor.options;
    // Spread over the whole text, 20 to 220 characters long, some crossing a paragraph boundary.
    // Saved all at once: the store coalesces them into a few writes of the document's highlights file.
    await Promise.all(
      Array.from({ length: HIGHLIGHTS }, (_, i) => {
        const start = Math.floor((i * (text.length - 300)) / HIGHLIGHTS);
        const end = start + 20 + ((i * 37) % 200);
        return records.create('highlights', { documentId: document.id, target: describeRange(text, start, end), color: colors[i % colors.length] as HighlightColor, comment: '', tags: [], actorIds: [], eventIds: [] });
      }),
    );

    const ui = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await ui.goto(host.url);
    await ui.getByRole('main').getByRole('button', { name: TITLE, exact: true }).waitFor();

    const cold = await openToPainted(ui);
    printFigure('paint_highlights_open_cold_ms', { highlights: HIGHLIGHTS, text_chars: text.length }, cold.openMs, 'ms');
    const opens: number[] = [];
    const paints: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { openMs, paintMs } = await openToPainted(ui);
      opens.push(openMs);
      paints.push(paintMs);
    }
    printFigure('paint_highlights_open_ms', params, percentile(opens.sort((a, b) => a - b), 0.5), 'ms');
    printFigure('paint_highlights_ms', params, percentile(paints.sort((a, b) => a - b), 0.5), 'ms');
  } finally {
    await browser.close();
    await host.close();
    await services.close();
    await rm(temp, { recursive: true, force: true });
  }
}
