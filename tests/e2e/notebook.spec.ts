import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, foreignLock, test } from './fixtures';

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

  // A new notebook goes where main keeps notebooks, named after it: the page names no folder.
  await dialog.getByLabel('Name of the new notebook').fill('Second notebook');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('banner').getByRole('button', { name: /^Notebook: Second notebook/ })).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText(path.join('data', 'notebooks', 'Second notebook'));

  await page.getByRole('button', { name: /^Notebook: Second notebook/ }).click();
  await dialog.getByRole('button', { name: 'Open دفتر بغداد' }).click();
  await expect(page.getByRole('banner').getByRole('button', { name: /^Notebook: دفتر بغداد/ })).toBeVisible();
});

test('opens other folders only through the host, and refuses a folder named by the page', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: /^Notebook:/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Notebook' });
  if (app.host === 'browser') {
    // The browser has no folder dialog main could trust: the way to another folder is said, not offered.
    await expect(dialog.getByText('fieldbook serve --notebook FOLDER')).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Open a folder…' })).toHaveCount(0);
  } else {
    await expect(dialog.getByRole('button', { name: 'Open a folder…' })).toBeVisible();
  }
  await expect(app.call('notebook.open', { path: path.dirname(app.notebookDir) } as never)).rejects.toThrow(/Invalid arguments/);
  await expect(app.call('notebook.create', { name: 'Planted', path: path.dirname(app.notebookDir) } as never)).rejects.toThrow(/Invalid arguments/);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('contentinfo')).toContainText(app.notebookDir);
});

test.describe('when the notebook at start is open in a Fieldbook on another computer', () => {
  test.use({ notebookLockedElsewhere: true });

  test('opens to the notebook chooser with the reason, then works in another notebook', async ({ app }, testInfo) => {
    const { page } = app;
    await expect(page.getByRole('heading', { level: 1, name: 'Choose a notebook' })).toBeVisible();
    const reason = page.getByRole('alert');
    await expect(reason).toContainText(app.notebookDir);
    await expect(reason).toContainText(`open in another Fieldbook (pid ${foreignLock.pid} on ${foreignLock.hostname})`);
    await page.screenshot({ path: testInfo.outputPath('locked-start-chooser.png') });
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'open in another Fieldbook' })).toBeVisible();

    await page.getByLabel('Name of the new notebook').fill('Baghdad, November');
    await page.getByRole('button', { name: 'Create' }).click();
    await expect(page.getByRole('banner').getByRole('button', { name: /^Notebook: Baghdad, November/ })).toBeVisible();
    await app.call('actors.create', { name: 'Esmail Qaani', kind: 'person' });
    await expect(page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /^Actors/ })).toContainText('1');
    // The other computer's lock is respected, not taken over.
    expect(JSON.parse(await readFile(path.join(app.notebookDir, '.lock'), 'utf8'))).toMatchObject(foreignLock);
  });
});
