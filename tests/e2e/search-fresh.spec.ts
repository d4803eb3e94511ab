import type { Route } from '@playwright/test';
import { expect, test } from './fixtures';

test('Enter opens the first result of what is typed now, and an older answer never shows above it', async ({ app }) => {
  const { page: ui } = app;
  await app.call('actors.create', { name: 'Esmail Qaani', kind: 'person' });
  await app.call('documents.create', { title: 'Convoy report', text: "Kata'ib Hezbollah denied any role in the attack on the convoy." });
  const search = ui.getByRole('searchbox');
  const results = ui.getByRole('listbox', { name: 'Search results' });
  await search.fill('qaani');
  await expect(results.getByRole('group', { name: 'Esmail Qaani' })).toBeVisible();

  // The answer for the new words is held back until Enter has been pressed.
  const held: Route[] = [];
  await ui.route('**/api/v1/call', async (route) => {
    const body = route.request().postDataJSON() as { method: string; args: { query?: string } };
    if (body.method === 'search.query' && body.args.query === 'kataib') held.push(route);
    else await route.fallback();
  });
  await search.fill('kataib');
  await expect.poll(() => held.length).toBe(1);
  await expect(results.getByRole('option')).toHaveCount(0);
  await expect(ui.locator('.search-count')).toHaveText('Searching…');
  await search.press('Enter');
  await expect(ui.getByRole('heading', { level: 1, name: 'Esmail Qaani' })).toHaveCount(0);

  await ui.unroute('**/api/v1/call');
  for (const route of held) await route.fallback();
  await expect(ui.locator('#reader-title')).toHaveText('Convoy report');
});

test('a word of a document\'s title ranks it, but hits and marks come from the passages that hold the words', async ({ app }) => {
  const { page: ui } = app;
  const filler = ' Traffic was heavy and shops stayed open late into the evening.'.repeat(20);
  const text = ['Al Rasheed street was closed.', 'Al Mansour district was quiet.', 'Al-Kadhimi met the council.', 'Al Karkh saw protests.'].map((sentence) => sentence + filler).join('\n\n');
  await app.call('documents.create', { title: 'Al-Kadhimi visits Baghdad', text });
  await ui.getByRole('searchbox').fill('al-kadhimi');
  const group = ui.getByRole('listbox', { name: 'Search results' }).getByRole('group', { name: 'Al-Kadhimi visits Baghdad' });
  await expect(group.getByRole('option')).toHaveCount(1);
  await expect(group.getByRole('option')).toContainText('Al-Kadhimi met the council.');
  await expect(group.locator('mark')).toHaveText(['Al', 'Kadhimi']);
  await expect(group.locator('.search-more')).toHaveCount(0);
});
