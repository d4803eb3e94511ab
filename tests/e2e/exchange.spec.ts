import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, type AppUnderTest } from './fixtures';
import { budget } from '../support/time-budget';

const brief = 'The militia leader met the prime minister in the Green Zone on 3 November. Kataib Hezbollah denied any role.';
const passphrase = 'olive lantern harbour';

/** Serious or critical accessibility problems of what is on screen. */
async function seriousViolations(ui: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page: ui }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** A notebook with a document, an actor and a highlight commented on and linked to it. */
async function notebookWithHighlight(app: AppUnderTest): Promise<{ highlightId: string }> {
  await app.call('settings.update', { authorName: 'Layla Hassan' });
  const document = await app.call('documents.create', { title: 'Brief on the Green Zone meeting', text: brief });
  const actor = await app.call('actors.create', { name: 'Kataib Hezbollah', kind: 'armed-group', aliases: ['KH'] });
  const highlight = await app.call('highlights.create', { documentId: document.id, anchor: { quote: 'Kataib Hezbollah denied any role' }, color: 'yellow', comment: 'A denial, as usual.', actorIds: [actor.id] });
  return { highlightId: highlight.id };
}

/** Export through File › Export notebook…, with a passphrase, and keep the downloaded file. */
async function exportWithPassphrase(ui: Page, file: string, screenshots?: (name: string) => string): Promise<void> {
  await ui.getByRole('button', { name: 'File', exact: true }).click();
  if (screenshots) await ui.screenshot({ path: screenshots('file-menu.png') });
  await ui.getByRole('menuitem', { name: 'Export notebook…' }).click();
  const dialog = ui.getByRole('dialog', { name: 'Export' });
  await expect(dialog.getByRole('radio', { name: /Fieldbook file/ })).toBeChecked();
  if (screenshots) await ui.screenshot({ path: screenshots('export-dialog.png') });
  await dialog.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await dialog.getByLabel('Passphrase again').fill(`${passphrase}!`);
  await dialog.getByRole('button', { name: 'Export' }).click();
  await expect(dialog.getByRole('alert')).toContainText('The two passphrases differ.');
  await dialog.getByLabel('Passphrase again').fill(passphrase);
  const [download] = await Promise.all([ui.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
  expect(download.suggestedFilename()).toBe('Field notes.fieldbook');
  await download.saveAs(file);
  await expect(dialog.getByRole('status')).toContainText('Exported the whole notebook: 1 document, 1 highlight, 1 actor, encrypted with your passphrase.');
  if (screenshots) {
    await ui.screenshot({ path: screenshots('export-done.png') });
    expect(await seriousViolations(ui)).toEqual([]);
  }
  await dialog.getByRole('button', { name: 'Close' }).click();
}

async function chooseFileToMerge(ui: Page, file: string) {
  await ui.getByRole('button', { name: 'File', exact: true }).click();
  await ui.getByRole('menuitem', { name: 'Merge a notebook file…' }).click();
  const dialog = ui.getByRole('dialog', { name: 'Merge a notebook file' });
  await dialog.getByLabel(/\.fieldbook file/).setInputFiles(file);
  await expect(dialog.getByText('“Field notes.fieldbook” is encrypted. Its passphrase:')).toBeVisible();
  return dialog;
}

test.beforeEach(({ app }) => {
  test.skip(app.host === 'electron', 'Electron saves an export through its native save dialog, which Playwright cannot drive.');
});

test('exports an encrypted notebook file, merges it back and into another notebook, and settles what both sides changed', async ({ app }, testInfo) => {
  test.setTimeout(budget(120_000));
  const { page: ui } = app;
  const { highlightId } = await notebookWithHighlight(app);
  const file = testInfo.outputPath('Field notes.fieldbook');
  await exportWithPassphrase(ui, file, (name) => testInfo.outputPath(name));

  // After the export the comment changes here, so the file and the notebook disagree on it.
  await app.call('highlights.update', { id: highlightId, patch: { comment: 'They denied it within the hour.' } });
  let dialog = await chooseFileToMerge(ui, file);
  await dialog.getByLabel(/Its passphrase/).fill(passphrase);
  await dialog.getByRole('button', { name: 'Open the file' }).click();
  await expect(dialog.getByRole('heading', { name: 'What the merge would do' })).toBeVisible();
  const preview = dialog.getByRole('region', { name: 'What the merge would do' });
  await expect(preview).toContainText('A file by Layla Hassan from their notebook “Field notes”');
  await expect(preview.getByRole('definition').nth(1)).toHaveText('1 highlight');
  await expect(preview).toContainText('highlight “Kataib Hezbollah denied any role”: changed on both sides: both versions of its comment are kept.');
  await ui.screenshot({ path: testInfo.outputPath('merge-preview.png') });

  await dialog.getByRole('button', { name: 'Apply the merge' }).click();
  await expect(dialog.getByRole('heading', { name: 'Merged' })).toBeVisible();
  const conflict = dialog.locator('.conflict');
  await expect(conflict.getByRole('region', { name: 'In this notebook' })).toContainText('They denied it within the hour.');
  await expect(conflict.getByRole('region', { name: 'In the file from Layla Hassan' })).toContainText('A denial, as usual.');
  await ui.screenshot({ path: testInfo.outputPath('merge-conflict.png') });
  expect(await seriousViolations(ui)).toEqual([]);
  await conflict.getByRole('button', { name: 'Keep the file’s' }).click();
  await expect(dialog.getByText('No open conflicts')).toBeVisible();
  expect((await app.call('highlights.list', {}))[0]?.comment).toBe('A denial, as usual.');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Another notebook, with its own spelling of the same armed group: the merge proposes them as one actor.
  await app.call('notebook.create', { name: 'Team notebook' });
  await expect(ui.getByRole('banner').getByRole('button', { name: /^Notebook: Team notebook/ })).toBeVisible();
  const local = await app.call('actors.create', { name: 'Kata’ib Hizballah', kind: 'armed-group', aliases: ['KH'] });
  dialog = await chooseFileToMerge(ui, file);
  await dialog.getByLabel(/Its passphrase/).fill(passphrase);
  await dialog.getByRole('button', { name: 'Open the file' }).click();
  await dialog.getByRole('button', { name: 'Apply the merge' }).click();
  const report = dialog.getByRole('region', { name: 'What the merge did' });
  await expect(report.getByRole('definition').first()).toHaveText('1 document, 1 highlight, 1 actor');
  await expect(report).toContainText('“Kataib Hezbollah” from the file and “Kata’ib Hizballah” here, both called “KH”.');
  await ui.screenshot({ path: testInfo.outputPath('merge-proposal.png') });
  await report.getByRole('button', { name: 'Merge into “Kata’ib Hizballah”' }).click();
  await expect(report).toContainText('Merged into “Kata’ib Hizballah”');
  const actors = await app.call('actors.list', {});
  expect(actors.map((actor) => actor.id)).toEqual([local.id]);
  expect(actors[0]?.aliases).toContain('Kataib Hezbollah');
});

test('a wrong passphrase says so and merges nothing', async ({ app }, testInfo) => {
  const { page: ui } = app;
  await notebookWithHighlight(app);
  const file = testInfo.outputPath('Field notes.fieldbook');
  await exportWithPassphrase(ui, file);
  await app.call('notebook.create', { name: 'Empty notebook' });
  await expect(ui.getByRole('banner').getByRole('button', { name: /^Notebook: Empty notebook/ })).toBeVisible();

  const dialog = await chooseFileToMerge(ui, file);
  await dialog.getByLabel(/Its passphrase/).fill('not the passphrase');
  await dialog.getByRole('button', { name: 'Open the file' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('That passphrase is wrong for this file. Check it with whoever sent the file; nothing was merged.');
  await expect(dialog.getByLabel(/Its passphrase/)).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByRole('button', { name: 'Apply the merge' })).toHaveCount(0);
  await ui.screenshot({ path: testInfo.outputPath('merge-wrong-passphrase.png') });
  expect(await app.call('documents.list', {})).toEqual([]);
  expect(await app.call('highlights.list', {})).toEqual([]);
});

test('exports a Markdown report of a document for other tools, and lists no conflicts in a fresh notebook', async ({ app }, testInfo) => {
  const { page: ui } = app;
  await notebookWithHighlight(app);
  await ui.getByRole('button', { name: 'File', exact: true }).click();
  await ui.getByRole('menuitem', { name: 'Export for other tools…' }).click();
  const dialog = ui.getByRole('dialog', { name: 'Export' });
  await expect(dialog.getByRole('radio', { name: /Web Annotations/ })).toBeChecked();
  await dialog.getByRole('radio', { name: /Markdown report/ }).check();
  await expect(dialog.getByLabel('Passphrase again')).toHaveCount(0);
  await dialog.getByLabel('Which document').selectOption({ label: 'Brief on the Green Zone meeting' });
  const [download] = await Promise.all([ui.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
  expect(download.suggestedFilename()).toBe('Field notes.md');
  const file = testInfo.outputPath('report.md');
  await download.saveAs(file);
  const report = await readFile(file, 'utf8');
  expect(report).toContain('Kataib Hezbollah denied any role');
  expect(report).toContain('A denial, as usual.');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await ui.getByRole('button', { name: 'File', exact: true }).click();
  await ui.getByRole('menuitem', { name: 'Merge conflicts…' }).click();
  await expect(ui.getByRole('dialog', { name: 'Merge conflicts' }).getByText('No open conflicts')).toBeVisible();
});
