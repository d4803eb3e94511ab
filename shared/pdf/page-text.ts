import { lineEndHyphen } from './hyphenation';
import { hasRightToLeft, itemToVisual, visualToLogical } from './line-order';
import { decomposePresentationForms } from './presentation-forms';
import { cleanLine, NO_SOURCE, normalizeTraced, TracedTextBuilder, type TracedText } from './traced-text';

/** The parts of a pdf.js TextItem that text assembly needs. */
export interface PageTextItem {
  str: string;
  transform: readonly number[];
  width: number;
  height: number;
  hasEOL: boolean;
  /** pdf.js's verdict on the item's direction: 'rtl' items come reversed into logical order. Absent means 'ltr'. */
  dir?: string;
}

interface Line {
  /** The line in reading order, before cleaning; traced to visual unit numbers (see VisualUnits). */
  text: TracedText;
  /** Baseline position across the text direction, from the line's first visible item. */
  baseline?: number;
  size: number;
}

// A gap wider than this fraction of the font size is a word space; kerning
// stays below it. The figure pdftotext (minWordBreakSpace) and pdf.js,
// inside an item, use: a wider one lost the spaces of headings whose
// producer positions every glyph and sets words tightly.
const WORD_GAP = 0.1;
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
function needsSpace(previous: PageTextItem, item: PageTextItem, textSoFar: string, itemText: string): boolean {
  if (/\s$/.test(textSoFar) || /^\s/.test(itemText)) return false;
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
 * Inside a paragraph, a line ending in a hyphen is joined to the next one
 * (see hyphenation.ts); the joined word's letters stay traced to both
 * lines' items, so a highlight over it paints on both lines.
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
    const text = cleanLine(line.text);
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
      const hyphen = paragraph ? 'none' : lineEndHyphen(out.text.slice(-64), text.text);
      if (hyphen === 'join') out.dropLast(1);
      if (hyphen === 'none') out.append(paragraph ? '\n\n' : '\n', NO_SOURCE);
    }
    out.appendTraced(text);
    previous = line;
    breakPending = false;
  }
  return out.finish();
}

/**
 * A stretch of one text item that stands in one piece in the page text:
 * page text [start, end) was drawn by item `item` between the fractions
 * `from` and `to` of its width (measured in characters, left to right). An
 * item is usually one piece; one that a line's reordering split (a run
 * holding both an Arabic word and a number) is several.
 */
export interface TextPiece {
  item: number;
  start: number;
  end: number;
  from: number;
  to: number;
}

/** A page's text and where each part of it was drawn. */
export interface PageTextLayout {
  text: string;
  /** In page-text order; what assembly added (spaces between items, line breaks) belongs to none. */
  pieces: TextPiece[];
}

/** Where an item starts along its line, so a line's items can be put in the order they stand. */
function leftEdge(item: PageTextItem): number {
  return project(item, direction(item)).along;
}

/**
 * Units of the page in the order they are drawn are numbered across the
 * whole page: unit u belongs to the item whose range of numbers holds it.
 * The traces carry these numbers through reordering, cleaning and
 * normalisation, so the pieces can be told apart at the end.
 */
class VisualUnits {
  readonly #firsts: number[] = [];
  readonly #lengths: number[] = [];
  readonly #owners: number[] = [];
  #next = 0;

  /** Numbers the units of item `index`'s visual text; returns the text traced to them. */
  add(index: number, item: PageTextItem): TracedText {
    const visual = itemToVisual(item.str, item.dir);
    const first = this.#next;
    this.#firsts.push(first);
    this.#lengths.push(visual.length);
    this.#owners.push(index);
    this.#next += visual.length;
    const sources = new Array<number>(visual.length);
    for (let i = 0; i < visual.length; i++) sources[i] = first + i;
    return { text: visual, sources };
  }

  /** The item a unit number belongs to, and the unit's position in the item's visual text. */
  locate(unit: number): { item: number; offset: number; length: number } {
    let low = 0;
    let high = this.#firsts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.#firsts[middle]! <= unit) low = middle;
      else high = middle - 1;
    }
    return { item: this.#owners[low]!, offset: unit - this.#firsts[low]!, length: this.#lengths[low]! };
  }
}

/**
 * Groups the page text's units into pieces: consecutive units drawn by the
 * same item next to each other (reading order may run either way across
 * the item, one step at a time; several units from one are a decomposed
 * presentation form).
 */
