// Word import (main/import/docx): how fast a long report, 1,000 paragraphs
// under 50 headings with 25 embedded images (about 60 printed pages), goes
// from .docx bytes to canonical text and reader HTML. Word files carry no
// page count until laid out, so the figures are paragraphs per second and
// milliseconds per report.
import { extractDocx } from '../../main/import/docx/extract-docx';
import { defaultImportLimits } from '../../main/import/extracted-document';
import { documentXml, embeddedImage, heading, paragraph, reportDocxBytes } from '../support/docx-fixtures';
import { percentile, printFigure } from './figures';

const SECTIONS = 50;
const PARAGRAPHS_PER_SECTION = 20;
const IMAGE_EVERY_SECTIONS = 2;
const RUNS = 5;

function longReportBody(): string {
  const parts: string[] = [];
  for (let section = 0; section < SECTIONS; section += 1) {
    parts.push(heading(`Section ${section + 1}: salinity and irrigation`));
    for (let index = 0; index < PARAGRAPHS_PER_SECTION; index += 1) {
      parts.push(paragraph(`Paragraph ${index + 1} of section ${section + 1}: farmers on the eastern bank measured the salt at the pumps every morning and wrote it down, station by station, for the whole of the dry season.`));
    }
    if (section % IMAGE_EVERY_SECTIONS === 0) parts.push(embeddedImage(section + 1, `Chart ${section + 1}`));
  }
  return parts.join('');
}

export async function benchDocx(): Promise<void> {
  const bytes = await reportDocxBytes({ 'word/document.xml': documentXml(longReportBody()) });
  await extractDocx(bytes, 'report.docx', defaultImportLimits);
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    await extractDocx(bytes, 'report.docx', defaultImportLimits);
    samples.push(performance.now() - started);
  }
  const median = percentile(samples.sort((a, b) => a - b), 0.5);
  const paragraphs = SECTIONS * PARAGRAPHS_PER_SECTION;
  printFigure('docx import: one long report', { paragraphs, headings: SECTIONS, bytes: bytes.byteLength }, median, 'ms');
  printFigure('docx import: paragraphs per second', { paragraphs }, (paragraphs / median) * 1000, 'paragraphs/s');
}
