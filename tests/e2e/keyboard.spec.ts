import { expect, test } from './fixtures';
import { highlightWithKey, openDocument, selectPhrase } from './reader-helpers';

const brief = "Kata'ib Hezbollah denied any role in the attack on the convoy.\n\nOfficials said two guards were wounded.";

test('after H the tag box has the focus, and Enter tags the passage with the option shown', async ({ app }) => {
  const { page: ui } = app;
  await app.call('actors.create', { name: "Kata'ib Hezbollah", kind: 'armed-group' });
  await app.call('documents.create', { title: 'Convoy report', text: brief });
  await openDocument(ui, 'Convoy report');
  await selectPhrase(ui, "Kata'ib Hezbollah");
  await highlightWithKey(ui);
  const card = ui.locator('.highlight-card');
  const picker = card.getByRole('combobox', { name: 'Tag with an actor or event' });
  await expect(picker).toBeFocused();
  await expect(card.getByRole('option', { name: /Kata'ib Hezbollah \(actor\)/ })).toBeVisible();
  await ui.keyboard.press('Enter');
  await expect(card.getByRole('list', { name: 'Tagged with' }).getByRole('listitem')).toHaveText([/Kata'ib Hezbollah/]);
  // The chip is a link to the actor's page.
  await card.getByRole('list', { name: 'Tagged with' }).getByRole('button', { name: "Kata'ib Hezbollah", exact: true }).click();
  await expect(ui.getByRole('heading', { level: 1, name: "Kata'ib Hezbollah" })).toBeVisible();
});

test('a document opened with Enter has the focus, and ? lists the shortcuts', async ({ app }, testInfo) => {
  const { page: ui } = app;
  await app.call('documents.create', { title: 'Convoy report', text: brief });
  const search = ui.locator('#search-input');
  await search.fill('convoy');
  await expect(ui.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toBeVisible();
  await search.press('Enter');
  await expect(ui.locator('#reader-title')).toBeFocused();

  await ui.keyboard.press('?');
  const dialog = ui.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await ui.screenshot({ path: testInfo.outputPath('shortcuts-light.png') });
  await expect(dialog.getByRole('row', { name: /Highlight the selected text in the last colour/ })).toContainText('H');
  await expect(dialog.getByRole('row', { name: /Search the notebook/ })).toContainText('Ctrl K or /');
  await ui.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // Typing a question mark in a field is only typing.
  await search.press('End');
  await search.press('?');
  await expect(search).toHaveValue('convoy?');
  await expect(dialog).toBeHidden();
});
