import { cleanLine, NO_SOURCE, normalizeTraced, sourceRanges, TracedTextBuilder, type TracedText } from './traced-text';

/** The parts of a pdf.js TextItem that text assembly needs. */
export interface PageTextItem {
  str: string;
  transform: readonly number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

interface Line {
  /** The line as drawn, before cleaning; traced to its items. */
  text: TracedTextBuilder;
  /** Baseline position across the text direction, from the line's first visible item. */
  baseline?: number;
  size: number;
}

// A gap wider than this fraction of the font size is a word space; kerning
// and justification adjustments stay well below it.
const WORD_GAP = 0.15;
// A line further below the previous one than this multiple of the page's
// usual line spacing starts a new paragraph.
const PARAGRAPH_GAP = 1.5;


function fontSize(item: PageTextItem): number {
  return Math.hypot(item.transform[2] ?? 0, item.transform[3] ?? 0) || item.height || 1;
}

/** Unit vector along the item's writing direction, so rotated pages are measured along their lines. */
function direction(item: PageTextItem): [number, number] {
  const a = item.transform[0] ?? 1;
  const b = item.transform[1] ?? 0;
  const length = Math.hypot(a, b);
  return length === 0 ? [1, 0] : [a / length, b / length];
}

function origin(item: PageTextItem): [number, number] {
  return [item.transform[4] ?? 0, item.transform[5] ?? 0];
}

/** Position along the writing direction (`along`) and across it (`across`, the baseline). */
function project(item: PageTextItem, axis: [number, number]): { along: number; across: number } {
  const [x, y] = origin(item);
  return { along: x * axis[0] + y * axis[1], across: y * axis[0] - x * axis[1] };
}

/**
 * pdf.js marks line ends with hasEOL; this catches the items it leaves on
 * one "line" although the second sits on another baseline.
 */
function onNewLine(previous: PageTextItem, item: PageTextItem): boolean {
  const axis = direction(previous);
  return Math.abs(project(item, axis).across - project(previous, axis).across) > fontSize(previous) * 0.5;
}

/**
 * Items split mid-line (a font change, a right-to-left run, a kerned gap)
 * need a space only where the page shows one. Measured as the distance
 * between the two items' extents, so it holds whichever way the runs are
 * drawn (pdf.js gives right-to-left runs in logical order, but places them
 * where they were drawn).
 */
function needsSpace(previous: PageTextItem, item: PageTextItem, textSoFar: string): boolean {
  if (/\s$/.test(textSoFar) || /^\s/.test(item.str)) return false;
  const axis = direction(previous);
  const before = project(previous, axis).along;
  const after = project(item, axis).along;
  const gap = Math.max(after - (before + previous.width), before - (after + item.width));
  return gap > WORD_GAP * Math.min(fontSize(previous), fontSize(item));
}

/** The lower median: with few lines, paragraph gaps must not pass for the usual spacing. */
function lowerMedian(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/**
 * Lines to text: "\n" inside a paragraph, "\n\n" between paragraphs. A
 * paragraph ends at a blank line, a line that jumps back up the page (a new
 * column), or a vertical gap clearly wider than the page's usual spacing.
 */
function joinLines(lines: readonly Line[]): TracedText {
  const steps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const previous = lines[i - 1]!.baseline;
    const current = lines[i]!.baseline;
    if (previous !== undefined && current !== undefined && previous > current) steps.push(previous - current);
  }
  const usual = lowerMedian(steps);
  const out = new TracedTextBuilder();
  let previous: Line | undefined;
  let breakPending = false;
  for (const line of lines) {
    const text = cleanLine(line.text.finish());
    if (text.text === '') {
      breakPending = out.text !== '';
      continue;
    }
    if (previous && out.text !== '') {
      let paragraph = breakPending;
      if (previous.baseline !== undefined && line.baseline !== undefined) {
        const step = previous.baseline - line.baseline;
        if (step < -previous.size) paragraph = true;
        else if (usual !== undefined && step > usual * PARAGRAPH_GAP && step > previous.size * 1.2) paragraph = true;
      }
      out.append(paragraph ? '\n\n' : '\n', NO_SOURCE);
    }
    out.appendTraced(text);
    previous = line;
    breakPending = false;
  }
  return out.finish();
}

/** A page's text and, for each text item, the [start, end) of the page text it drew. */
export interface PageTextLayout {
  text: string;
  /** One per item, in the items' order; empty where an item added nothing (blank, or only spaces). */
  itemRanges: Array<{ start: number; end: number }>;
}

/**
 * One page's text from pdf.js's text items, in pdf.js's reading order. Runs
 * of right-to-left text arrive in logical order already and are kept as they
 * are. The result is NFC, with trimmed lines and single spaces. The import
 * stores the text; the PDF reader uses the item ranges to map what is
 * selected on the page to offsets in it.
 */
export function layoutPageText(items: readonly PageTextItem[]): PageTextLayout {
  const lines: Line[] = [];
  let line: Line = { text: new TracedTextBuilder(), size: 0 };
  let previous: PageTextItem | undefined;
  const endLine = () => {
    lines.push(line);
    line = { text: new TracedTextBuilder(), size: 0 };
    previous = undefined;
  };
  items.forEach((item, index) => {
    if (item.str !== '') {
      if (previous && onNewLine(previous, item)) endLine();
      if (previous && needsSpace(previous, item, line.text.text)) line.text.append(' ', NO_SOURCE);
      line.text.append(item.str, index);
      if (line.baseline === undefined && item.str.trim() !== '') {
        line.baseline = project(item, direction(item)).across;
        line.size = fontSize(item);
      }
      previous = item;
    }
    if (item.hasEOL) endLine();
  });
  endLine();
  const text = normalizeTraced(joinLines(lines));
  return { text: text.text, itemRanges: sourceRanges(text, items.length) };
}

/** The page text alone, as the import stores it. */
export function pageText(items: readonly PageTextItem[]): string {
  return layoutPageText(items).text;
}
