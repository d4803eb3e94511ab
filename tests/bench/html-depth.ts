// Refusing pages nested too deep to parse safely (main/import/html/nesting-depth.ts):
// measuring a megabyte of unclosed tags stops at the limit (target:
// under 200 ms), and a page of 10,000 nested elements, closed, unclosed or
// re-opened formatting, is refused before jsdom builds it (target: under 1 s
// each). The unit tests check that these pages are refused; here, how fast.
import { defaultImportLimits } from '../../main/import/extracted-document';
import { extractHtml } from '../../main/import/html/extract-html';
import { measureHtmlDepth } from '../../main/import/html/nesting-depth';
import { deeplyNested, reopenedFormattingNest } from '../support/html-fixtures';
import { percentile, printFigure } from './figures';

const RUNS = 5;

async function medianMs(task: () => unknown): Promise<number> {
  await task();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    await task();
    samples.push(performance.now() - started);
  }
  return percentile(samples.sort((a, b) => a - b), 0.5);
}

export async function benchHtmlDepth(): Promise<void> {
  const megabyte = deeplyNested(1_000_000, { unclosed: true });
  printFigure('html depth: measure stops at the limit', { tags: 1_000_000, limit: 512 }, await medianMs(() => measureHtmlDepth(megabyte, 512)), 'ms');
  const pages = { closed: deeplyNested(10_000), unclosed: deeplyNested(10_000, { unclosed: true }), 'reopened formatting': reopenedFormattingNest(10_000) };
  for (const [shape, html] of Object.entries(pages)) {
    const refuse = () => extractHtml({ html, fileName: 'deep.html', limits: defaultImportLimits }).catch(() => undefined);
    printFigure('html depth: refuse a deep page', { elements: 10_000, shape }, await medianMs(refuse), 'ms');
  }
}
