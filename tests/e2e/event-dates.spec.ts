import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { highlightWithKey, openDocument, selectPhrase } from './reader-helpers';

const brief = 'On 5 November 2021 drones struck the residence of the prime minister. Officials said two guards were wounded.';

test('an event made from a passage is offered the date the passage states, and a date without its year is refused beside the field', async ({ app }, testInfo) => {
  const { page: ui } = app;
  await app.call('documents.create', { title: 'Baghdad brief', text: brief });
  await openDocument(ui, 'Baghdad brief');
  await selectPhrase(ui, 'On 5 November 2021 drones struck the residence');
  await highlightWithKey(ui);
  const card = ui.locator('.highlight-card').filter({ hasText: 'drones struck the residence' });
  await card.getByRole('option', { name: /^New event/ }).click();
  const form = card.getByRole('form', { name: 'New event from this passage' });
  const date = form.getByRole('textbox', { name: 'Date' });
  await expect(date).toBeFocused();

  await date.fill('5 Nov');
  await date.press('Enter');
  const problem = form.locator('.date-field').getByRole('alert');
  await expect(problem).toContainText('“5 Nov” does not say the year.');
  await expect(problem).toBeInViewport();
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await card.screenshot({ path: testInfo.outputPath('quick-event-light.png') });
  await app.call('settings.update', { theme: 'dark' });
  await expect(ui.locator('html')).toHaveAttribute('data-theme', 'dark');
  await card.screenshot({ path: testInfo.outputPath('quick-event-dark.png') });

  await date.fill('5 Nov 2021');
  await expect(form.getByText('Reads as 5 Nov 2021 (day).')).toBeVisible();
  await date.fill('');
  await form.getByRole('button', { name: '5 Nov 2021' }).click();
  await expect(date).toHaveValue('2021-11-05');
  const audit = await new AxeBuilder({ page: ui }).include('.quick-event-form').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(audit.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await date.press('Enter');
  await expect(form).toBeHidden();
  expect((await app.call('events.list', {}))[0]?.date).toEqual({ precision: 'day', start: '2021-11-05' });
});

test('the event form reads dates in words with their precision', async ({ app }) => {
  const { page: ui } = app;
  const event = await app.call('events.create', { title: 'Drone attack on the residence', date: { precision: 'year', start: '2021' } });
  const cases = [
    { typed: 'early November 2021', shown: 'c. Nov 2021', stored: { precision: 'approximate', start: '2021-11' } },
    { typed: '2021-11-05/07', shown: '5 Nov 2021 – 7 Nov 2021', stored: { precision: 'range', start: '2021-11-05', end: '2021-11-07' } },
    { typed: 'November 7, 2021', shown: '7 Nov 2021', stored: { precision: 'day', start: '2021-11-07' } },
  ];
  await ui.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /^Events/ }).click();
  await ui.getByRole('main').getByRole('button', { name: event.title }).click();
  const page = ui.getByRole('article', { name: event.title });
  for (const { typed, shown, stored } of cases) {
    await page.getByRole('button', { name: 'Edit' }).click();
    const form = ui.getByRole('form', { name: 'Edit event' });
    await form.getByRole('textbox', { name: 'Date' }).fill(typed);
    await expect(form.getByText(`Reads as ${shown} (${stored.precision}).`)).toBeVisible();
    await form.getByRole('button', { name: 'Save event' }).click();
    await expect(form).toBeHidden();
    await expect(page.getByRole('listitem').first()).toContainText(shown);
    expect((await app.call('events.get', { id: event.id })).date).toEqual(stored);
  }
});
