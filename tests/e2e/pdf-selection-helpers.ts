// Selecting text on a PDF's first page in end-to-end specs: points on the
// page found through the text layer's canonical offsets, drags, and the
// highlight boxes painted there.
import type { Page } from '@playwright/test';
import { budget } from '../support/time-budget';
import { expect, type AppUnderTest } from './fixtures';

/** Imports the PDF through the import button, opens it, and gives its canonical text. */
export async function importAndOpen(app: AppUnderTest, bytes: Uint8Array, title: string): Promise<string> {
  const ui = app.page;
  await ui.getByLabel('Files to import').setInputFiles([{ name: `${title}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from(bytes) }]);
  const summary = ui.getByRole('dialog', { name: 'Import finished' });
  await expect(summary).toContainText('1 imported', { timeout: budget(60_000) });
  await summary.getByRole('button', { name: 'Close' }).click();
  await openPdf(ui, title);
  const [document] = await app.call('documents.list', {});
  return (await app.call('documents.content', { id: document!.id })).text;
}

export async function openPdf(ui: Page, title: string): Promise<void> {
  await ui.getByRole('main').getByRole('button', { name: title, exact: true }).click();
  await expect(ui.locator('.pdf-page[data-page-index="0"] .pdf-text-layer span').first()).toBeAttached({ timeout: budget(10_000) });
}

/**
 * A point just inside one edge of the character at canonical `offset` on
 * the first page, found through the text layer's offsets (reading starts
 * on the right of an Arabic letter, on the left of an English one).
 */
export async function pointAt(ui: Page, offset: number, side: 'right' | 'left'): Promise<{ x: number; y: number }> {
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

export async function drag(ui: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
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
export async function selectionSettled(ui: Page, offset: number): Promise<void> {
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
export async function painted(ui: Page, point: { x: number; y: number }): Promise<boolean> {
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
export async function middleOf(ui: Page, offset: number): Promise<{ x: number; y: number }> {
  const [a, b] = [await pointAt(ui, offset, 'right'), await pointAt(ui, offset, 'left')];
  return { x: (a.x + b.x) / 2, y: a.y };
}


/** The ids of the records of `kind` that a search for `query` finds. */
export async function foundBy(app: AppUnderTest, query: string, kind: 'highlight' | 'passage'): Promise<string[]> {
  const { groups } = await app.call('search.query', { query });
  return groups.flatMap((group) => group.hits.filter((hit) => hit.kind === kind).map((hit) => hit.id));
}

/** Runs `check` once the highlight is painted, then again once painted after the app is reloaded and the PDF opened again. */
export async function checkAcrossReload(ui: Page, title: string, check: () => Promise<void>): Promise<void> {
  const paint = ui.locator('.pdf-page[data-page-index="0"] .pdf-paint--highlight').first();
  await expect(paint).toBeAttached();
  await check();
  await ui.reload();
  await openPdf(ui, title);
  await expect(paint).toBeAttached();
  await check();
}
