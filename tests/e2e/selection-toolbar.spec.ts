import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { buildPdf } from '../support/pdf-builder';
import { budget } from '../support/time-budget';
import { expect, test } from './fixtures';
import { openDocument, selectPhrase } from './reader-helpers';
import { drag, importAndOpen, pointAt, selectionSettled } from './pdf-selection-helpers';

const brief = "Kata'ib Hezbollah denied any role in the attack on the convoy.\n\nOfficials said two guards were wounded at the checkpoint.";

/** The selection's box and the toolbar's, in client pixels. */
async function boxes(ui: Page) {
  const toolbar = await ui.getByRole('toolbar', { name: 'Selected text' }).boundingBox();
  const selection = await ui.evaluate(() => {
    const rect = document.getSelection()!.getRangeAt(0).getBoundingClientRect();
    return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
  });
  if (!toolbar) throw new Error('the selection toolbar is not shown');
  return { toolbar, selection };
}

/** Next to the selection (within a line or two of it), and not over it. */
async function expectBesideSelection(ui: Page): Promise<void> {
  const { toolbar, selection } = await boxes(ui);
  const overlaps = toolbar.x < selection.x + selection.width && selection.x < toolbar.x + toolbar.width && toolbar.y < selection.y + selection.height && selection.y < toolbar.y + toolbar.height;
  expect(overlaps).toBe(false);
  const gap = toolbar.y >= selection.y + selection.height ? toolbar.y - (selection.y + selection.height) : selection.y - (toolbar.y + toolbar.height);
  expect(gap).toBeLessThan(40);
}

test('a toolbar beside the selected text highlights, tags and comments, and the keyboard reaches it', async ({ app }, testInfo) => {
  const { page: ui } = app;
  await app.call('documents.create', { title: 'Convoy report', text: brief });
  await openDocument(ui, 'Convoy report');
  const toolbar = ui.getByRole('toolbar', { name: 'Selected text' });
  await expect(toolbar).toBeHidden();

  await selectPhrase(ui, 'two guards');
  await expect(toolbar).toBeVisible();
  await expectBesideSelection(ui);
  await ui.screenshot({ path: testInfo.outputPath('selection-toolbar-light.png') });
  const audit = await new AxeBuilder({ page: ui }).include('.selection-toolbar').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(audit.violations).toEqual([]);

  // A colour from the toolbar highlights in that colour.
  await toolbar.getByRole('button', { name: /Highlight green/ }).click();
  await expect(ui.locator('.highlight-card')).toHaveCount(1);
  await expect(ui.locator('.highlight-card.highlight-green')).toHaveCount(1);
  await expect(toolbar).toBeHidden();

  // Tab from the selection reaches the toolbar; Comment highlights and puts the cursor in the comment.
  await selectPhrase(ui, "Kata'ib Hezbollah");
  await ui.keyboard.press('Tab');
  await expect(toolbar.getByRole('button').first()).toBeFocused();
  await toolbar.getByRole('button', { name: 'Comment' }).focus();
  await ui.keyboard.press('Enter');
  await expect(ui.locator('.highlight-card')).toHaveCount(2);
  const comment = ui.getByRole('textbox', { name: /Comment/ });
  await expect(comment).toBeFocused();
  await ui.keyboard.type('Denial came a day later.');

  // Tag highlights in the last colour and gives the tag box the focus.
  await selectPhrase(ui, 'the checkpoint');
  await toolbar.getByRole('button', { name: 'Tag' }).click();
  await expect(ui.locator('.highlight-card')).toHaveCount(3);
  await expect(ui.getByRole('combobox', { name: 'Tag with an actor or event' })).toBeFocused();

  // Escape in the toolbar gives the selection back, untouched.
  await selectPhrase(ui, 'the attack');
  await ui.keyboard.press('Tab');
  await ui.keyboard.press('Escape');
  await expect(toolbar).toBeVisible();
  expect(await ui.evaluate(() => document.getSelection()?.toString())).toBe('the attack');
  await ui.emulateMedia({ colorScheme: 'dark' });
  await ui.screenshot({ path: testInfo.outputPath('selection-toolbar-dark.png') });
});

test('the PDF view shows the same toolbar beside a selection', async ({ app }, testInfo) => {
  test.setTimeout(budget(90_000));
  const { page: ui } = app;
  const pdf = buildPdf({ info: { title: 'Checkpoint log' }, pages: [{ lines: ['Checkpoint log', 'The convoy left at dawn from the northern depot.', 'Two trucks turned back at the checkpoint.'] }] });
  const text = await importAndOpen(app, pdf, 'Checkpoint log');
  const from = text.indexOf('northern');
  const to = text.indexOf('depot') + 'depot'.length - 1;
  await drag(ui, await pointAt(ui, from, 'left'), await pointAt(ui, to, 'right'));
  await selectionSettled(ui, to);
  const toolbar = ui.getByRole('toolbar', { name: 'Selected text' });
  await expect(toolbar).toBeVisible();
  await expectBesideSelection(ui);
  await ui.screenshot({ path: testInfo.outputPath('pdf-selection-toolbar-light.png') });
  await toolbar.getByRole('button', { name: /Highlight blue/ }).click();
  await expect(ui.locator('.highlight-card')).toHaveCount(1);
  await expect(ui.locator('.pdf-page[data-page-index="0"] .pdf-paint--highlight').first()).toBeAttached();
});
