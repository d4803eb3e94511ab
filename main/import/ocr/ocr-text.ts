import type { Block, OcrPage, OcrWord, PageRange } from '../../../shared/model/document-structure';
import type { RecognisedPage } from './recognise';

export interface OcrPageImage {
  width: number;
  height: number;
  languages: string[];
  paragraphs: RecognisedPage;
}

export interface OcrText {
  text: string;
  blocks: Block[];
  pages: PageRange[];
  ocr: { pages: OcrPage[]; words: OcrWord[] };
}

/**
 * Canonical text from OCR'd pages (conventions in document-structure.ts):
 * paragraphs and pages separated by "\n\n", lines by "\n", words by a space,
 * each word NFC and remembered with its range and box.
 */
export function ocrText(images: readonly OcrPageImage[]): OcrText {
  let text = '';
  const blocks: Block[] = [];
  const pages: PageRange[] = [];
  const words: OcrWord[] = [];
  images.forEach((image, index) => {
    let pageStart: number | undefined;
    for (const paragraph of image.paragraphs) {
      if (text !== '') text += '\n\n';
      const start = text.length;
      pageStart ??= start;
      paragraph.forEach((line, lineIndex) => {
        if (lineIndex > 0) text += '\n';
        line.forEach((word, wordIndex) => {
          if (wordIndex > 0) text += ' ';
          const wordStart = text.length;
          text += word.text.normalize('NFC');
          words.push({ page: index, start: wordStart, end: text.length, box: word.box, confidence: word.confidence });
        });
      });
      blocks.push({ type: 'paragraph', start, end: text.length });
    }
    // A page OCR found nothing on is an empty range where it falls.
    pages.push({ index, start: pageStart ?? text.length, end: text.length });
  });
  const ocrPages = images.map((image, index): OcrPage => ({ index, width: image.width, height: image.height, languages: image.languages }));
  return { text, blocks, pages, ocr: { pages: ocrPages, words } };
}
