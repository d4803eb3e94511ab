// Anchoring figures: the anchoring half of painting 1,000 highlights on a long
// text document (target for the whole paint: under 500 ms), when the text is
// unchanged, when a tenth of the highlights moved or were edited, and the
// worst case where none can be found; and one orphan searched for alone.
import { type Anchor, anchorAll, anchorTarget } from '../../shared/anchoring/anchor-target';
import { describeRange } from '../../shared/anchoring/text-quote';
import type { HighlightTarget } from '../../shared/model/records';
import { generatedProse, seededRandom } from '../unit/shared/anchoring/generated-prose';
import { percentile, printFigure } from './figures';

const TEXT_LENGTH = 1_500_000;
const HIGHLIGHTS = 1000;
const RUNS = 7;

function medianMs(task: () => void, runs = RUNS): number {
  task();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    task();
    samples.push(performance.now() - started);
  }
  return percentile(samples.sort((a, b) => a - b), 0.5);
}

/** Highlights of 20–200 characters spread over the text, in reading order. */
function highlightsOver(text: string, count: number, seed: number): HighlightTarget[] {
  const random = seededRandom(seed);
  const starts = Array.from({ length: count }, () => Math.floor(random() * (text.length - 250))).sort((a, b) => a - b);
  return starts.map((start) => describeRange(text, start, start + 20 + Math.floor(random() * 180)));
}

/**
 * The text as a later capture: one highlight in 20 has three characters
 * changed inside it (same length, so nothing else moves), and a paragraph is
 * inserted before the last 5% of highlights, which moves them.
 */
function reviseText(text: string, targets: readonly HighlightTarget[]): string {
  let revised = text;
  for (const [i, target] of targets.entries()) {
    if (i % 20 !== 7) continue;
    const { start, end } = target.position;
    for (const at of [start + 3, Math.floor((start + end) / 2), end - 4]) revised = `${revised.slice(0, at)}#${revised.slice(at + 1)}`;
  }
  const insertAt = (targets[Math.floor(targets.length * 0.95)] as HighlightTarget).position.start - 10;
  return `${revised.slice(0, insertAt)} A paragraph added in the new version of the page. ${revised.slice(insertAt)}`;
}

function printAnchoring(scenario: string, text: string, targets: readonly HighlightTarget[]): void {
  let anchors: (Anchor | undefined)[] = [];
  const ms = medianMs(() => {
    anchors = anchorAll(text, targets);
  });
  const count = (method: Anchor['method'] | undefined) => anchors.filter((anchor) => anchor?.method === method).length;
  printFigure(
    'anchoring.all',
    { scenario, highlights: targets.length, textMB: text.length / 1e6, position: count('position'), quote: count('quote'), fuzzy: count('fuzzy'), orphaned: count(undefined) },
    ms,
    'ms',
  );
}

export async function benchAnchoring(): Promise<void> {
  const text = generatedProse(TEXT_LENGTH, 1);
  const targets = highlightsOver(text, HIGHLIGHTS, 2);
  printAnchoring('unchanged', text, targets);
  printAnchoring('tenth-moved-or-edited', reviseText(text, targets), targets);
  const orphans = highlightsOver(generatedProse(TEXT_LENGTH, 3), HIGHLIGHTS, 4);
  printAnchoring('all-orphaned', text, orphans);

  const long = generatedProse(2_000_000, 5);
  const orphan = orphans[0] as HighlightTarget;
  printFigure('anchoring.orphan', { textMB: long.length / 1e6, quoteLength: orphan.quote.exact.length }, medianMs(() => anchorTarget(long, orphan), 21), 'ms');
}
