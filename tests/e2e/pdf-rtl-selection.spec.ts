import type { Page } from '@playwright/test';
import { chromiumPdf, missingFor, rtlCorpus } from '../support/rtl-pdf-fixtures';
import { highlightWithKey } from './reader-helpers';
import { expect, test, type AppUnderTest } from './fixtures';
import { budget } from '../support/time-budget';

// Importing a PDF (in worker threads) takes a few seconds on a busy machine before each test can start.
test.describe.configure({ timeout: budget(90_000) });

const TITLE = 'Arabic selection sample';
// An Arabic line and an English line quoting an Arabic name.
const LINES = [rtlCorpus[0]!, rtlCorpus[8]!];
const missing = missingFor('chromium');

async function importAndOpen(app: AppUnderTest): Promise<string> {
  const ui = app.page;
  const bytes = await chromiumPdf(LINES, TITLE);
  await ui.getByLabel('Files to import').setInputFiles([{ name: 'arabic.pdf', mimeType: 'application/pdf', buffer: Buffer.from(bytes) }]);
  const summary = ui.getByRole('dialog', { name: 'Import finished' });
  await expect(summary).toContainText('1 imported', { timeout: budget(60_000) });
  await summary.getByRole('button', { name: 'Close' }).click();
  await openDocument(ui);
  const [document] = await app.call('documents.list', {});
  return (await app.call('documents.content', { id: document!.id })).text;
}

async function openDocument(ui: Page): Promise<void> {
  await ui.getByRole('main').getByRole('button', { name: TITLE, exact: true }).click();
  await expect(ui.locator('.pdf-page[data-page-index="0"] .pdf-text-layer span').first()).toBeAttached({ timeout: budget(10_000) });
}

/**
 * A point just inside one edge of the character at canonical `offset` on
 * the first page, found through the text layer's offsets (reading starts
 * on the right of an Arabic letter, on the left of an English one).
 */
async function pointAt(ui: Page, offset: number, side: 'right' | 'left'): Promise<{ x: number; y: number }> {
  return ui.evaluate(
    ({ offset, side }) => {
      const spans = [...document.querySelectorAll<HTMLElement>('.pdf-page[data-page-index="0"] .pdf-text-layer span[data-start]')];
      const span = spans.find((element) => Number(element.dataset.start) <= offset && offset < Number(element.dataset.end));
      if (!span?.firstChild) throw new Error(`no span holds offset ${offset}`);
      const range = document.createRange();
      const at = offset - Number(span.dataset.start);
      range.setStart(span.firstChild, at);
      range.setEnd(span.firstChild, at + 1);
      const rect = range.getBoundingClientRect();
      const inset = Math.min(1, rect.width / 4);
      const right = side === 'right';
      return { x: right ? rect.right - inset : rect.left + inset, y: rect.top + rect.height / 2 };
    },
    { offset, side },
  );
}

async function drag(ui: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await ui.mouse.move(from.x, from.y);
  await ui.mouse.down();
  await ui.mouse.move(to.x, to.y, { steps: 10 });
  await ui.mouse.up();
}

/**
 * Waits until the selection's focus is in the span holding `offset` (the
 * drag's last move has been applied), then for the selectionchange that
 * follows to reach the reader (dispatched in a task after the change).
 */
async function selectionSettled(ui: Page, offset: number): Promise<void> {
  await expect
    .poll(() =>
      ui.evaluate((offset) => {
        const focus = document.getSelection()?.focusNode;
        const span = (focus instanceof Element ? focus : focus?.parentElement)?.closest<HTMLElement>('[data-start]');
        return span !== null && span !== undefined && Number(span.dataset.start) <= offset && offset < Number(span.dataset.end);
      }, offset),
    )
    .toBe(true);
  await ui.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
}

/** Whether a point lies inside one of the painted highlight boxes. */
async function painted(ui: Page, point: { x: number; y: number }): Promise<boolean> {
  return ui.evaluate(
    ({ x, y }) =>
      [...document.querySelectorAll('.pdf-page[data-page-index="0"] .pdf-paint--highlight')].some((box) => {
        const rect = box.getBoundingClientRect();
        return x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;
      }),
    point,
  );
}

