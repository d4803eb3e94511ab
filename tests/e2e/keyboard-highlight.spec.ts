import { expect, test } from './fixtures';
import { openDocument } from './reader-helpers';

const brief = "Kata'ib Hezbollah denied any role in the attack on the convoy.\n\nOfficials said two guards were wounded at the checkpoint.";

const selected = (ui: import('@playwright/test').Page) => ui.evaluate(() => document.getSelection()?.toString() ?? '');

test('a find match is selected; Shift+arrows extend it and the highlight keys highlight it, no mouse needed', async ({ app }) => {
  const { page: ui } = app;
  await app.call('documents.create', { title: 'Convoy report', text: brief });
  await openDocument(ui, 'Convoy report');

  await ui.keyboard.press('Control+f');
  await ui.keyboard.type('two guards');
  await ui.keyboard.press('Enter');
  await expect.poll(() => selected(ui)).toBe('two guards');
  // Escape leaves the find box with the match still selected and the query kept.
  await ui.keyboard.press('Escape');
  await expect(ui.getByRole('searchbox', { name: 'Find in document' })).not.toBeFocused();
  await expect(ui.getByRole('searchbox', { name: 'Find in document' })).toHaveValue('two guards');
  await expect(ui.getByRole('toolbar', { name: 'Selected text' })).toBeVisible();

  // Shift+Ctrl+Right adds a word, Shift+Right a character, Shift+Left takes one back.
  await ui.keyboard.press('Shift+Control+ArrowRight');
  await expect.poll(() => selected(ui)).toBe('two guards were');
  await ui.keyboard.press('Shift+ArrowRight');
  await ui.keyboard.press('Shift+ArrowLeft');
  await expect.poll(() => selected(ui)).toBe('two guards were');

  await ui.keyboard.press('2');
  const card = ui.locator('.highlight-card');
  await expect(card).toHaveCount(1);
  await expect(card).toHaveClass(/highlight-green/);
  const [highlight] = await app.call('highlights.list', { documentId: (await app.call('documents.list', {}))[0]!.id });
  expect(highlight?.target.quote.exact).toBe('two guards were');

  // The next match, then H: the last colour.
  await ui.keyboard.press('Control+f');
  await ui.keyboard.press('Control+a');
  await ui.keyboard.type('convoy');
  await ui.keyboard.press('Enter');
  await expect.poll(() => selected(ui)).toBe('convoy');
  await ui.keyboard.press('Escape');
  await expect(ui.getByRole('toolbar', { name: 'Selected text' })).toBeVisible();
  await ui.keyboard.press('h');
  await expect(card).toHaveCount(2);
  await expect(ui.locator('.highlight-card.highlight-green', { hasText: 'convoy' })).toHaveCount(1);
});
