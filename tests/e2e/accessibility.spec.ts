import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

const views = ['Documents', 'Actors', 'Events', 'Notes', 'Settings'];

for (const theme of ['light', 'dark'] as const) {
  test(`every main view has no serious or critical accessibility violations (${theme} theme)`, async ({ app }) => {
    const { page } = app;
    await page.emulateMedia({ colorScheme: theme });
    await app.call('actors.create', { name: 'Popular Mobilization Forces', kind: 'armed-group', aliases: ['الحشد الشعبي'] });
    const library = page.getByRole('navigation', { name: 'Library' });
    const check = async (view: string) => {
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
      return results.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => `${view}: ${violation.id} (${violation.impact}) ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    };
    const serious: string[] = [];
    for (const view of views) {
      await library.getByRole('button', { name: new RegExp(`^${view}`) }).click();
      await expect(page.getByRole('heading', { level: 1, name: view })).toBeVisible();
      serious.push(...(await check(view)));
    }
    await page.getByRole('button', { name: /^Notebook:/ }).click();
    await expect(page.getByRole('dialog', { name: 'Notebook' }).getByRole('heading', { name: 'Recent notebooks' })).toBeVisible();
    serious.push(...(await check('Notebook dialog')));
    expect(serious).toEqual([]);
  });
}
