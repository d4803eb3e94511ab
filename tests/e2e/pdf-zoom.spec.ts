import { buildTextPdf } from '../support/pdf-builder';
import { budget } from '../support/time-budget';
import { expect, test } from './fixtures';
import { importAndOpen } from './pdf-selection-helpers';

const levels = [25, 33, 50, 67, 75, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300, 400];

test('PDF zoom goes in even steps, by the buttons and by Ctrl +, Ctrl − and Ctrl 0', async ({ app }) => {
  test.setTimeout(budget(90_000));
  const { page: ui } = app;
  await importAndOpen(app, buildTextPdf(3, { info: { title: 'Zoom report' } }), 'Zoom report');
  const zoom = ui.getByRole('status', { name: 'Zoom' }).or(ui.locator('output.pdf-zoom'));
  const percent = async () => Number.parseInt((await zoom.textContent()) ?? '', 10);

  await ui.getByRole('button', { name: 'Zoom in' }).click();
  const first = await percent();
  expect(levels).toContain(first);
  await ui.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(percent).toBe(levels[levels.indexOf(first) + 1]);
  await ui.getByRole('button', { name: 'Zoom out' }).click();
  await expect.poll(percent).toBe(first);

  await ui.getByRole('region', { name: 'PDF pages' }).focus();
  await ui.keyboard.press('Control+0');
  await expect.poll(percent).toBe(100);
  await ui.keyboard.press('Control+=');
  await expect.poll(percent).toBe(110);
  await ui.keyboard.press('Control+-');
  await ui.keyboard.press('Control+-');
  await expect.poll(percent).toBe(90);
});
