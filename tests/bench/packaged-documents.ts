// Word and EPUB import (main/import/docx, main/import/epub): how fast a long
// document, 1,000 paragraphs under 50 headings with 25 images (about 60
// printed pages), goes from file bytes to canonical text and reader HTML.
// Neither format carries a page count until laid out, so the figures are
// milliseconds per document and paragraphs per second.
import { extractDocx } from '../../main/import/docx/extract-docx';
import { extractEpub } from '../../main/import/epub/extract-epub';
import { defaultImportLimits } from '../../main/import/extracted-document';
import { documentXml, embeddedImage, heading, paragraph, reportDocxBytes } from '../support/docx-fixtures';
import { bookEpubBytes } from '../support/epub-fixtures';
import { percentile, printFigure } from './figures';

const SECTIONS = 50;
const PARAGRAPHS_PER_SECTION = 20;
const IMAGE_EVERY_SECTIONS = 2;
const RUNS = 5;

/** The long document's sections, written by the format's own heading, paragraph and image writers. */
function longDocument(write: { heading: (text: string) => string; paragraph: (text: string) => string; image: (index: number) => string }): string {
  const parts: string[] = [];
  for (let section = 0; section < SECTIONS; section += 1) {
    parts.push(write.heading(`Section ${section + 1}: salinity and irrigation`));
    for (let index = 0; index < PARAGRAPHS_PER_SECTION; index += 1) {
      parts.push(write.paragraph(`Paragraph ${index + 1} of section ${section + 1}: farmers on the eastern bank measured the salt at the pumps every morning and wrote it down, station by station, for the whole of the dry season.`));
    }
    if (section % IMAGE_EVERY_SECTIONS === 0) parts.push(write.image(section + 1));
  }
  return parts.join('');
}

async function benchFormat(format: string, bytes: Uint8Array, extract: (bytes: Uint8Array) => Promise<unknown>): Promise<void> {
  await extract(bytes);
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    await extract(bytes);
    samples.push(performance.now() - started);
  }
  const median = percentile(samples.sort((a, b) => a - b), 0.5);
  const paragraphs = SECTIONS * PARAGRAPHS_PER_SECTION;
  printFigure(`${format} import: one long document`, { paragraphs, headings: SECTIONS, bytes: bytes.byteLength }, median, 'ms');
  printFigure(`${format} import: paragraphs per second`, { paragraphs }, (paragraphs / median) * 1000, 'paragraphs/s');
}

export async function benchPackagedDocuments(): Promise<void> {
  const docx = await reportDocxBytes({ 'word/document.xml': documentXml(longDocument({ heading, paragraph, image: (index) => embeddedImage(index, `Chart ${index}`) })) });
  await benchFormat('docx', docx, (bytes) => extractDocx(bytes, 'report.docx', defaultImportLimits));

  const chapter = longDocument({ heading: (text) => `<h2>${text}</h2>`, paragraph: (text) => `<p>${text}</p>`, image: (index) => `<p><img src="../Images/map%20one.png" alt="Chart ${index}"/></p>` });
  const epub = await bookEpubBytes({ override: { 'OEBPS/Text/chapter2.xhtml': `<html xmlns="http://www.w3.org/1999/xhtml"><body>${chapter}</body></html>` } });
  await benchFormat('epub', epub, (bytes) => extractEpub(bytes, 'book.epub', defaultImportLimits));
}
