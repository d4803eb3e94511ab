import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

const views = ['Documents', 'Actors', 'Events', 'Notes', 'Settings'];

for (const theme of ['light', 'dark'] as const) {
  test(`every main view has no serious or critical accessibility violations (${theme} theme)`, async ({ app }) => {
    const { page } = app;
    await page.emulateMedia({ colorScheme: theme });
    const library = page.getByRole('navigation', { name: 'Library' });
    for (const view of views) {
      await library.getByRole('button', { name: new RegExp(`^${view}`) }).click();
      await expect(page.getByRole('heading', { level: 1, name: view })).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
      const serious = results.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => `${view}: ${violation.id} (${violation.impact}) ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
      expect(serious).toEqual([]);
    }
  });
}
