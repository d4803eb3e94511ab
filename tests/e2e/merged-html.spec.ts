import path from 'node:path';
import { JSDOM } from 'jsdom';
import { EventBus } from '../../main/bus/event-bus';
import { exportNotebook } from '../../main/exchange/export-notebook';
import { NotebookStore } from '../../main/notebook/notebook-store';
import { createTextDocument } from '../../main/notebook/records/documents';
import { RecordService } from '../../main/notebook/records/record-service';
import { sanitizeHtml } from '../../shared/html/sanitize';
import { toCanonicalText } from '../../shared/text/canonical-text';
import { expect, test } from './fixtures';
import { refuseRequestsLeaving } from './network-guard';
import { openDocument } from './reader-helpers';

const title = 'Statement on the checkpoint';
const words = 'The ministry said the checkpoint would reopen on Sunday.';

/**
 * Markup that loads from elsewhere or poses as part of the page, which no
 * import writes but an altered file can carry: the reader must show none of it.
 */
const payloads = [
  `<p>${words}</p>`,
  '<svg width="10" height="10"><image href="https://tracker.example/svg-image.png" width="10" height="10"/></svg>',
  '<form action="https://phish.example/login" method="post"><label>Password <input name="password" type="password"></label><textarea name="notes"></textarea><select name="s"><option>a</option></select><button type="submit">Sign in again</button></form>',
  '<video poster="https://tracker.example/poster.png" src="https://tracker.example/video.mp4" controls></video>',
  '<style>@import url("https://cdn.example/style.css"); p { background: url("https://tracker.example/bg.png") }</style>',
  '<img src="https://tracker.example/pixel.png" srcset="https://tracker.example/1x.png 1x, https://tracker.example/2x.png 2x" alt="pixel">',
  '<picture><source srcset="https://tracker.example/source.webp"><img alt="picture"></picture>',
  '<p style="background-image: url(https://tracker.example/inline.png)">Styled paragraph.</p>',
].join('\n');

/**
 * The text the reader counts in the payloads once it has sanitised them,
 * stored as the document's text, so the reader shows the HTML itself rather
 * than falling back to the text's blocks.
 */
function readerText(html: string): string {
  const { window } = new JSDOM('');
  const root = window.document.createElement('div');
  root.innerHTML = sanitizeHtml(window, html, { imageSource: () => undefined, linkTarget: () => undefined }, 'payloads');
  return toCanonicalText(root).text;
}

/** An exchange file from another notebook, whose document's reader HTML was altered after the import. */
async function alteredExchangeFile(dir: string): Promise<string> {
  const store = await NotebookStore.open(path.join(dir, 'sender'), { create: true });
  const records = new RecordService(store, () => 'Mallory', new EventBus());
  const document = await createTextDocument(records, { kind: 'text', title, text: readerText(payloads), authors: [], direction: 'auto', tags: [] });
  const html = await store.blobs.put(payloads, 'text/html; charset=utf-8');
  await store.collection('documents').put({ ...document, kind: 'html', html });
  const file = path.join(dir, 'altered.fieldbook');
  await exportNotebook(store, file, { author: 'Mallory' });
  await store.close();
  return file;
}

test('a merged document whose HTML loads from elsewhere and carries a form shows neither in the reader', async ({ app }, testInfo) => {
  const { page: ui } = app;
  const reachedNetwork = await refuseRequestsLeaving(ui, app.origin);
  const file = await alteredExchangeFile(testInfo.outputPath('exchange'));

  await ui.getByRole('button', { name: 'File', exact: true }).click();
  await ui.getByRole('menuitem', { name: 'Merge a notebook file…' }).click();
  const dialog = ui.getByRole('dialog', { name: 'Merge a notebook file' });
  await dialog.getByLabel(/\.fieldbook file/).setInputFiles(file);
  await dialog.getByRole('button', { name: 'Apply the merge' }).click();
  await expect(dialog.getByRole('heading', { name: 'Merged' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();

  await openDocument(ui, title);
  // The HTML itself is shown (its text matches the stored text), not the text's blocks.
  const content = ui.locator('.reader-content.reader-html');
  await expect(content).toContainText(words);
  await ui.screenshot({ path: testInfo.outputPath('merged-html-reader.png') });

  await expect(content.locator('form, input, textarea, select, button')).toHaveCount(0);
  await expect(content.locator('svg image, video[poster], style, [srcset], [style*="url("]')).toHaveCount(0);
  const outside = app.requests.filter((request) => !request.url().startsWith(`${app.origin}/`)).map((request) => request.url());
  expect(outside).toEqual([]);
  expect(reachedNetwork).toEqual([]);
});
