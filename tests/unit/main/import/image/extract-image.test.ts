import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultImportLimits } from '../../../../../main/import/extracted-document';
import { extractImage, imageLanguages } from '../../../../../main/import/image/extract-image';
import { openOcrEngine, type OcrEngine } from '../../../../../main/import/ocr/recognise';
import { DocumentStructure } from '../../../../../shared/model/document-structure';
import { apiErrorOf, extractionOf } from '../../../../support/extract-file-fixture';
import { missingOcrFonts, ocrCorpus, textImage, wordRecall } from '../../../../support/ocr-fixtures';

const missing = missingOcrFonts();

// OCR takes a second or two a page here: the images are read once each, by one engine.
describe.skipIf(missing !== undefined)('images read by OCR', () => {
  let engine: OcrEngine;
  beforeAll(async () => {
    engine = await openOcrEngine(imageLanguages);
  });
  afterAll(() => engine.close());

  const read = (bytes: Uint8Array, fileName: string) => extractImage(bytes, { fileName, limits: defaultImportLimits, engine });

  it('reads English text from a PNG, each word kept with its box on the image', async () => {
    const progress: [number, number][] = [];
    const document = await extractImage(textImage('english', ocrCorpus.english), { fileName: 'notice.png', limits: defaultImportLimits, engine, onProgress: (done, total) => progress.push([done, total]) });
    expect(document).toMatchObject({ kind: 'image', mediaType: 'image/png', notices: [] });
    expect(wordRecall(ocrCorpus.english, document.text)).toBeGreaterThanOrEqual(0.9);
    expect(progress).toEqual([[0, 1], [1, 1]]);
    const structure = DocumentStructure.parse(document.structure);
    const [page] = structure.ocr?.pages ?? [];
    expect(page).toMatchObject({ index: 0, width: 1400 });
    const words = structure.ocr?.words ?? [];
    expect(words.map((word) => document.text.slice(word.start, word.end)).join(' ')).toBe(document.text.split(/\s+/).join(' '));
    for (const { box } of words) {
      expect(box[0]).toBeLessThan(box[2]);
      expect(box[2]).toBeLessThanOrEqual(page?.width ?? 0);
      expect(box[3]).toBeLessThanOrEqual(page?.height ?? 0);
    }
    // The lines are drawn top to bottom, so their words' boxes go down the page.
    const firstWord = words[0];
    const lastWord = words.at(-1);
    expect(firstWord && lastWord && firstWord.box[1] < lastWord.box[1]).toBe(true);
  });

  it('reads Arabic text from a JPEG in reading order', async () => {
    const document = await read(textImage('arabic', ocrCorpus.arabic, 'image/jpeg'), 'leaflet.jpg');
    expect(document.mediaType).toBe('image/jpeg');
    // Naskh's joined letters and dots are harder: a lower bar than English, still most of the words.
    expect(wordRecall(ocrCorpus.arabic, document.text)).toBeGreaterThanOrEqual(0.8);
    expect(document.text.indexOf('التفتيش')).toBeLessThan(document.text.indexOf('السكان'));
  });
});

describe('images Fieldbook cannot read', () => {
  const { failure } = extractionOf('image', 'scan.png');

  it('refuses an image too large to decode safely from its header, before decoding it', async () => {
    // A PNG header claiming 20,000 × 20,000 pixels, with no pixels behind it.
    const header = Buffer.from('89504e470d0a1a0a0000000d4948445200004e2000004e200806000000', 'hex');
    const error = await failure(header);
    expect(error.code).toBe('FILE_TOO_LARGE');
    expect(error.message).toContain('20000 × 20000');
  });

  it('refuses a file that is not an image', async () => {
    expect((await failure(new TextEncoder().encode('not an image at all'))).code).toBe('DAMAGED_FILE');
  });

  it('says which image formats it reads when given another', async () => {
    const gif = Buffer.from('474946383961010001000000002c00000000010001000002', 'hex');
    const error = await apiErrorOf(extractImage(gif, { fileName: 'a.gif', limits: defaultImportLimits }));
    expect(error).toMatchObject({ code: 'UNSUPPORTED_FILE' });
    expect(error.message).toContain('PNG or JPEG');
  });
});
