import { expect, test } from './fixtures';
import { file, importFiles, openDocument } from './reader-helpers';

const page = `<!doctype html><html lang="en"><head><title>Blast at the market</title>
<meta property="og:site_name" content="BBC News"><meta name="author" content="BBC News">
<meta property="article:published_time" content="2015-07-24T05:36:09+01:00"></head>
<body><article><h1>Blast at the market</h1><p>A blast struck the market at dawn, officials said.</p><p>Two people were wounded.</p></article></body></html>`;

test('dates show in the reader\'s way, the byline names the site once, and the status line reads cleanly', async ({ app }) => {
  const { page: ui } = app;
  await importFiles(ui, [file('blast.html', 'text/html', page)]);
  await expect(ui.getByRole('contentinfo')).toContainText('Importing: done');
  const item = ui.getByRole('main').getByRole('listitem').filter({ hasText: 'Blast at the market' });
  await expect(item).toContainText('July 24, 2015');
  await expect(item).not.toContainText('T05:36');

  await openDocument(ui, 'Blast at the market');
  await expect(ui.locator('.reader-meta')).toHaveText('BBC News · July 24, 2015');
});

test('the "Set your name" card goes once the name is saved', async ({ app }) => {
  const { page: ui } = app;
  await expect(ui.getByRole('button', { name: 'Set your name' })).toBeVisible();
  await app.call('settings.update', { authorName: 'Huda Karim' });
  await expect(ui.getByRole('button', { name: 'Set your name' })).toHaveCount(0);
});
