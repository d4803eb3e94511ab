import { expect, test } from './fixtures';
import { openDocument, paintedText, selectPhrase } from './reader-helpers';
import { budget } from '../support/time-budget';

const river = Array.from({ length: 70 }, (_, i) => `Report ${i} says the river rose by ${i % 9} centimetres near the pumping station.`).join('\n\n');
const market = 'The market reopened on Thursday.\n\nTraders said the prices of flour and fuel had doubled since spring.';

test('lists every highlight a page at a time, filters them, and opens one at its passage', async ({ app }) => {
  // Sixty highlights made through the API, each one saved and indexed for search as the UI would.
  test.setTimeout(budget(90_000));
  const { page: ui } = app;
  const riverDoc = await app.call('documents.create', { title: 'River gauge reports', text: river });
  await app.call('settings.update', { authorName: 'Huda Karim' });
  await Promise.all(
    Array.from({ length: 60 }, (_, i) => app.call('highlights.create', { documentId: riverDoc.id, anchor: { quote: `Report ${i} says` }, color: i % 10 === 0 ? 'blue' : 'yellow' })),
  );
  const marketDoc = await app.call('documents.create', { title: 'Market notes', text: market });
  const tag = await app.call('tags.create', { name: 'prices', color: '#c0392b' });
  await app.call('settings.update', { authorName: 'Sami Rahim' });
  await app.call('highlights.create', { documentId: marketDoc.id, anchor: { quote: 'prices of flour and fuel had doubled' }, color: 'pink', comment: 'Check against the bakery survey.', tags: [tag.id] });

  await ui.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Highlights' }).click();
  const view = ui.getByRole('main');
  // The newest document comes first.
  await expect(view.getByText('1–50 of 61')).toBeVisible();
  await expect(view.locator('.highlight-card').first()).toContainText('prices of flour and fuel had doubled');
  await view.getByRole('button', { name: 'Next' }).click();
  await expect(view.getByText('51–61 of 61')).toBeVisible();
  await expect(view.getByRole('button', { name: 'Next' })).toBeDisabled();

  await view.getByLabel('Colour').selectOption('blue');
  await expect(view.locator('.highlight-card')).toHaveCount(6);
  await expect(view.getByText('1–6 of 6')).toBeVisible();
  await view.getByLabel('Colour').selectOption('');
  await view.getByLabel('Tag').selectOption({ label: 'prices' });
  await expect(view.locator('.highlight-card')).toHaveCount(1);
  await expect(view.locator('.highlight-card')).toContainText('Check against the bakery survey.');
  await view.getByLabel('Tag').selectOption('');
  await view.getByLabel('Document').selectOption({ label: 'River gauge reports' });
  await expect(view.getByText('1–50 of 60')).toBeVisible();
  await view.getByLabel('Document').selectOption('');
  await view.getByLabel('Author').fill('sami rahim');
  await view.getByLabel('Author').press('Enter');
  await expect(view.locator('.highlight-card')).toHaveCount(1);

  // Under load the list can still move as late answers (tags, counts) arrive, and a click
  // aimed at the old place misses; once the reader is open the button is gone.
  const readerHeading = ui.getByRole('heading', { level: 1, name: 'Market notes' });
  await expect(async () => {
    if (!(await readerHeading.isVisible())) await view.getByRole('button', { name: 'prices of flour and fuel had doubled' }).click({ timeout: budget(2_000) });
    await expect(readerHeading).toBeVisible({ timeout: budget(2_000) });
  }).toPass({ timeout: budget(15_000) });
  // The passage flashes when the reader opens on it.
  await expect
    .poll(() => ui.evaluate(() => [...(CSS.highlights.get('fb-text-flash') ?? [])].map((range) => range.toString())))
    .toEqual(['prices of flour and fuel had doubled']);
});

test('tags highlights and documents from the reader, with colours', async ({ app }) => {
  const { page: ui } = app;
  await app.call('documents.create', { title: 'Market notes', text: market });
  await ui.reload();
  await ui.getByRole('heading', { level: 1 }).first().waitFor();
  await openDocument(ui, 'Market notes');
  await selectPhrase(ui, 'The market reopened');
  await ui.keyboard.press('2');
  await expect.poll(() => paintedText(ui)).toEqual({ green: ['The market reopened'] });

  const sidebar = ui.getByRole('complementary', { name: /Highlights/ });
  await sidebar.getByLabel('Add a tag to this highlight').fill('Reopening');
  await sidebar.getByLabel('Add a tag to this highlight').press('Enter');
  await expect(sidebar.getByRole('list', { name: 'Tags of this highlight' })).toContainText('Reopening');
  // The same word on the document reuses the tag rather than making a second one.
  await ui.getByLabel('Add a tag to this document').fill('reopening');
  await ui.getByLabel('Add a tag to this document').press('Enter');
  await expect(ui.getByRole('list', { name: 'Tags of this document' })).toContainText('Reopening');
  const tags = await app.call('tags.list', {});
  expect(tags.map((tag) => tag.name)).toEqual(['Reopening']);
  const [document] = await app.call('documents.list', {});
  expect(document?.tags).toEqual([tags[0]?.id]);

  await sidebar.getByLabel('Colour of tag Reopening').fill('#123456');
  await expect.poll(async () => (await app.call('tags.list', {}))[0]?.color).toBe('#123456');
  await sidebar.getByRole('button', { name: 'Remove tag Reopening from this highlight' }).click();
  await expect.poll(async () => (await app.call('highlights.list', {}))[0]?.tags).toEqual([]);
});
