import { expect, test } from './fixtures';

test.describe('app shell', () => {
  test('opens the notebook with the library and an empty state that says what to do first', async ({ app }) => {
    const { page } = app;
    await expect(page).toHaveTitle('Fieldbook');
    await expect(page.getByRole('banner')).toContainText('Field notes');
    const library = page.getByRole('navigation', { name: 'Library' });
    for (const section of ['Documents', 'Actors', 'Events', 'Notes']) await expect(library.getByRole('button', { name: new RegExp(`^${section}`) })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Documents' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'No documents in this notebook yet' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Set your name' })).toBeVisible();
    await expect(page.getByRole('contentinfo')).toContainText(app.notebookDir);
  });

  test('moves between sections with the keyboard', async ({ app }) => {
    const { page } = app;
    const library = page.getByRole('navigation', { name: 'Library' });
    await library.getByRole('button', { name: /^Documents/ }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('heading', { level: 1, name: 'Actors' })).toBeVisible();
    await expect(library.getByRole('button', { name: /^Actors/ })).toBeFocused();
    await page.keyboard.press('End');
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await page.keyboard.press('Home');
    await expect(page.getByRole('heading', { level: 1, name: 'Documents' })).toBeVisible();
    await page.keyboard.press('Alt+3');
    await expect(page.getByRole('heading', { level: 1, name: 'Events' })).toBeVisible();
    // Only the current section is a tab stop: Tab leaves the list.
    await expect(library.locator('button[tabindex="0"]')).toHaveCount(1);
  });

  test('focuses search from anywhere with Ctrl+K or /', async ({ app }) => {
    const { page } = app;
    const search = page.getByRole('searchbox', { name: 'Search documents' });
    await page.keyboard.press('Control+k');
    await expect(search).toBeFocused();
    await search.blur();
    await page.keyboard.press('/');
    await expect(search).toBeFocused();
    await search.fill('anything');
    await page.keyboard.press('Escape');
    await expect(search).toHaveValue('');
  });

  test('keeps the chosen theme across a reload', async ({ app }) => {
    const { page } = app;
    const html = page.locator('html');
    await expect(html).not.toHaveAttribute('data-theme');
    await page.getByRole('button', { name: /^Theme: System/ }).click();
    await expect(html).toHaveAttribute('data-theme', 'light');
    await page.getByRole('button', { name: /^Theme: Light/ }).click();
    await expect(html).toHaveAttribute('data-theme', 'dark');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(22, 25, 28)');
    await page.reload();
    await expect(html).toHaveAttribute('data-theme', 'dark');
  });

  test('saves the display name, in Arabic, right to left', async ({ app }) => {
    const { page } = app;
    await page.getByRole('button', { name: 'Set your name' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    const name = page.getByLabel('Display name');
    await name.fill('زينب الحسيني');
    expect(await name.evaluate((input) => getComputedStyle(input).direction)).toBe('rtl');
    await page.getByRole('button', { name: 'Save name' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    await page.reload();
    await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByLabel('Display name')).toHaveValue('زينب الحسيني');
  });

  test('shows right-to-left input in the search box right to left', async ({ app }) => {
    const search = app.page.getByRole('searchbox');
    await search.fill('الحشد الشعبي');
    expect(await search.evaluate((input) => getComputedStyle(input).direction)).toBe('rtl');
    await search.fill('Popular Mobilization');
    expect(await search.evaluate((input) => getComputedStyle(input).direction)).toBe('ltr');
  });
});
