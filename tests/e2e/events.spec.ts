import { expect, test } from './fixtures';

test('an event opens from the Events list as a page, and is edited with the full form', async ({ app }, testInfo) => {
  const { page: ui } = app;
  const kh = await app.call('actors.create', { name: "Kata'ib Hezbollah", kind: 'armed-group' });
  await app.call('actors.create', { name: 'Mustafa al-Kadhimi', kind: 'person' });
  const doc = await app.call('documents.create', { title: 'Baghdad brief', text: 'Drones struck the residence of the prime minister. Two guards were wounded.' });
  const passage = await app.call('highlights.create', { documentId: doc.id, anchor: { quote: 'Drones struck the residence' }, color: 'yellow', actorIds: [kh.id] });
  const event = await app.call('events.create', { title: 'Drone attack on the residence', date: { precision: 'day', start: '2021-11-07' }, participants: [{ actorId: kh.id, role: 'perpetrator' }], evidence: [passage.id] });
  await app.call('notes.create', { title: 'Attribution', body: `Claimed by nobody; see [[event:${event.id}|the attack]].` });

  await ui.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /^Events/ }).click();
  await ui.getByRole('main').getByRole('button', { name: 'Drone attack on the residence' }).click();
  const page = ui.getByRole('article', { name: 'Drone attack on the residence' });
  await expect(ui.getByRole('heading', { level: 1, name: 'Drone attack on the residence' })).toBeVisible();
  await expect(page).toContainText('7 Nov 2021');
  await expect(page).toContainText("Kata'ib Hezbollah — perpetrator");
  await expect(page.locator('blockquote')).toHaveText(['Drones struck the residence']);
  await expect(page.getByRole('region', { name: 'Notes linking to this event' })).toContainText('Attribution');

  await page.getByRole('button', { name: 'Edit' }).click();
  const form = ui.getByRole('form', { name: 'Edit event' });
  await expect(form.getByLabel('Title')).toHaveValue('Drone attack on the residence');
  await form.getByLabel('Place').fill('Green Zone, Baghdad');
  await form.getByLabel('Fatalities').fill('0');
  await form.getByLabel('Injuries').fill('2');
  await form.getByLabel('Source of the figures').fill('Iraqi security media cell');
  await form.getByRole('combobox', { name: 'Add an actor' }).fill('kadhimi');
  await form.getByRole('option', { name: /Mustafa al-Kadhimi/ }).click();
  await form.getByLabel('Role of Mustafa al-Kadhimi').fill('target');
  await form.getByLabel('Description').fill('Three drones; one was shot down.');
  await form.getByRole('button', { name: 'Save event' }).click();

  await expect(form).toHaveCount(0);
  await expect(page).toContainText('Green Zone, Baghdad');
  await expect(page).toContainText('Injuries: 2 (Iraqi security media cell)');
  await expect(page).toContainText('Mustafa al-Kadhimi — target');
  await expect(page).toContainText('Three drones; one was shot down.');
  // The passage chosen at creation is still its evidence.
  await expect(page.locator('blockquote')).toHaveText(['Drones struck the residence']);
  const saved = (await app.call('events.list', {}))[0];
  expect(saved).toMatchObject({ location: 'Green Zone, Baghdad', injuries: { count: 2, source: 'Iraqi security media cell' }, evidence: [passage.id] });
  await ui.screenshot({ path: testInfo.outputPath('event-page-light.png'), fullPage: true });
  await app.call('settings.update', { theme: 'dark' });
  await expect(ui.locator('html')).toHaveAttribute('data-theme', 'dark');
  await ui.screenshot({ path: testInfo.outputPath('event-page-dark.png'), fullPage: true });

  // Clearing a figure removes it.
  await page.getByRole('button', { name: 'Edit' }).click();
  await ui.screenshot({ path: testInfo.outputPath('event-form-dark.png'), fullPage: true });
  await form.getByLabel('Injuries').fill('');
  await form.getByRole('button', { name: 'Save event' }).click();
  await expect(page).not.toContainText('Injuries');
  expect((await app.call('events.list', {}))[0]?.injuries).toBeUndefined();
});

test('an event is deleted and brought back with undo, from its page and from the timeline', async ({ app }) => {
  const { page: ui } = app;
  await app.call('events.create', { title: 'Rally in Tahrir Square', date: { precision: 'month', start: '2021-10' } });
  const library = ui.getByRole('navigation', { name: 'Library' });
  await library.getByRole('button', { name: /^Events/ }).click();
  await ui.getByRole('main').getByRole('button', { name: 'Rally in Tahrir Square' }).click();

  await ui.getByRole('button', { name: 'Delete' }).click();
  await expect(ui.getByRole('status').filter({ hasText: 'Event deleted.' })).toBeVisible();
  expect(await app.call('events.list', {})).toEqual([]);
  await ui.getByRole('button', { name: 'Undo' }).click();
  await expect(ui.getByRole('button', { name: 'Delete' })).toBeVisible();
  expect((await app.call('events.list', {})).map((event) => event.title)).toEqual(['Rally in Tahrir Square']);

  await library.getByRole('button', { name: /^Timeline/ }).click();
  await ui.getByRole('list', { name: 'Events by date' }).getByRole('button', { name: 'Rally in Tahrir Square' }).click();
  const details = ui.getByRole('article', { name: 'Rally in Tahrir Square' });
  await expect(details.getByRole('button', { name: 'Edit' })).toBeVisible();
  await details.getByRole('button', { name: 'Delete' }).click();
  await expect(ui.getByRole('status').filter({ hasText: 'Event deleted.' })).toBeVisible();
  await expect(ui.getByRole('list', { name: 'Events by date' })).toHaveCount(0);
  await ui.getByRole('button', { name: 'Undo' }).click();
  await expect(ui.getByRole('list', { name: 'Events by date' }).getByRole('listitem')).toHaveCount(1);
});
