import { reportDocx, reportDocxBytes } from '../support/docx-fixtures';
import { book, bookEpubBytes } from '../support/epub-fixtures';
import { buildPdf, buildTextPdf } from '../support/pdf-builder';
import { webCapture } from '../support/web-capture-fixture';
import { expect, test } from './fixtures';
import { budget } from '../support/time-budget';

const markdown = `# Checkpoint log, week 32\n\nThree convoys passed the **northern** checkpoint.\n\n- Monday: two trucks\n- Tuesday: none\n`;
const page = `<!doctype html><html lang="en"><head><title>Militia statement on the port | Gulf Monitor</title><meta name="author" content="Sara Jaber"></head>
<body><nav>Home | World | Contact</nav><article><h1>Militia statement on the port</h1><p>The group said on Sunday that it would not withdraw from the port until the new governor is named.</p>
<p>Residents described long queues at the only working pumping station, and several shops closed early.</p><script>alert(1)</script></article><footer>© Gulf Monitor</footer></body></html>`;

const file = (name: string, mimeType: string, content: string | Uint8Array) => ({ name, mimeType, buffer: Buffer.from(content) });

test('imports several files through the UI and lists them with their titles', async ({ app }) => {
  const { page: ui } = app;
  await ui.getByLabel('Files to import').setInputFiles([
    file('basra-summer.txt', 'text/plain', webCapture),
    file('checkpoint-log.md', 'text/markdown', markdown),
    file('port-statement.html', 'text/html', page),
    file('security-brief.pdf', 'application/pdf', buildPdf({ info: { title: 'Security brief' }, pages: [{ lines: ['Security brief', 'The convoy left at dawn.'] }, { lines: ['Second page: the convoy returned.'] }] })),
    file('copy-of-basra.txt', 'text/plain', webCapture),
    file('broken.pdf', 'application/pdf', '%PDF-1.7\n1 0 obj << /Type /Catalog'),
  ]);

  const summary = ui.getByRole('dialog', { name: 'Import finished' });
  await expect(summary).toBeVisible({ timeout: budget(20_000) });
  await expect(summary).toContainText('4 imported · 1 already in the notebook · 1 not imported');
  await expect(summary.getByText('broken.pdf', { exact: true })).toBeVisible();
  await summary.getByRole('button', { name: 'Close' }).click();

  const library = ui.getByRole('navigation', { name: 'Library' });
  await expect(library.getByRole('button', { name: /^Documents/ })).toContainText('4');
  for (const title of ["Water, Power and Patronage in Basra's Summer Protests", 'Checkpoint log, week 32', 'Militia statement on the port', 'Security brief']) {
    await expect(ui.getByRole('main').getByText(title, { exact: true })).toBeVisible();
  }
  await expect(ui.getByRole('main').getByText('Layla Haddad, Omar Nouri · Text · August 17, 2023')).toBeVisible();
});

test('imports files dropped onto the window', async ({ app }) => {
  const { page: ui } = app;
  await ui.evaluate((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'dropped-note.md', { type: 'text/markdown' }));
    const init = { dataTransfer: transfer, bubbles: true, cancelable: true };
    document.body.dispatchEvent(new DragEvent('dragenter', init));
    document.body.dispatchEvent(new DragEvent('dragover', init));
    document.body.dispatchEvent(new DragEvent('drop', init));
  }, '# Dropped note\n\nA short note about the bridge closure.');
  await expect(ui.getByRole('dialog', { name: 'Import finished' })).toContainText('1 imported', { timeout: budget(20_000) });
  await ui.keyboard.press('Escape');
  await expect(ui.getByRole('main').getByText('Dropped note', { exact: true })).toBeVisible();
});

