import { expect, test } from './fixtures';
import { file } from './reader-helpers';
import { budget } from '../support/time-budget';

/** A long text, so the passage searched for sits far below the first screen. */
function longBrief(): string {
  const filler = Array.from({ length: 60 }, (_, i) => `Paragraph ${i + 1} describes the water shortage in the southern provinces and the council's response.`);
  return ['Field brief', '', ...filler.flatMap((line) => [line, '']), "Kata'ib Hezbollah denied any role in the attack on the convoy near the Green Zone in November.", '', 'The end.'].join('\n');
}

test('finds an imported document as one types, and opens the reader at the passage with the words marked', async ({ app }) => {
  // Importing starts an extraction worker: slow on a busy machine.
  test.setTimeout(budget(120_000));
  const { page } = app;
  await page.getByLabel('Files to import').setInputFiles([file('field-brief.txt', 'text/plain', longBrief())]);
  const summary = page.getByRole('dialog', { name: 'Import finished' });
  await expect(summary).toContainText('1 imported', { timeout: budget(90_000) });
  await summary.getByRole('button', { name: 'Close' }).click();

  const search = page.getByRole('searchbox', { name: 'Search documents' });
  await search.fill('kataib conv');
  const results = page.getByRole('listbox', { name: 'Search results' });
  const hit = results.getByRole('option').first();
  await expect(hit).toContainText('denied any role in the attack');
  await expect(hit.locator('mark')).toHaveText(["Kata'ib", 'convoy']);

  // Keyboard: from the search box, Enter opens the selected hit.
  await search.press('Enter');
  await expect(page.locator('#reader-title')).toHaveText('Field brief');
  await expect(page.locator('.reader-content').getByText('denied any role in the attack on the convoy')).toBeInViewport();
  await expect(page.locator('.find-count')).toHaveText(/2 matches/);
});

test('searches Arabic, highlights and actors, and filters by kind', async ({ app }) => {
  const { page } = app;
  const document = await app.call('documents.create', { title: 'تقرير بغداد', text: 'اجتمع قادة الحَشْد الشَّعْبِيّ في بغداد.\n\nوقالت كتائب حزب الله إنها لم تشارك في الهجوم على القافلة.' });
  await app.call('highlights.create', { documentId: document.id, anchor: { quote: 'كتائب حزب الله' }, comment: 'denial of the convoy attack' });
  await app.call('actors.create', { name: 'Kata\'ib Hezbollah', kind: 'armed-group', aliases: ['كتائب حزب الله'] });

  const search = page.getByRole('searchbox');
  const results = page.getByRole('listbox', { name: 'Search results' });
  await search.fill('الحشد');
  await expect(results.getByRole('group', { name: 'تقرير بغداد' })).toBeVisible();

  await search.fill('كتايب');
  await expect(results.getByRole('group')).toHaveCount(2);
  await page.getByRole('checkbox', { name: 'Actors' }).check();
  await expect(results.getByRole('group')).toHaveCount(1);
  await expect(results.getByRole('group', { name: "Kata'ib Hezbollah" })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Actors' }).uncheck();

  await search.fill('convoy denial');
  await expect(results.getByRole('option').first()).toContainText('denial of the convoy attack');

  // Special characters never break a search.
  await search.fill('"كتائب حزب الله" ^~*: +-');
  await expect(page.locator('.search-count')).toHaveText('2 matches');
  await expect(page.getByRole('alert')).toHaveCount(0);
});
