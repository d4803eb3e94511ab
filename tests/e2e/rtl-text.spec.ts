import { expect, test } from './fixtures';
import { file, importFiles, openDocument } from './reader-helpers';

const title = 'موسم الصيد في الخليج';
const byline = 'Filed from Basra by the newsroom staff';
const paragraphs = ['خرج الصيادون إلى البحر قبل الفجر كعادتهم، وعادوا بعد الظهر بصيد قليل.', 'وقال أحدهم إن الماء صار أدفأ من المعتاد في هذا الوقت من السنة.'];
const englishParagraph = 'The harbour office weighed the catch at noon.';

/** A saved Arabic page: its direction declared on <html>, an English byline loose in the <article> beside the paragraphs. */
const arabicPage = `<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head><meta charset="utf-8"><title>${title}</title></head>
<body><article><h1>${title}</h1>${byline}<p>${paragraphs[0]}</p><p>${englishParagraph}</p><p>${paragraphs[1]}</p></article></body>
</html>`;

test('a web page that declares right to left is shown right to left; its English blocks still run left to right', async ({ app }) => {
  const { page: ui } = app;
  await importFiles(ui, [file('fishing.html', 'text/html', arabicPage)]);
  await openDocument(ui, title);
  const direction = (text: string) => ui.locator('.reader-content').getByText(text, { exact: true }).evaluate((element) => getComputedStyle(element).direction);
  for (const paragraph of paragraphs) expect(await direction(paragraph)).toBe('rtl');
  expect(await direction(englishParagraph)).toBe('ltr');
  expect(await direction(byline)).toBe('ltr');
  expect(await ui.locator('.reader-content h2').evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
});
