import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { highlightWithKey, openDocument, selectPhrase } from './reader-helpers';

const brief = 'Rockets struck the Green Zone at dawn.\n\nOfficials said two people were wounded near the embassy.';

async function createNotebook(ui: Page, name: string): Promise<void> {
  await ui.getByRole('button', { name: /^Notebook:/ }).click();
  const dialog = ui.getByRole('dialog', { name: 'Notebook' });
  await dialog.getByLabel('Name of the new notebook').fill(name);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(ui.getByRole('banner').getByRole('button', { name: new RegExp(`^Notebook: ${name}`) })).toBeVisible();
}

test('a new notebook opens empty: the old notebook\'s document, highlights and views are gone', async ({ app }) => {
  const { page: ui } = app;
  await app.call('documents.create', { title: 'Green Zone brief', text: brief });
  await openDocument(ui, 'Green Zone brief');
  await selectPhrase(ui, 'two people were wounded');
  await highlightWithKey(ui);
  await expect(ui.locator('.highlight-card')).toHaveCount(1);

  await createNotebook(ui, 'Second notebook');
  await expect(ui.locator('#reader-title')).toHaveCount(0);
  await expect(ui.locator('.highlight-card')).toHaveCount(0);
  await expect(ui.getByRole('heading', { level: 1, name: 'Documents' })).toBeVisible();
  await expect(ui.getByText('No documents in this notebook yet')).toBeVisible();
  await expect(ui.getByRole('alert')).toHaveCount(0);
});

test('switching notebooks closes an actor\'s page and clears the search', async ({ app }) => {
  const { page: ui } = app;
  const actor = await app.call('actors.create', { name: 'Esmail Qaani', kind: 'person' });
  await ui.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /^Actors/ }).click();
  await ui.getByRole('main').getByRole('button', { name: actor.name }).click();
  await expect(ui.getByRole('heading', { level: 1, name: actor.name })).toBeVisible();
  await ui.getByRole('searchbox').fill('Qaani');

  await createNotebook(ui, 'Other notebook');
  await expect(ui.getByRole('searchbox')).toHaveValue('');
  await expect(ui.getByRole('heading', { level: 1, name: actor.name })).toHaveCount(0);
  await expect(ui.getByRole('heading', { level: 1, name: 'Documents' })).toBeVisible();
});

test('a comment that cannot be saved stays on screen with the reason', async ({ app }) => {
  const { page: ui } = app;
  const doc = await app.call('documents.create', { title: 'Green Zone brief', text: brief });
  await app.call('highlights.create', { documentId: doc.id, anchor: { quote: 'two people were wounded' }, color: 'yellow' });
  await openDocument(ui, 'Green Zone brief');
  await ui.getByRole('button', { name: /^Show in the text: two people were wounded/ }).click();

  // Main refuses the save, as a full disk or a notebook closed under the page would.
  await ui.route('**/api/v1/call', async (route) => {
    const body = route.request().postDataJSON() as { method: string };
    if (body.method !== 'highlights.update') return route.fallback();
    return route.fulfill({ json: { ok: false, error: { code: 'INTERNAL', message: 'The disk is full.' } } });
  });
  const comment = ui.getByRole('textbox', { name: 'Comment' });
  await comment.fill('Check against the embassy statement.');
  await comment.press('Control+Enter');
  await expect(ui.locator('.highlight-card').getByRole('alert')).toContainText('Not saved: The disk is full.');
  await expect(comment).toHaveValue('Check against the embassy statement.');

  // Once main can save again, the text kept on screen is saved.
  await ui.unroute('**/api/v1/call');
  await comment.press('Control+Enter');
  await expect(ui.locator('.highlight-card').getByRole('alert')).toHaveCount(0);
  await expect.poll(async () => (await app.call('highlights.list', { documentId: doc.id }))[0]?.comment).toBe('Check against the embassy statement.');
});
