import { describe, expect, it } from 'vitest';
import { openOcrEngine } from '../../../../../main/import/ocr/recognise';
import { missingOcrFonts, ocrCorpus, textImage } from '../../../../support/ocr-fixtures';

describe.skipIf(missingOcrFonts() !== undefined)('an OCR engine', () => {
  it('stops mid-page when cancelled, and reads nothing more', async () => {
    const controller = new AbortController();
    const engine = await openOcrEngine(['eng'], controller.signal);
    const reading = engine.recognise(textImage('english', ocrCorpus.english));
    controller.abort();
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    await expect(engine.recognise(textImage('english', ocrCorpus.english))).rejects.toMatchObject({ name: 'AbortError' });
    await engine.close();
  });
});
