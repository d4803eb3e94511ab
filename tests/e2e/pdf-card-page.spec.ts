import { buildPdf } from '../support/pdf-builder';
import { budget } from '../support/time-budget';
import { expect, test } from './fixtures';
import { importAndOpen } from './pdf-selection-helpers';

test('a PDF highlight card names the page its passage starts on', async ({ app }) => {
  test.setTimeout(budget(90_000));
  const { page: ui } = app;
  const pdf = buildPdf({ info: { title: 'Checkpoint log' }, pages: [{ lines: ['Checkpoint log', 'The convoy left at dawn.'] }, { lines: ['Two trucks turned back at the checkpoint.'] }] });
  const text = await importAndOpen(app, pdf, 'Checkpoint log');
  const [document] = await app.call('documents.list', {});
  // As the PDF view creates it: the 0-based page where the passage starts.
  const start = text.indexOf('Two trucks');
  await app.call('highlights.create', { documentId: document!.id, anchor: { start, end: start + 'Two trucks'.length, page: 1 }, color: 'blue', comment: '', tags: [] });
  const card = ui.locator('.highlight-card', { hasText: 'Two trucks' });
  await expect(card).toBeVisible();
  await expect(card.locator('.highlight-meta')).toContainText('p. 2');
  // The list of every highlight says the page too.
  await ui.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /^Highlights/ }).click();
  await expect(ui.getByText('p. 2', { exact: false }).first()).toBeVisible();
});
