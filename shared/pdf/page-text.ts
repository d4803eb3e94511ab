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

/**
 * Versions of text assembly. A PDF's canonical text is what assembly made
 * of its pages at import, and the reader must rebuild exactly that text to
 * map what is selected on a page to it; so each document records the
 * version it was assembled with (DocumentRecord.pdf.textAssembly, absent
 * for version 1), and an older document is assembled again, its highlights
 * carried over, when it is opened (main/content/pdf-text-upgrade.ts). The
 * versions differ in these steps only:
 * - 1: lines in pdf.js's order, presentation forms as pdf.js normalises
 *   them item by item, line-end hyphens kept, word gaps from 0.15 em;
 * - 2: lines holding right-to-left letters in logical order (line-order.ts),
 *   presentation forms to letters after that (presentation-forms.ts),
 *   hyphenation joined (hyphenation.ts), word gaps from 0.1 em: the figure
 *   pdftotext (minWordBreakSpace) and pdf.js, inside an item, use; a wider
 *   one lost the spaces of headings whose producer positions every glyph
 *   and sets words tightly. Kerning stays below either.
 */
export type TextAssembly = 1 | 2;
export const TEXT_ASSEMBLY: TextAssembly = 2;

interface AssemblySteps {
  logicalOrder: boolean;
  letters: boolean;
  joinHyphens: boolean;
  wordGap: number;
}

const steps: Record<TextAssembly, AssemblySteps> = {
  1: { logicalOrder: false, letters: false, joinHyphens: false, wordGap: 0.15 },
  2: { logicalOrder: true, letters: true, joinHyphens: true, wordGap: 0.1 },
};

/**
 * How to ask pdf.js for a page's text for a version: version 2 decomposes
 * presentation forms after lines are put in reading order, so pdf.js must
 * not do it first.
 */