test('asks for the password of a protected PDF and imports it once given', async ({ app }) => {
  const { page: ui } = app;
  const locked = buildPdf({ info: { title: 'Sealed brief' }, pages: [{ lines: ['Only for the team.'] }], encryption: { userPassword: 'al-rasheed 12' } });
  await ui.getByLabel('Files to import').setInputFiles([file('sealed.pdf', 'application/pdf', locked), file('open-note.md', 'text/markdown', '# Open note\n\nNothing secret.')]);

  const summary = ui.getByRole('dialog', { name: 'Import finished' });
  await expect(summary).toContainText('1 imported · 0 already in the notebook · 1 not imported', { timeout: budget(20_000) });
  await expect(summary).toContainText('“sealed.pdf” is password protected.');
  const password = summary.getByLabel('Password for sealed.pdf');

  await password.fill('wrong guess');
  await summary.getByRole('button', { name: 'Open and import' }).click();
  await expect(summary).toContainText('The password for “sealed.pdf” is wrong.', { timeout: budget(20_000) });

  await password.fill('al-rasheed 12');
  await password.press('Enter');
  await expect(summary).toContainText('2 imported · 0 already in the notebook · 0 not imported', { timeout: budget(20_000) });
  await expect(summary.getByText('Sealed brief', { exact: true })).toBeVisible();
  await summary.getByRole('button', { name: 'Close' }).click();
  await expect(ui.getByRole('main').getByText('Sealed brief', { exact: true })).toBeVisible();
});

test('shows the pages of a long PDF as it is read, and a cancel names the files not reached', async ({ app }) => {
  const { page: ui } = app;
  await ui.getByLabel('Files to import').setInputFiles([
    file('a-long-review.pdf', 'application/pdf', buildTextPdf(1500, { linesPerPage: 40, info: { title: 'Long review' } })),
    file('b-note.md', 'text/markdown', '# B note\n\nShort.'),
    file('c-note.md', 'text/markdown', '# C note\n\nShort.'),
    file('d-note.md', 'text/markdown', '# D note\n\nShort.'),
  ]);
  const tasks = ui.getByRole('list', { name: 'Background tasks' });
  await expect(tasks).toContainText(/a-long-review\.pdf, page [\d,]+ of 1,500/, { timeout: budget(30_000) });
  await tasks.getByRole('button', { name: 'Cancel' }).click();

  const summary = ui.getByRole('dialog', { name: 'Import cancelled' });
  await expect(summary).toBeVisible({ timeout: budget(20_000) });
  await expect(summary.getByText('a-long-review.pdf', { exact: true })).toBeVisible();
  // Files are stored in the order chosen: those after the long PDF were waiting for it, or not started.
  await expect(summary.getByText('Not reached').first()).toBeVisible();
  await expect(summary.getByText('d-note.md', { exact: true })).toBeVisible();
  await summary.getByRole('button', { name: 'Close' }).click();
  await expect(ui.getByRole('main').getByText('Long review', { exact: true })).toHaveCount(0);
});

test('offers Word documents and EPUB books in the picker, and reads them in the reader', async ({ app }) => {
  const { page: ui } = app;
  const picker = ui.getByLabel('Files to import');
  expect((await picker.getAttribute('accept'))?.split(',')).toEqual(expect.arrayContaining(['.docx', '.epub', '.pdf']));
  await picker.setInputFiles([
    file('water-rights.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', await reportDocxBytes()),
    file('rivers.epub', 'application/epub+zip', await bookEpubBytes()),
  ]);
  const summary = ui.getByRole('dialog', { name: 'Import finished' });
  await expect(summary).toContainText('2 imported · 0 already in the notebook · 0 not imported', { timeout: budget(20_000) });
  await summary.getByRole('button', { name: 'Close' }).click();

  await expect(ui.getByRole('main').getByText(book.title, { exact: true })).toBeVisible();
  await ui.getByRole('main').getByText(reportDocx.title, { exact: true }).click();
  const reader = ui.getByRole('region', { name: reportDocx.title });
  await expect(reader.getByRole('heading', { name: reportDocx.heading })).toBeVisible();
  await expect(reader.getByText(reportDocx.english)).toBeVisible();
  // The Arabic paragraph keeps its own direction inside an English document.
  await expect(reader.getByText(reportDocx.arabic)).toHaveJSProperty('dir', 'rtl');
});