/** The middle of the character at canonical `offset` on the first page. */
async function middleOf(ui: Page, offset: number): Promise<{ x: number; y: number }> {
  const [a, b] = [await pointAt(ui, offset, 'right'), await pointAt(ui, offset, 'left')];
  return { x: (a.x + b.x) / 2, y: a.y };
}

interface Selecting {
  words: string;
  /** Makes the selection of `words`, which stand at [start, end) of the canonical text. */
  select(ui: Page, start: number, end: number): Promise<void>;
}

const cases: Record<string, Selecting> = {
  'dragging right to left over Arabic words': {
    words: 'الخطوط العربية',
    async select(ui, start, end) {
      // Reading starts at the right of the first letter and ends at the left of the last.
      await drag(ui, await pointAt(ui, start, 'right'), await pointAt(ui, end - 1, 'left'));
      await selectionSettled(ui, end - 1);
    },
  },
  'dragging left to right over Arabic words': {
    words: 'الخطوط العربية',
    async select(ui, start, end) {
      await drag(ui, await pointAt(ui, end - 1, 'left'), await pointAt(ui, start, 'right'));
      await selectionSettled(ui, start);
    },
  },
  'dragging left to right over English words beside an Arabic name': {
    words: 'field notes quote',
    async select(ui, start, end) {
      await drag(ui, await pointAt(ui, start, 'left'), await pointAt(ui, end - 1, 'right'));
      await selectionSettled(ui, end - 1);
    },
  },
  'double-clicking an Arabic word': {
    words: 'العربية',
    async select(ui, start) {
      const { x, y } = await middleOf(ui, start + 2);
      await ui.mouse.dblclick(x, y);
    },
  },
  'Shift+Left after a double-click, over the next Arabic word': {
    words: 'الخطوط العربية',
    async select(ui, start, end) {
      const { x, y } = await middleOf(ui, start + 1);
      await ui.mouse.dblclick(x, y);
      await selectionSettled(ui, start + 'الخطوط'.length - 1);
      // In Arabic, left is forward: the space, then the seven letters of "العربية".
      for (let i = 0; i < 8; i++) await ui.keyboard.press('Shift+ArrowLeft');
      await selectionSettled(ui, end - 1);
    },
  },
};

for (const [name, { words, select }] of Object.entries(cases)) {
  test(`${name} in a PDF highlights exactly those words${missing ? ` (skipped: ${missing})` : ''}`, async ({ app }) => {
    test.skip(missing !== undefined, missing);
    const ui = app.page;
    const text = await importAndOpen(app);
    const start = text.indexOf(words);
    expect(start).toBeGreaterThan(0);
    const end = start + words.length;
    await select(ui, start, end);
    await highlightWithKey(ui);

    const [document] = await app.call('documents.list', {});
    const highlights = await app.call('highlights.list', { documentId: document!.id });
    expect(highlights.map((highlight) => highlight.target.quote.exact)).toEqual([words]);
    expect(text.slice(highlights[0]!.target.position.start, highlights[0]!.target.position.end)).toBe(words);

    // Painted over those letters and not the neighbouring words'.
    const outside = [await pointAt(ui, start - 2, 'left'), await pointAt(ui, end + 1, 'right')];
    const check = async () => {
      expect(await painted(ui, await pointAt(ui, start, 'right'))).toBe(true);
      expect(await painted(ui, await pointAt(ui, end - 1, 'left'))).toBe(true);
      for (const point of outside) expect(await painted(ui, point)).toBe(false);
    };
    await expect(ui.locator('.pdf-page[data-page-index="0"] .pdf-paint--highlight').first()).toBeAttached();
    await check();

    await ui.reload();
    await openDocument(ui);
    await expect(ui.locator('.pdf-page[data-page-index="0"] .pdf-paint--highlight').first()).toBeAttached();
    await check();

    // The words, searched as a phrase, find the highlight.
    await expect
      .poll(async () => (await app.call('search.query', { query: `"${words}"` })).groups.flatMap((group) => group.hits.filter((hit) => hit.kind === 'highlight').map((hit) => hit.id)))
      .toEqual([highlights[0]!.id]);
  });
}
