// Opening a PDF imported with an older text assembly assembles its text
// again, on the process that answers the UI, pages read twice (see
// main/import/pdf/reassemble-pdf-text.ts): the time that costs on a long
// book, once per document, and the time to carry its highlights.
import { performance } from 'node:perf_hooks';
import { defaultImportLimits } from '../../main/import/extracted-document';
import { reassemblePdfText } from '../../main/import/pdf/reassemble-pdf-text';
import { buildTextPdf } from '../support/pdf-builder';
import { firstAssembly } from '../support/first-assembly';
import { printFigure } from './figures';

const PAGES = 300;
const HIGHLIGHTS = 1_000;

export async function benchPdfUpgrade(): Promise<void> {
  const bytes = buildTextPdf(PAGES, { info: { title: 'Upgrade bench' } });
  const old = await firstAssembly(bytes);
  const started = performance.now();
  const result = await reassemblePdfText(bytes, { text: old.text, pages: old.pages, assembly: 1 }, { limits: defaultImportLimits });
  printFigure('pdf_text_upgrade_ms', { pages: PAGES }, performance.now() - started, 'ms');

  const carrying = performance.now();
  const step = Math.floor(old.text.length / HIGHLIGHTS);
  for (let i = 0; i < HIGHLIGHTS; i++) result.carry(i * step, i * step + 40);
  printFigure('pdf_text_upgrade_carry_ms', { pages: PAGES, highlights: HIGHLIGHTS }, performance.now() - carrying, 'ms');
}
