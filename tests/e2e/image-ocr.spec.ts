import { missingOcrFonts, ocrCorpus, textImage } from '../support/ocr-fixtures';
import { expect, test } from './fixtures';
import { file, importFiles, openDocument, paintedText, reloadAndReopen, selectPhrase } from './reader-helpers';

test('imports a photo of a notice, shows it with the text OCR read, and keeps a highlight on that text', async ({ app }) => {
  const missing = missingOcrFonts();
  test.skip(missing !== undefined, missing);
  const { page: ui } = app;
  await importFiles(ui, [file('notice.jpg', 'image/jpeg', textImage('english', ocrCorpus.english, 'image/jpeg'))]);
  await openDocument(ui, 'notice');

  await expect(ui.getByRole('img', { name: 'The image “notice” as imported' })).toBeVisible();
  await selectPhrase(ui, 'checkpoint on the north road');
  await ui.getByRole('button', { name: 'Highlight green (key 2)' }).click();
  await expect.poll(() => paintedText(ui)).toEqual({ green: ['checkpoint on the north road'] });

  await reloadAndReopen(ui, 'notice');
  await expect(ui.getByRole('img', { name: 'The image “notice” as imported' })).toBeVisible();
  await expect.poll(() => paintedText(ui)).toEqual({ green: ['checkpoint on the north road'] });
});
