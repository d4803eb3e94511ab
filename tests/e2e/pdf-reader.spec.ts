import type { Page } from '@playwright/test';
import { buildPdf, buildTextPdf, type0 } from '../support/pdf-builder';
import { highlightWithKey } from './reader-helpers';
import { expect, test, type AppUnderTest } from './fixtures';
import { budget } from '../support/time-budget';

// Importing a PDF (in worker threads) takes a few seconds on a busy machine before each test can start.
test.describe.configure({ timeout: budget(90_000) });

const report = buildPdf({
  info: { title: 'Convoy report' },
  pages: [
    { lines: ['Convoy report', 'The convoy left at dawn from the northern depot.', 'Two trucks turned back at the checkpoint.'] },
    { lines: ['Fuel was short at the crossing.', 'The rest arrived before noon.', { runs: [type0('وصلت القافلة إلى المعبر')], dir: 'rtl' }] },
    { lines: ['Annex: list of sites.'] },
  ],
  outline: [
    { title: 'Report', page: 0 },
    { title: 'Annex', page: 2 },
  ],
});

async function importAndOpen(app: AppUnderTest, name: string, title: string, bytes: Uint8Array): Promise<void> {
  const ui = app.page;
  await ui.getByLabel('Files to import').setInputFiles([{ name, mimeType: 'application/pdf', buffer: Buffer.from(bytes) }]);
  const summary = ui.getByRole('dialog', { name: 'Import finished' });
  await expect(summary).toContainText('1 imported', { timeout: budget(60_000) });
  await summary.getByRole('button', { name: 'Close' }).click();
  await openDocument(ui, title);
}

async function openDocument(ui: Page, title: string): Promise<void> {
  await ui.getByRole('main').getByRole('button', { name: title, exact: true }).click();
  await expect(ui.locator('.pdf-page[data-page-index="0"] .pdf-text-layer span').first()).toBeAttached({ timeout: budget(10_000) });
}

/** The page text layer's span holding `text`, on the 0-based page. */
const span = (ui: Page, page: number, text: string) => ui.locator(`.pdf-page[data-page-index="${page}"] .pdf-text-layer span`, { hasText: text });

/** A point just inside the left or right edge of the `index`-th character of `needle` (client pixels), nearest the boundary a drag should stop at. */
async function characterPoint(ui: Page, page: number, needle: string, index: number, side: 'left' | 'right' = 'left'): Promise<{ x: number; y: number }> {
  return span(ui, page, needle).evaluate(
    (element, { needle, index, side }) => {
      const text = element.firstChild!;
      const at = (element.textContent ?? '').indexOf(needle) + index;
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 1);
      const rect = range.getBoundingClientRect();
      const inset = Math.min(1, rect.width / 4);
      return { x: side === 'left' ? rect.left + inset : rect.right - inset, y: rect.top + rect.height / 2 };
    },
    { needle, index, side },
  );
}

/** Drags the mouse from the first character of `from` to the last of `to`, as a reader selects. */
async function dragSelect(ui: Page, from: { page: number; text: string }, to: { page: number; text: string }): Promise<void> {
  const start = await characterPoint(ui, from.page, from.text, 0, 'left');
  await ui.mouse.move(start.x, start.y);
  await ui.mouse.down();
  const end = await characterPoint(ui, to.page, to.text, to.text.length - 1, 'right');
  await ui.mouse.move(end.x, end.y, { steps: 8 });
  await ui.mouse.up();
}

async function highlightRecords(app: AppUnderTest) {
  const [document] = await app.call('documents.list', {});
  const content = await app.call('documents.content', { id: document!.id });
  const highlights = await app.call('highlights.list', { documentId: document!.id });
  return { text: content.text, highlights };
}

