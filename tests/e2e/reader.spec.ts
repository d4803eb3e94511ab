import AxeBuilder from '@axe-core/playwright';
import { arabicArticle, policyArticle, savedArabicArticle, savedPolicyArticle } from '../support/html-fixtures';
import { expect, test } from './fixtures';
import { file, importFiles, openDocument, paintedText, reloadAndReopen, selectPhrase, highlightWithKey } from './reader-helpers';
import { budget } from '../support/time-budget';

const markdown = `# Ferry log

The ferry to **Umm Qasr** left twice on Monday, and the harbour master counted forty trucks.

On Tuesday the ferry stayed in port because of the wind.
`;

test('highlights a passage in a web capture and finds it on the same words after a reload', async ({ app }) => {
  const { page: ui } = app;
  await importFiles(ui, [file('generators.html', 'text/html', savedPolicyArticle())]);
  await openDocument(ui, policyArticle.title);

  // Headings make the table of contents; a link in the passage must not break the selection.
  await expect(ui.getByRole('navigation', { name: 'Contents' }).getByRole('button', { name: 'Promises before the vote' })).toBeVisible();
  await selectPhrase(ui, 'ampere. In', 'per ampere in June');
  await ui.getByRole('button', { name: 'Highlight green (key 2)' }).click();

  const passage = 'ampere. In al-Tamimiya a household paid 12,000\u00a0dinars per ampere in June';
  await expect(ui.getByRole('complementary', { name: /Highlights/ }).getByRole('button', { name: `Show in the text: ${passage}` })).toBeVisible();
  expect(await paintedText(ui)).toEqual({ green: [passage] });

  await reloadAndReopen(ui, policyArticle.title);
  await expect.poll(() => paintedText(ui)).toEqual({ green: [passage] });
  const [stored] = await app.call('highlights.list', {});
  expect(stored?.target.quote.exact).toBe(passage);
});

test('highlights across inline markup and across paragraphs in Markdown, with the keyboard', async ({ app }) => {
  const { page: ui } = app;
  await importFiles(ui, [file('ferry-log.md', 'text/markdown', markdown)]);
  await openDocument(ui, 'Ferry log');

  await selectPhrase(ui, 'ferry to ', 'left twice');
  await highlightWithKey(ui);
  await expect.poll(() => paintedText(ui)).toEqual({ yellow: ['ferry to Umm Qasr left twice'] });

  await selectPhrase(ui, 'forty trucks', 'On Tuesday');
  await ui.keyboard.press('4');
  await expect.poll(async () => (await paintedText(ui)).pink).toHaveLength(1);

  await reloadAndReopen(ui, 'Ferry log');
  await expect.poll(() => paintedText(ui)).toEqual({ yellow: ['ferry to Umm Qasr left twice'], pink: [expect.stringMatching(/^forty trucks\.\s*On Tuesday$/)] });
  const quotes = (await app.call('highlights.list', {})).map((highlight) => highlight.target.quote.exact).sort();
  expect(quotes).toEqual(['ferry to Umm Qasr left twice', 'forty trucks.\n\nOn Tuesday']);
  // The sidebar lists them in reading order.
  await expect(ui.locator('.highlight-card .highlight-quote')).toHaveText(['ferry to Umm Qasr left twice', 'forty trucks.\n\nOn Tuesday']);
});

test('comments on a highlight, deletes it and brings it back with undo', async ({ app }) => {
  const { page: ui } = app;
  await importFiles(ui, [file('ferry-log.md', 'text/markdown', markdown)]);
  await openDocument(ui, 'Ferry log');
  await selectPhrase(ui, 'the harbour master counted forty trucks');
  await ui.getByRole('button', { name: 'Highlight blue (key 3)' }).click();

  const sidebar = ui.getByRole('complementary', { name: /Highlights/ });
  await sidebar.getByLabel('Comment').fill('Count matches the port log.');
  await sidebar.getByLabel('Comment').blur();
  await expect.poll(async () => (await app.call('highlights.list', {}))[0]?.comment).toBe('Count matches the port log.');

  await sidebar.getByRole('button', { name: 'Make this highlight orange' }).click();
  await expect.poll(() => paintedText(ui)).toEqual({ orange: ['the harbour master counted forty trucks'] });

  await sidebar.getByRole('button', { name: 'Delete' }).click();
  await expect(sidebar.locator('.highlight-card')).toHaveCount(0);
  await expect.poll(() => paintedText(ui)).toEqual({});
  await ui.getByRole('status').filter({ hasText: 'Highlight deleted.' }).getByRole('button', { name: 'Undo' }).click();
  await expect(sidebar.getByLabel('Comment')).toHaveValue('Count matches the port log.');
  await expect.poll(() => paintedText(ui)).toEqual({ orange: ['the harbour master counted forty trucks'] });

  // Ctrl+Z undoes a delete too, and the restored highlight survives a reload.
  await sidebar.getByRole('button', { name: 'Delete' }).click();
  await expect(sidebar.locator('.highlight-card')).toHaveCount(0);
  await ui.locator('.text-view').click({ position: { x: 5, y: 5 } });
  await ui.keyboard.press('Control+z');
  await expect(sidebar.locator('.highlight-card')).toHaveCount(1);
  await reloadAndReopen(ui, 'Ferry log');
  await expect(ui.getByRole('complementary', { name: /Highlights/ }).locator('.highlight-card')).toContainText('Count matches the port log.');
});

