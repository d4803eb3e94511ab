// Right-to-left PDF text against the known text and against pdftotext, per
// script, over the generated corpus (tests/support/rtl-pdf-fixtures.ts) from
// each producer: word recall (the share of the known words the canonical
// text holds, as a multiset) and order agreement (the share of each tool's
// adjacent word pairs that the known text has too, so a line read backwards
// scores 0). pdftotext's figures are printed beside Fieldbook's.
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { defaultImportLimits } from '../../main/import/extracted-document';
import { extractPdf } from '../../main/import/pdf/extract-pdf';
import { chromiumPdf, missingFor, pangoPdf, rtlCorpus, type Script } from '../support/rtl-pdf-fixtures';
import { makeTempDir } from '../support/temp-dir';
import { printFigure } from './figures';
import { ensurePdftotext, printMissing } from './pdf';

const run = promisify(execFile);

// pdftotext wraps right-to-left lines in bidi embedding controls.
const words = (line: string) => line.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').split(/\s+/).filter((word) => word !== '');

function recall(known: string[], got: string[]): number {
  const left = new Map<string, number>();
  for (const word of got) left.set(word, (left.get(word) ?? 0) + 1);
  let found = 0;
  for (const word of known) {
    const count = left.get(word) ?? 0;
    if (count > 0) {
      found++;
      left.set(word, count - 1);
    }
  }
  return known.length === 0 ? 1 : found / known.length;
}

function orderAgreement(known: string[], got: string[]): number {
  const pairs = new Set(known.slice(1).map((word, i) => `${known[i]} ${word}`));
  const theirs = got.slice(1).map((word, i) => `${got[i]} ${word}`);
  return theirs.length === 0 ? 0 : theirs.filter((pair) => pairs.has(pair)).length / theirs.length;
}

const scripts: Script[] = ['arabic', 'persian', 'hebrew', 'mixed'];
const figures = ['pdf_rtl_word_recall', 'pdf_rtl_order_agreement'] as const;

/**
 * Per script, the mean over its corpus lines of recall and order agreement,
 * each corpus line scored against the output line that holds most of its
 * words (the tools break and order lines differently; that is not what is measured).
 */
function report(producer: string, tool: string, lines: string[]): void {
  const outputs = lines.map(words);
  const bestMatch = (known: string[]) => outputs.reduce((best, line) => (recall(known, line) > recall(known, best) ? line : best), []);
  for (const script of scripts) {
    const known = rtlCorpus.filter((line) => line.script === script).map((line) => words(line.text));
    const mean = (score: (known: string[], got: string[]) => number) => known.reduce((sum, line) => sum + score(line, bestMatch(line)), 0) / known.length;
    printFigure('pdf_rtl_word_recall', { producer, script, tool }, mean(recall), 'ratio');
    printFigure('pdf_rtl_order_agreement', { producer, script, tool }, mean(orderAgreement), 'ratio');
  }
}

export async function benchPdfRtl(): Promise<void> {
  const pdftotextMissing = ensurePdftotext();
  for (const [producer, generate] of [
    ['chromium', chromiumPdf],
    ['pango', pangoPdf],
  ] as const) {
    const missing = missingFor(producer);
    if (missing) {
      for (const figure of figures) for (const script of scripts) printMissing(figure, { producer, script }, 'ratio', missing);
      continue;
    }
    const bytes = await generate(rtlCorpus);
    const document = await extractPdf(bytes, { limits: defaultImportLimits });
    report(producer, 'fieldbook', document.text.split(/\n+/));
    if (pdftotextMissing) {
      for (const figure of figures) for (const script of scripts) printMissing(figure, { producer, script, tool: 'pdftotext' }, 'ratio', pdftotextMissing);
      continue;
    }
    const temp = await makeTempDir('fieldbook-bench-rtl-');
    try {
      const file = path.join(temp.dir, 'corpus.pdf');
      await writeFile(file, bytes);
      await run('pdftotext', ['-enc', 'UTF-8', file, path.join(temp.dir, 'corpus.txt')]);
      const lines = (await readFile(path.join(temp.dir, 'corpus.txt'), 'utf8')).split('\n').filter((line) => words(line).length > 0);
      report(producer, 'pdftotext', lines);
    } finally {
      await temp.remove();
    }
  }
}
