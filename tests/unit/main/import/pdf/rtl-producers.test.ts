import { describe, expect, it } from 'vitest';
import { defaultImportLimits } from '../../../../../main/import/extracted-document';
import { extractPdf } from '../../../../../main/import/pdf/extract-pdf';
import { chromiumPdf, missingFor, pangoPdf, rtlCorpus } from '../../../../support/rtl-pdf-fixtures';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The canonical text's lines, whitespace-normalised (each corpus line is short enough to stay one line). */
async function lines(bytes: Uint8Array): Promise<string[]> {
  const document = await extractPdf(bytes, { limits: defaultImportLimits });
  return document.text.split(/\n+/).map(squash);
}

const expected = rtlCorpus.map((line) => squash(line.text));

describe.each([
  ['Chromium print to PDF', 'chromium', chromiumPdf],
  ['cairo through pango-view', 'pango', pangoPdf],
] as const)('right-to-left text from %s', (_name, producer, generate) => {
  const missing = missingFor(producer);
  it.skipIf(missing !== undefined)(`is stored in reading order, as letters${missing ? ` (skipped: ${missing})` : ''}`, async () => {
    expect(await lines(await generate(rtlCorpus))).toEqual(expected);
  });
});