test('selects and highlights Arabic right to left, on the same words after a reload', async ({ app }) => {
  const { page: ui } = app;
  await importFiles(ui, [file('basra-water.html', 'text/html', savedArabicArticle())]);
  await openDocument(ui, arabicArticle.title);
  await expect(ui.locator('.text-view-page')).toHaveAttribute('dir', 'rtl');

  // A real double-click on a word of the first paragraph; the word was stored decomposed and composed to NFC on import.
  const paragraph = ui.locator('.reader-content p').first();
  const box = await ui.evaluate(() => {
    const root = document.querySelector('.reader-content p') as HTMLElement;
    const text = root.firstChild as Text;
    const at = (text.nodeValue ?? '').indexOf('السكان');
    const range = document.createRange();
    range.setStart(text, at + 1);
    range.setEnd(text, at + 3);
    const rect = range.getBoundingClientRect();
    return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
  });
  await expect(paragraph).toBeVisible();
  await ui.mouse.dblclick(box.x, box.y);
  await highlightWithKey(ui);
  await expect.poll(() => paintedText(ui)).toEqual({ yellow: ['السكان'] });

  await selectPhrase(ui, arabicArticle.composedWord, 'إلى الشوارع');
  await ui.keyboard.press('5');
  const phrase = `${arabicArticle.composedWord} السكان إلى الشوارع`;
  await expect.poll(async () => (await paintedText(ui)).purple).toEqual([phrase]);

  await reloadAndReopen(ui, arabicArticle.title);
  await expect.poll(() => paintedText(ui)).toEqual({ yellow: ['السكان'], purple: [phrase] });
  const quotes = (await app.call('highlights.list', {})).map((highlight) => highlight.target.quote.exact).sort();
  expect(quotes).toEqual(['السكان', phrase].sort());
});

test('shows highlights, comments and tags legibly in light and dark themes', async ({ app }, testInfo) => {
  test.setTimeout(budget(120_000));
  const { page: ui } = app;
  await importFiles(ui, [file('generators.html', 'text/html', savedPolicyArticle())]);
  const [document] = await app.call('documents.list', {});
  const { text } = await app.call('documents.content', { id: document!.id });
  const tag = await app.call('tags.create', { name: 'patronage', color: '#8e44ad' });
  const passages: Array<[string, 'yellow' | 'green' | 'blue' | 'pink', string]> = [
    ['the state grid supplies power for about ten hours a day', 'yellow', 'Compare with the ministry figures.'],
    ['a household paid 12,000\u00a0dinars per ampere in June', 'green', ''],
    ['Licences are issued by the district council.', 'blue', 'Who sits on the council?'],
    ['They are a source of income and of patronage', 'pink', ''],
  ];
  for (const [quote, color, comment] of passages) {
    const start = text.indexOf(quote);
    await app.call('highlights.create', { documentId: document!.id, anchor: { start, end: start + quote.length }, color, comment, tags: color === 'pink' ? [tag.id] : [] });
  }
  await openDocument(ui, policyArticle.title);
  await expect.poll(async () => Object.keys(await paintedText(ui)).sort()).toEqual(['blue', 'green', 'pink', 'yellow']);
  // One card open, as after highlighting: its editor is part of what must read well.
  await ui.getByRole('button', { name: /^Show in the text: Licences are issued/ }).click();
  await selectPhrase(ui, 'This brief follows three districts');

  for (const theme of ['light', 'dark'] as const) {
    await app.call('settings.update', { theme });
    await expect(ui.locator('html')).toHaveAttribute('data-theme', theme);
    await testInfo.attach(`reader-${theme}`, { body: await ui.screenshot(), contentType: 'image/png' });
    await ui.screenshot({ path: testInfo.outputPath(`reader-${theme}.png`) });
    const results = await new AxeBuilder({ page: ui }).include('.reader').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious.map((violation) => `${theme}: ${violation.id} ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});