function piecesOf(text: TracedText, units: VisualUnits): TextPiece[] {
  const pieces: TextPiece[] = [];
  let current: { item: number; start: number; low: number; high: number; last: number; length: number } | undefined;
  const close = (end: number) => {
    if (current) pieces.push({ item: current.item, start: current.start, end, from: current.low / current.length, to: (current.high + 1) / current.length });
    current = undefined;
  };
  text.sources.forEach((source, index) => {
    if (source === NO_SOURCE) return close(index);
    const { item, offset, length } = units.locate(source);
    if (current && current.item === item && Math.abs(offset - current.last) <= 1) {
      current.low = Math.min(current.low, offset);
      current.high = Math.max(current.high, offset);
      current.last = offset;
      return;
    }
    close(index);
    current = { item, start: index, low: offset, high: offset, last: offset, length: Math.max(1, length) };
  });
  close(text.text.length);
  return pieces;
}

/**
 * One page's text from pdf.js's text items (asked for without pdf.js's
 * normalisation, see presentation-forms.ts), in reading order: lines in
 * pdf.js's order, and within a line holding right-to-left letters, the
 * items ordered by where they stand and the line put in logical order (see
 * line-order.ts). The result is NFC, presentation forms decomposed, with
 * trimmed lines and single spaces. The import stores the text; the PDF
 * reader uses the pieces to map what is selected on the page to offsets in it.
 */
export function layoutPageText(items: readonly PageTextItem[]): PageTextLayout {
  const units = new VisualUnits();
  const lines: Line[] = [];
  let lineItems: number[] = [];
  const endLine = () => {
    // An empty line is kept: a blank line between two is a paragraph break.
    lines.push(assembleLine(items, lineItems, units));
    lineItems = [];
  };
  items.forEach((item, index) => {
    if (item.str !== '') {
      const previous = lineItems.at(-1);
      if (previous !== undefined && onNewLine(items[previous]!, item)) endLine();
      lineItems.push(index);
    }
    if (item.hasEOL) endLine();
  });
  endLine();
  const text = normalizeTraced(joinLines(lines));
  return { text: text.text, pieces: piecesOf(text, units) };
}

/**
 * One line from its items, traced to visual unit numbers. A line without
 * right-to-left letters keeps pdf.js's order (the content stream's, which
 * is the reading order of left-to-right text); one with them is put in
 * visual order and then in logical order (see line-order.ts). For that
 * order, items are sorted by their middle, not their left edge: cursive
 * fonts draw overlapping glyphs (Noto Naskh's lam reaches under the alef
 * that follows it). Whitespace items are left out there, and word spaces
 * come from the gaps alone: producers place the space glyphs of a
 * right-to-left run where they please (cairo puts them inside the word
 * before), while the gap a space leaves is where the reader sees it.
 */
function assembleLine(items: readonly PageTextItem[], indices: readonly number[], units: VisualUnits): Line {
  const rightToLeft = indices.some((index) => hasRightToLeft(items[index]!.str));
  const text = new TracedTextBuilder();
  if (rightToLeft) {
    const middle = (item: PageTextItem) => leftEdge(item) + item.width / 2;
    const order = indices.filter((index) => items[index]!.str.trim() !== '').sort((a, b) => middle(items[a]!) - middle(items[b]!));
    let reach = -Infinity;
    let previous: PageTextItem | undefined;
    for (const index of order) {
      const item = items[index]!;
      const left = leftEdge(item);
      // Measured from the furthest any glyph so far reaches, so an overlapping glyph does not open a false gap.
      if (previous && left - reach > WORD_GAP * Math.min(fontSize(previous), fontSize(item))) text.append(' ', NO_SOURCE);
      text.appendTraced(units.add(index, item));
      reach = Math.max(reach, left + item.width);
      previous = item;
    }
  } else {
    let previous: PageTextItem | undefined;
    for (const index of indices) {
      const item = items[index]!;
      const visual = units.add(index, item);
      if (previous && needsSpace(previous, item, text.text, visual.text)) text.append(' ', NO_SOURCE);
      text.appendTraced(visual);
      previous = item;
    }
  }
  // The baseline is the first visible item's in drawing order, so that a line's place does not depend on its direction.
  const first = indices.map((index) => items[index]!).find((item) => item.str.trim() !== '');
  const ordered = decomposePresentationForms(rightToLeft ? visualToLogical(text.finish()) : text.finish());
  return first ? { text: ordered, baseline: project(first, direction(first)).across, size: fontSize(first) } : { text: ordered, size: 0 };
}

/** The page text alone, as the import stores it. */
export function pageText(items: readonly PageTextItem[]): string {
  return layoutPageText(items).text;
}
