import { expect, test } from './fixtures';
import { file } from './reader-helpers';

test('the Actors page makes a new actor and opens it', async ({ app }, testInfo) => {
  const { page: ui } = app;
  await ui.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /^Actors/ }).click();
  await ui.getByRole('button', { name: 'New actor' }).click();
  const form = ui.getByRole('form', { name: 'New actor' });
  await form.getByLabel('Name').fill('Esmail Qaani');
  await form.getByLabel('Kind').selectOption('person');
  await ui.screenshot({ path: testInfo.outputPath('new-actor-light.png') });
  await form.getByRole('button', { name: 'Create actor' }).click();
  await expect(ui.getByRole('heading', { level: 1, name: 'Esmail Qaani' })).toBeVisible();
  expect(await app.call('actors.list', {})).toEqual([expect.objectContaining({ name: 'Esmail Qaani', kind: 'person' })]);
});

test('the Events list makes a new event and opens its page', async ({ app }) => {
  const { page: ui } = app;
  await ui.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /^Events/ }).click();
  await ui.getByRole('button', { name: 'New event' }).click();
  const form = ui.getByRole('form', { name: 'New event' });
  await form.getByLabel('Title').fill('Drone attack on the residence');
  await form.getByRole('textbox', { name: 'Date' }).fill('7 Nov 2021');
  await form.getByRole('button', { name: 'Save event' }).click();
  await expect(ui.getByRole('heading', { level: 1, name: 'Drone attack on the residence' })).toBeVisible();
  await ui.getByRole('button', { name: 'Back' }).click();
  await expect(ui.getByRole('main').getByRole('button', { name: 'Drone attack on the residence' })).toBeVisible();
});

test('the File menu imports files and switches notebooks', async ({ app }, testInfo) => {
  const { page: ui } = app;
  await ui.getByRole('button', { name: 'File', exact: true }).click();
  const menu = ui.getByRole('menu', { name: 'File' });
  await app.call('settings.update', { theme: 'dark' });
  await expect(ui.locator('html')).toHaveAttribute('data-theme', 'dark');
  await ui.screenshot({ path: testInfo.outputPath('file-menu-dark.png') });
  await expect(menu.getByRole('menuitem')).toHaveText(['Import files…', 'Import folder…', 'Switch or create a notebook…', 'Export notebook…', 'Merge a notebook file…', 'Export for other tools…', 'Merge conflicts…']);
  const chooser = ui.waitForEvent('filechooser');
  await menu.getByRole('menuitem', { name: 'Import files…' }).click();
  await (await chooser).setFiles([file('brief.txt', 'text/plain', 'Rockets struck the Green Zone at dawn.')]);
  const summary = ui.getByRole('dialog', { name: 'Import finished' });
  await expect(summary).toContainText('1 imported');
  await summary.getByRole('button', { name: 'Close' }).click();

  await ui.getByRole('button', { name: 'File', exact: true }).click();
  await menu.getByRole('menuitem', { name: 'Switch or create a notebook…' }).click();
  await expect(ui.getByRole('dialog', { name: 'Notebook' }).getByLabel('Name of the new notebook')).toBeVisible();
});
