import { buildPdf } from '../support/pdf-builder';
import { budget } from '../support/time-budget';
import { expect, test } from './fixtures';
import { checkAcrossReload, drag, foundBy, importAndOpen, painted, pointAt, selectionSettled } from './pdf-selection-helpers';
import { highlightWithKey } from './reader-helpers';

// Importing a PDF (in worker threads) takes a few seconds on a busy machine before the test can start.
test.describe.configure({ timeout: budget(90_000) });

const TITLE = 'Hyphenated court report';

test('a word hyphenated at a line end is one word: found as a phrase, and highlighted across the line end on both lines', async ({ app }) => {
  const ui = app.page;
  const bytes = buildPdf({ info: { title: TITLE }, fontSize: 16, pages: [{ lines: ['The court heard that the lawsuit say-', 'ing nothing new was dismissed.'] }] });
  const text = await importAndOpen(app, bytes, TITLE);
  expect(text).toBe('The court heard that the lawsuit saying nothing new was dismissed.');
  const [document] = await app.call('documents.list', {});
  await expect.poll(() => foundBy(app, '"lawsuit saying"', 'passage')).toEqual([document!.id]);

  const words = 'lawsuit saying';
  const start = text.indexOf(words);
  const end = start + words.length;
  await drag(ui, await pointAt(ui, start, 'left'), await pointAt(ui, end - 1, 'right'));
  await selectionSettled(ui, end - 1);
  await highlightWithKey(ui);
  const highlights = await app.call('highlights.list', { documentId: document!.id });
  expect(highlights.map((highlight) => highlight.target.quote.exact)).toEqual([words]);

  // "lawsuit say" on the first line and "ing" on the second are painted, the neighbouring words are not.
  const inside = [start, start + 'lawsuit say'.length - 1, start + 'lawsuit say'.length, end - 1];
  const outside = [start - 2, end + 1];
  const check = async () => {
    for (const offset of inside) expect(await painted(ui, await pointAt(ui, offset, 'left'))).toBe(true);
    for (const offset of outside) expect(await painted(ui, await pointAt(ui, offset, 'left'))).toBe(false);
  };
  await checkAcrossReload(ui, TITLE, check);
});
