import type { Page } from '@playwright/test';
import { chromiumPdf, missingFor, rtlCorpus } from '../support/rtl-pdf-fixtures';
import { budget } from '../support/time-budget';
import { expect, test } from './fixtures';
import { checkAcrossReload, drag, foundBy, importAndOpen, middleOf, painted, pointAt, selectionSettled } from './pdf-selection-helpers';
import { highlightWithKey } from './reader-helpers';

// Importing a PDF (in worker threads) takes a few seconds on a busy machine before each test can start.
test.describe.configure({ timeout: budget(90_000) });

const TITLE = 'Arabic selection sample';
// An Arabic line and an English line quoting an Arabic name.
const LINES = [rtlCorpus[0]!, rtlCorpus[8]!];
const missing = missingFor('chromium');

interface Selecting {
  words: string;
  /** Makes the selection of `words`, which stand at [start, end) of the canonical text. */
  select(ui: Page, start: number, end: number): Promise<void>;
}

/**
 * A drag over `words` from the first letter to the last, or back: reading
 * starts on the `reading` side of a letter (the right, in Arabic), so the
 * drag runs from just inside that side of the first letter to just inside
 * the other side of the last.
 */
function dragging(words: string, reading: 'right' | 'left', backwards: boolean): Selecting {
  return {
    words,
    async select(ui, start, end) {
      const first = await pointAt(ui, start, reading);
      const last = await pointAt(ui, end - 1, reading === 'right' ? 'left' : 'right');
      await (backwards ? drag(ui, last, first) : drag(ui, first, last));
      await selectionSettled(ui, backwards ? start : end - 1);
    },
  };
}

const cases: Record<string, Selecting> = {
  'dragging right to left over Arabic words': dragging('الخطوط العربية', 'right', false),
  'dragging left to right over Arabic words': dragging('الخطوط العربية', 'right', true),
  'dragging left to right over English words beside an Arabic name': dragging('field notes quote', 'left', false),
  'dragging right to left over English words beside an Arabic name': dragging('field notes quote', 'left', true),
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
    const text = await importAndOpen(app, await chromiumPdf(LINES, TITLE), TITLE);
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
    await checkAcrossReload(ui, TITLE, check);

    // The words, searched as a phrase, find the highlight.
    await expect.poll(() => foundBy(app, `"${words}"`, 'highlight')).toEqual([highlights[0]!.id]);
  });
}
