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

/** Each line ends in a run of the other direction: a date after Arabic words, an Arabic name after English ones. */
const mixedLines = [
  { title: 'Arabic line ending in a number', line: 'وصلت القافلة إلى المعبر يوم 7 نوفمبر 2021', atStart: 'أمس ', atEnd: ' ظهرا' },
  { title: 'English line ending in Arabic', line: 'The statement was signed by كتائب الإمام علي', atStart: 'Later ', atEnd: ' today' },
];

for (const { title: noteTitle, line, atStart, atEnd } of mixedLines) {
  test(`End, Home and Shift+End in the notes editor go to the logical ends of a mixed line (${noteTitle})`, async ({ app }) => {
    const { page: ui } = app;
    const note = await app.call('notes.create', { title: noteTitle, body: line });
    await ui.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /^Notes/ }).click();
    await ui.getByRole('navigation', { name: 'Notes' }).getByRole('button', { name: new RegExp(noteTitle) }).click();
    await ui.getByRole('button', { name: 'Edit', exact: true }).click();
    const editor = ui.getByRole('textbox', { name: 'Note text' });
    await editor.click();
    const saved = () => app.call('notes.get', { id: note.id }).then((stored) => stored.body);

    await ui.keyboard.press('Control+Home');
    await ui.keyboard.press('End');
    await ui.keyboard.type(atEnd);
    await ui.keyboard.press('Home');
    await ui.keyboard.type(atStart);
    await expect.poll(saved).toBe(`${atStart}${line}${atEnd}`);

    // From the start, Shift+End selects the whole line: typing replaces all of it.
    await ui.keyboard.press('Control+Home');
    await ui.keyboard.press('Shift+End');
    await ui.keyboard.type('x');
    await expect.poll(saved).toBe('x');
  });
}

test('End in a paragraph that wraps goes to the end of the row, not of the paragraph', async ({ app }) => {
  const { page: ui } = app;
  const sentence = 'قال الباحث إن القوافل تأخرت على الطريق الصحراوي بسبب العواصف الرملية التي استمرت أياما.';
  const paragraph = `${Array.from({ length: 6 }, () => sentence).join(' ')} 2021`;
  const note = await app.call('notes.create', { title: 'A long paragraph', body: paragraph });
  await ui.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /^Notes/ }).click();
  await ui.getByRole('navigation', { name: 'Notes' }).getByRole('button', { name: /A long paragraph/ }).click();
  await ui.getByRole('button', { name: 'Edit', exact: true }).click();
  await ui.getByRole('textbox', { name: 'Note text' }).click();
  await ui.keyboard.press('Control+Home');
  await ui.keyboard.press('End');
  await ui.keyboard.type('|');
  const saved = () => app.call('notes.get', { id: note.id }).then((stored) => stored.body);
  await expect.poll(saved).toContain('|');
  const at = (await saved()).indexOf('|');
  expect(at).toBeGreaterThan(sentence.length / 2);
  expect(at).toBeLessThan(paragraph.length - '2021'.length);
});

test('a note in read mode lays out each line and item in its own direction', async ({ app }) => {
  const { page: ui } = app;
  const arabicLine = 'قال الشاهد إن الجسر أغلق عند الفجر.';
  const englishLine = 'The witness said the bridge closed at dawn.';
  await app.call('notes.create', { title: 'Two languages', body: `${arabicLine}\n${englishLine}\n\n- بند عن الجسر\n- An item about the bridge` });
  await ui.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /^Notes/ }).click();
  await ui.getByRole('navigation', { name: 'Notes' }).getByRole('button', { name: /Two languages/ }).click();
  const paragraph = ui.locator('.note-rendered p');
  await expect(paragraph).toHaveAttribute('dir', 'auto');
  // Where each line's text sits in the paragraph: a line starts at its own start edge (right for Arabic, left for English).
  const edges = await paragraph.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const line = (node: ChildNode | null) => {
      const range = document.createRange();
      range.selectNodeContents(node as Node);
      const rect = range.getBoundingClientRect();
      return { left: rect.left - box.left, right: box.right - rect.right };
    };
    return { arabic: line(element.firstChild), english: line(element.lastChild) };
  });
  expect(edges.arabic.right).toBeLessThan(2);
  expect(edges.arabic.left).toBeGreaterThan(100);
  expect(edges.english.left).toBeLessThan(2);
  expect(edges.english.right).toBeGreaterThan(100);
  const items = ui.locator('.note-rendered li');
  expect(await items.first().evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
  expect(await items.last().evaluate((element) => getComputedStyle(element).direction)).toBe('ltr');
});

test('the search box keeps the Ctrl K badge out of the text, on the side where Arabic or English text ends', async ({ app }) => {
  const { page: ui } = app;
  const search = ui.locator('#search-input');
  /** Whether the badge sits inside the input's end padding, the room the text never runs into. */
  const badgeSide = () =>
    ui.evaluate(() => {
      const input = document.getElementById('search-input') as HTMLInputElement;
      const badge = (document.querySelector('.search-hint') as HTMLElement).getBoundingClientRect();
      const box = input.getBoundingClientRect();
      const style = getComputedStyle(input);
      if (badge.left >= box.right - parseFloat(style.paddingRight)) return 'right, in the padding';
      if (badge.right <= box.left + parseFloat(style.paddingLeft)) return 'left, in the padding';
      return 'over the text';
    });
  await search.fill('The vote in Basra');
  expect(await badgeSide()).toBe('right, in the padding');
  await search.fill('الانتخابات في البصرة');
  await expect.poll(badgeSide).toBe('left, in the padding');
  expect(await search.evaluate((input) => getComputedStyle(input).direction)).toBe('rtl');
});

test("a highlight's comment shows each line in its own direction", async ({ app }) => {
  const { page: ui } = app;
  const arabicLine = 'يؤكد هذا ما قاله الشاهد.';
  const englishLine = 'This confirms the witness.';
  const report = await app.call('documents.create', { title: 'Crossing report', text: 'The bridge at the crossing was closed before dawn on Friday.' });
  const highlight = await app.call('highlights.create', { documentId: report.id, anchor: { quote: 'The bridge at the crossing was closed' } });
  await app.call('highlights.update', { id: highlight.id, patch: { comment: `${arabicLine}\n${englishLine}` } });
  await ui.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /^Highlights/ }).click();
  const comment = ui.locator('.all-highlights-comment');
  await expect(comment).toContainText(englishLine);
  const edges = await comment.evaluate((element, lines) => {
    const box = element.getBoundingClientRect();
    const text = element.firstChild as Text;
    const line = (words: string) => {
      const range = document.createRange();
      const at = (text.nodeValue ?? '').indexOf(words);
      range.setStart(text, at);
      range.setEnd(text, at + words.length);
      const rect = range.getBoundingClientRect();
      return { left: rect.left - box.left, right: box.right - rect.right };
    };
    return { arabic: line(lines.arabicLine), english: line(lines.englishLine) };
  }, { arabicLine, englishLine });
  expect(edges.arabic.right).toBeLessThan(2);
  expect(edges.english.left).toBeLessThan(2);
  expect(edges.english.right).toBeGreaterThan(100);
});
