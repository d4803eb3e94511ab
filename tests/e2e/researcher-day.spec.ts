import { expect, test } from './fixtures';
import { file, importFiles, openDocument, selectPhrase } from './reader-helpers';
import { budget } from '../support/time-budget';

const brief = [
  'Attack on the residence',
  '',
  "On 7 November 2021 three drones targeted the residence of the prime minister in the Green Zone. Kata'ib Hezbollah denied any role.",
  '',
  'Officials said two guards were wounded; the prime minister was unhurt.',
].join('\n');

test('a researcher\'s day: import, highlight and tag from the keyboard, an event from the passage edited and undeleted, a note, search, another notebook, export', async ({ app }) => {
  test.setTimeout(budget(180_000));
  const { page: ui } = app;
  const problems: string[] = [];
  ui.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await app.call('settings.update', { authorName: 'Huda Karim' });
  await app.call('actors.create', { name: "Kata'ib Hezbollah", kind: 'armed-group' });

  // Import and read.
  await importFiles(ui, [file('residence-brief.txt', 'text/plain', brief)]);
  await openDocument(ui, 'Attack on the residence');

  // Highlight from the keyboard; the tag box takes the focus; tag the actor, then make an event from the passage.
  await selectPhrase(ui, 'On 7 November 2021 three drones targeted the residence');
  await ui.keyboard.press('h');
  const card = ui.locator('.highlight-card').filter({ hasText: 'three drones targeted the residence' });
  const picker = card.getByRole('combobox', { name: 'Tag with an actor or event' });
  await expect(picker).toBeFocused();
  await picker.fill('kataib');
  await ui.keyboard.press('Enter');
  await expect(card.getByRole('list', { name: 'Tagged with' })).toContainText("Kata'ib Hezbollah");
  await picker.fill('Drone attack on the residence');
  await card.getByRole('option', { name: 'New event “Drone attack on the residence”' }).click();
  const quick = card.getByRole('form', { name: 'New event from this passage' });
  await quick.getByRole('button', { name: '7 Nov 2021' }).click();
  await quick.getByRole('textbox', { name: 'Date' }).press('Enter');
  await expect(card.getByRole('list', { name: 'Tagged with' })).toContainText('Drone attack on the residence');

  // Edit the event on its page: casualties, an actor, the date in words.
  await ui.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /^Events/ }).click();
  await ui.getByRole('main').getByRole('button', { name: 'Drone attack on the residence' }).click();
  const eventPage = ui.getByRole('article', { name: 'Drone attack on the residence' });
  await eventPage.getByRole('button', { name: 'Edit' }).click();
  const form = ui.getByRole('form', { name: 'Edit event' });
  await form.getByRole('textbox', { name: 'Date' }).fill('early November 2021');
  await form.getByLabel('Injuries').fill('2');
  await form.getByLabel('Source of the figures').fill('officials');
  await form.getByRole('combobox', { name: 'Add an actor' }).fill('kataib');
  await form.getByRole('option', { name: /Kata'ib Hezbollah/ }).click();
  await form.getByLabel("Role of Kata'ib Hezbollah").fill('suspected perpetrator');
  await form.getByRole('button', { name: 'Save event' }).click();
  await expect(eventPage).toContainText('c. Nov 2021');
  await expect(eventPage).toContainText('Injuries: 2 (officials)');
  await expect(eventPage).toContainText("Kata'ib Hezbollah — suspected perpetrator");
  await expect(eventPage.locator('blockquote')).toHaveText(['On 7 November 2021 three drones targeted the residence']);

  // Delete and undo.
  await eventPage.getByRole('button', { name: 'Delete' }).click();
  await ui.getByRole('button', { name: 'Undo' }).click();
  await expect(eventPage.getByRole('button', { name: 'Delete' })).toBeVisible();
  const [event] = await app.call('events.list', {});
  expect(event).toMatchObject({ title: 'Drone attack on the residence', date: { precision: 'approximate', start: '2021-11' }, injuries: { count: 2 } });

  // A note linking the event; its backlink reads as words.
  await app.call('notes.create', { title: 'Attribution', body: `Nobody has claimed [[event:${event?.id ?? ''}|the drone attack]] yet.` });
  await expect(eventPage.getByRole('region', { name: 'Notes linking to this event' })).toContainText('Nobody has claimed the drone attack yet.');

  // Search, and open with Enter.
  await ui.locator('#search-input').fill('guards wounded');
  await ui.locator('#search-input').press('Enter');
  await expect(ui.locator('#reader-title')).toHaveText('Attack on the residence');
  await expect(ui.locator('#reader-title')).toBeFocused();

  // Another notebook, and back.
  await ui.getByRole('button', { name: /^Notebook:/ }).click();
  const notebooks = ui.getByRole('dialog', { name: 'Notebook' });
  await notebooks.getByLabel('Name of the new notebook').fill('Scratch');
  await notebooks.getByRole('button', { name: 'Create' }).click();
  await expect(ui.locator('#reader-title')).toHaveCount(0);
  await expect(ui.getByText('No documents in this notebook yet')).toBeVisible();
  await ui.getByRole('button', { name: /^Notebook: Scratch/ }).click();
  await notebooks.getByRole('button', { name: 'Open Field notes' }).click();
  await expect(ui.getByRole('main').getByRole('button', { name: 'Attack on the residence' })).toBeVisible();

  // Export.
  await ui.getByRole('button', { name: 'File', exact: true }).click();
  await ui.getByRole('menuitem', { name: 'Export notebook…' }).click();
  const exporting = ui.getByRole('dialog', { name: 'Export' });
  await exporting.getByLabel('Passphrase', { exact: true }).fill('correct horse battery');
  await exporting.getByLabel('Passphrase again').fill('correct horse battery');
  const [download] = await Promise.all([ui.waitForEvent('download'), exporting.getByRole('button', { name: 'Export' }).click()]);
  expect(download.suggestedFilename()).toBe('Field notes.fieldbook');
  await expect(exporting.getByRole('status')).toContainText('1 document, 1 highlight, 1 actor, 1 event, 1 note');
  await exporting.getByRole('button', { name: 'Close' }).click();

  await expect(ui.locator('.error-banner')).toHaveCount(0);
  expect(problems).toEqual([]);
});