test('a PDF shows as printed; a selected passage is highlighted by its canonical offsets and is there after a reload', async ({ app }) => {
  const ui = app.page;
  await importAndOpen(app, 'convoy-report.pdf', 'Convoy report', report);
  await expect(ui.locator('.pdf-page[data-page-index="0"] canvas')).toBeAttached();

  await dragSelect(ui, { page: 0, text: 'convoy left' }, { page: 0, text: 'at dawn' });
  await highlightWithKey(ui);
  await expect(ui.locator('.pdf-page[data-page-index="0"] .pdf-paint--highlight')).toHaveCount(1);

  const { text, highlights } = await highlightRecords(app);
  expect(highlights).toHaveLength(1);
  const target = highlights[0]!.target;
  expect(target.quote.exact).toBe('convoy left at dawn');
  expect(text.slice(target.position.start, target.position.end)).toBe('convoy left at dawn');
  expect(target.page).toBe(0);

  await ui.reload();
  await openDocument(ui, 'Convoy report');
  const painted = ui.locator('.pdf-page[data-page-index="0"] .pdf-paint--highlight');
  await expect(painted).toHaveCount(1);
  // Painted on the same words: the box starts at "convoy" and ends after "dawn".
  const box = (await painted.boundingBox())!;
  const first = await characterPoint(ui, 0, 'convoy left', 0, 'left');
  const last = await characterPoint(ui, 0, 'at dawn', 'at dawn'.length - 1, 'right');
  expect(first.x).toBeGreaterThan(box.x);
  expect(last.x).toBeLessThan(box.x + box.width);
  expect(first.y).toBeGreaterThan(box.y);
  expect(first.y).toBeLessThan(box.y + box.height);

  // Clicking the painted passage selects its highlight in the sidebar; the sidebar's entry shows the passage, which flashes.
  const card = ui.getByRole('button', { name: 'Show in the text: convoy left at dawn' });
  await expect(card).toHaveAttribute('aria-expanded', 'false');
  await ui.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(card).toHaveAttribute('aria-expanded', 'true');
  await card.click();
  await expect(ui.locator('.pdf-page[data-page-index="0"] .pdf-paint--flash')).toHaveCount(1);
});

test('a highlight across a page boundary covers the end of one page and the start of the next', async ({ app }) => {
  const ui = app.page;
  await importAndOpen(app, 'convoy-report.pdf', 'Convoy report', report);
  await expect(span(ui, 1, 'Fuel was short')).toBeAttached();
  // Small enough that the end of the first page's text and the start of the second's are both on screen.
  for (let i = 0; i < 5; i++) await ui.getByRole('button', { name: 'Zoom out' }).click();
  await expect(span(ui, 1, 'Fuel was short')).toBeInViewport();

  await dragSelect(ui, { page: 0, text: 'at the checkpoint.' }, { page: 1, text: 'Fuel was' });
  await highlightWithKey(ui);
  await expect(ui.locator('.pdf-page[data-page-index="0"] .pdf-paint--highlight')).toHaveCount(1);
  await expect(ui.locator('.pdf-page[data-page-index="1"] .pdf-paint--highlight')).toHaveCount(1);

  const { highlights } = await highlightRecords(app);
  expect(highlights[0]!.target.quote.exact).toBe('at the checkpoint.\n\nFuel was');
  expect(highlights[0]!.target.page).toBe(0);
});

test('Arabic text on a PDF page is selected and highlighted in logical order', async ({ app }) => {
  const ui = app.page;
  await importAndOpen(app, 'convoy-report.pdf', 'Convoy report', report);
  const arabic = span(ui, 1, 'القافلة');
  await expect(arabic).toBeAttached();
  // Select the whole run by its DOM range (right-to-left dragging is the browser's business).
  await arabic.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
  });
  await highlightWithKey(ui);
  await expect(ui.locator('.pdf-page[data-page-index="1"] .pdf-paint--highlight')).toHaveCount(1);
  const { highlights } = await highlightRecords(app);
  expect(highlights[0]!.target.quote.exact).toBe('وصلت القافلة إلى المعبر');
});

test('a long PDF: page navigation, outline, zoom, and only the pages near the viewport rendered', async ({ app }) => {
  const ui = app.page;
  const pages = 300;
  await importAndOpen(app, 'long-brief.pdf', 'Long brief', buildTextPdf(pages, { info: { title: 'Long brief' }, outline: [{ title: 'Middle', page: 199 }] }));
  await expect(ui.getByText(`of ${pages}`)).toBeVisible();

  const pageNumber = ui.getByLabel('Page number');
  await pageNumber.fill('250');
  await pageNumber.press('Enter');
  await expect(span(ui, 249, '(p250.1)')).toBeAttached();
  await expect(pageNumber).toHaveValue('250');

  await ui.getByRole('button', { name: 'Outline' }).click();
  await ui.getByRole('navigation', { name: 'Outline' }).getByRole('button', { name: 'Middle' }).click();
  await expect(span(ui, 199, '(p200.1)')).toBeAttached();
  await expect(pageNumber).toHaveValue('200');

  // Scroll seventy-odd pages on: the pages left behind are released, canvas and text.
  for (let i = 0; i < 20; i++) await ui.locator('.pdf-scroller').evaluate((element) => element.scrollBy(0, element.clientHeight * 5));
  await expect(span(ui, 199, '(p200.1)')).toHaveCount(0);
  expect(await ui.locator('.pdf-page canvas').count()).toBeLessThanOrEqual(12);

  await ui.getByRole('button', { name: 'Zoom in' }).click();
  const zoomed = await ui.locator('.pdf-zoom').textContent();
  await ui.getByRole('button', { name: 'Zoom in' }).click();
  await expect(ui.locator('.pdf-zoom')).not.toHaveText(zoomed ?? '');
  await expect(ui.locator('.pdf-text-layer span').first()).toBeAttached();
});