export function textContentParams(assembly: TextAssembly = TEXT_ASSEMBLY): { disableNormalization: boolean } {
  return { disableNormalization: steps[assembly].letters };
}

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
function needsSpace(previous: PageTextItem, item: PageTextItem, textSoFar: string, itemText: string, wordGap: number): boolean {
  if (/\s$/.test(textSoFar) || /^\s/.test(itemText)) return false;
  const axis = direction(previous);
  const before = project(previous, axis).along;
  const after = project(item, axis).along;
  const gap = Math.max(after - (before + previous.width), before - (after + item.width));
  return gap > wordGap * Math.min(fontSize(previous), fontSize(item));
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
function joinLines(lines: readonly Line[], joinHyphens: boolean): TracedText {
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
      const hyphen = paragraph || !joinHyphens ? 'none' : lineEndHyphen(out.text.slice(-64), text.text);
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
  /** Items whose units were numbered in pdf.js's (logical) order, right to left on the page (version 1). */
  readonly #reversed: boolean[] = [];
  #next = 0;

  /** Numbers the units of item `index`'s visual text (`visual` false: its text as pdf.js gives it); returns the text traced to them. */
  add(index: number, item: PageTextItem, visual: boolean): TracedText {
    const text = visual ? itemToVisual(item.str, item.dir) : item.str;
    const first = this.#next;
    this.#firsts.push(first);
    this.#lengths.push(text.length);
    this.#owners.push(index);
    this.#reversed.push(!visual && item.dir === 'rtl');
    this.#next += text.length;
    const sources = new Array<number>(text.length);
    for (let i = 0; i < text.length; i++) sources[i] = first + i;
    return { text, sources };
  }

  /** The item a unit number belongs to, and the unit's position in the item's text. */
  locate(unit: number): { item: number; offset: number; length: number } {
    const owner = this.#ownerOf(unit);
    return { item: this.#owners[owner]!, offset: unit - this.#firsts[owner]!, length: this.#lengths[owner]! };
  }

  /** Where a unit stands across its item's drawn width: the fraction at its middle, from the left. */
  glyph(unit: number): Glyph {
    const owner = this.#ownerOf(unit);
    const share = 1 / Math.max(1, this.#lengths[owner]!);
    const along = (unit - this.#firsts[owner]! + 0.5) * share;
    return { item: this.#owners[owner]!, along: this.#reversed[owner] ? 1 - along : along, share };
  }

  #ownerOf(unit: number): number {
    let low = 0;
    let high = this.#firsts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.#firsts[middle]! <= unit) low = middle;
      else high = middle - 1;
    }
    return low;
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

/** The page text traced to the units of the items that drew it. */
function assemble(items: readonly PageTextItem[], assembly: TextAssembly): { text: TracedText; units: VisualUnits } {
  const use = steps[assembly];
  const units = new VisualUnits();
  const lines: Line[] = [];
  let lineItems: number[] = [];
  const endLine = () => {
    // An empty line is kept: a blank line between two is a paragraph break.
    lines.push(assembleLine(items, lineItems, units, use));
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
  return { text: normalizeTraced(joinLines(lines, use.joinHyphens)), units };
}

/**
 * One page's text from pdf.js's text items (asked for with
 * textContentParams), in reading order: lines in pdf.js's order, and within
 * a line holding right-to-left letters, the items ordered by where they
 * stand and the line put in logical order (see line-order.ts). The result
 * is NFC, presentation forms decomposed, with trimmed lines and single
 * spaces. The import stores the text; the PDF reader uses the pieces to map
 * what is selected on the page to offsets in it.
 */
export function layoutPageText(items: readonly PageTextItem[]): PageTextLayout {
  const { text, units } = assemble(items, TEXT_ASSEMBLY);
  return { text: text.text, pieces: piecesOf(text, units) };
}

/** Where a character of page text was drawn: by item `item`, at the fraction `along` of its width from the left, by a glyph `share` of that width wide (counted in characters). */
export interface Glyph {
  item: number;
  along: number;
  share: number;
}

/**
 * A page's text as a version of assembly made it, and where each of its
 * characters was drawn (undefined for what assembly added: spaces between
 * items, line breaks). Two versions' texts of one page are related through
 * the glyphs: that is how highlights are carried from one to the other.
 */
export function traceGlyphs(items: readonly PageTextItem[], assembly: TextAssembly): { text: string; glyphAt(index: number): Glyph | undefined } {
  const { text, units } = assemble(items, assembly);
  return {
    text: text.text,
    glyphAt: (index) => {
      const source = text.sources[index];
      return source === undefined || source === NO_SOURCE ? undefined : units.glyph(source);
    },
  };
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
function assembleLine(items: readonly PageTextItem[], indices: readonly number[], units: VisualUnits, use: AssemblySteps): Line {
  const rightToLeft = use.logicalOrder && indices.some((index) => hasRightToLeft(items[index]!.str));
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
      if (previous && left - reach > use.wordGap * Math.min(fontSize(previous), fontSize(item))) text.append(' ', NO_SOURCE);
      text.appendTraced(units.add(index, item, true));
      reach = Math.max(reach, left + item.width);
      previous = item;
    }
  } else {
    let previous: PageTextItem | undefined;
    for (const index of indices) {
      const item = items[index]!;
      const visual = units.add(index, item, use.logicalOrder);
      if (previous && needsSpace(previous, item, text.text, visual.text, use.wordGap)) text.append(' ', NO_SOURCE);
      text.appendTraced(visual);
      previous = item;
    }
  }
  // The baseline is the first visible item's in drawing order, so that a line's place does not depend on its direction.
  const first = indices.map((index) => items[index]!).find((item) => item.str.trim() !== '');
  const reordered = rightToLeft ? visualToLogical(text.finish()) : text.finish();
  const ordered = use.letters ? decomposePresentationForms(reordered) : reordered;
  return first ? { text: ordered, baseline: project(first, direction(first)).across, size: fontSize(first) } : { text: ordered, size: 0 };
}

/** The page text alone, as the import stores it. */
export function pageText(items: readonly PageTextItem[]): string {
  return layoutPageText(items).text;
}
