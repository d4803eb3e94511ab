import path from 'node:path';
import { expect, test } from './fixtures';

test('lists the notebook\'s records, in any script, and filters them', async ({ app }) => {
  const { page } = app;
  await app.call('actors.create', { name: 'Kata\'ib Hezbollah', kind: 'armed-group', aliases: ['كتائب حزب الله', 'KH'] });
  await app.call('actors.create', { name: 'Esmail Qaani', kind: 'person', aliases: ['Qaani'] });
  const library = page.getByRole('navigation', { name: 'Library' });
  await expect(library.getByRole('button', { name: /^Actors/ })).toContainText('2');
  await library.getByRole('button', { name: /^Actors/ }).click();
  const list = page.getByRole('list').filter({ hasText: 'Qaani' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  const arabic = page.getByText('armed-group · كتائب حزب الله · KH');
  await expect(arabic).toHaveAttribute('dir', 'auto');
  await page.getByRole('searchbox', { name: 'Search actors' }).fill('qaani');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(page.getByText('1 of 2 actors')).toBeVisible();
});

test('renames the notebook, creates another, and switches back through the recent list', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: /^Notebook: Field notes/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Notebook' });
  await dialog.getByLabel('Name of this notebook').fill('دفتر بغداد');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByRole('banner').getByRole('button', { name: /^Notebook: دفتر بغداد/ })).toBeVisible();

  const second = path.join(path.dirname(app.notebookDir), 'Second notebook');
  await dialog.getByLabel('Folder on this computer').fill(second);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('banner').getByRole('button', { name: /^Notebook: Second notebook/ })).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText(second);

  await page.getByRole('button', { name: /^Notebook: Second notebook/ }).click();
  await dialog.getByRole('button', { name: 'Open دفتر بغداد' }).click();
  await expect(page.getByRole('banner').getByRole('button', { name: /^Notebook: دفتر بغداد/ })).toBeVisible();
});

test('says clearly when a folder is not a notebook, and stays on the open one', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: /^Notebook:/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Notebook' });
  await dialog.getByLabel('Folder on this computer').fill('/definitely/not/here');
  await dialog.getByRole('button', { name: 'Open' }).click();
  await expect(dialog.getByRole('status')).toContainText('is not a Fieldbook notebook');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('contentinfo')).toContainText(app.notebookDir);
});
