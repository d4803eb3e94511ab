import { hasRightToLeft } from '../../../../shared/pdf/line-order';
import { firstSpanEndingAfter } from './highlight-rects';

/**
 * Selection in the text layers, driven by the pointer and the keyboard
 * rather than left to the browser. The spans stand where the PDF drew
 * their glyphs, absolutely positioned and in canonical (reading) order;
 * for right-to-left and mixed lines that order is not the order they stand
 * on the page, and a producer such as Chromium draws Arabic one glyph per
 * span. The browser's own drag selection then extends by DOM order and
 * hit-tests element edges: it stopped a few spans into a word, or jumped
 * to another line. Here the point under the pointer is turned into a
 * canonical offset from the spans' drawn boxes, and the selection is the
 * canonical range between the drag's two ends, set on the spans, so it
 * holds exactly the words between them, in either direction.
 */

const SPAN = '[data-start]';

function spanStart(span: HTMLElement): number {
  return Number(span.dataset.start);
}

function spanEnd(span: HTMLElement): number {
  return Number(span.dataset.end);
}

/** Where the pointer is in the canonical text: the boundary nearest it, and the character it is on (or nearest to). */
export interface TextPoint {
  offset: number;
  character: number;
}

/** The page under (or nearest to, vertically) a point. */
function pageAt(root: Element, y: number): Element | undefined {
  let best: { page: Element; distance: number } | undefined;
  for (const page of root.querySelectorAll('.pdf-page')) {
    const rect = page.getBoundingClientRect();
    const distance = y < rect.top ? rect.top - y : y > rect.bottom ? y - rect.bottom : 0;
    if (!best || distance < best.distance) best = { page, distance };
    if (distance === 0) break;
  }
  return best?.page;
}

/** How far a point is from a box along one axis (0 inside it). */
function outside(value: number, low: number, high: number): number {
  return value < low ? low - value : value > high ? value - high : 0;
}

/**
 * Whether the character is read right to left where it stands: a
 * right-to-left letter is, a Latin letter or a digit is not, and
 * punctuation and spaces follow their span.
 */
function readsRightToLeft(character: string, span: HTMLElement): boolean {
  if (hasRightToLeft(character)) return true;
  if (/[\p{L}\p{N}]/u.test(character)) return false;
  return span.dir === 'rtl';
}

/**
 * The character of `span` nearest to x (and the boundary on x's side of
 * it): the boundary before a character is on its right for right-to-left
 * letters, on its left otherwise.
 */
function pointInSpan(span: HTMLElement, x: number): TextPoint {
  const text = span.firstChild;
  const start = spanStart(span);
  const length = spanEnd(span) - start;
  const range = document.createRange();
  let best = { index: 0, distance: Infinity, after: false };
  for (let i = 0; text && i < length; i++) {
    range.setStart(text, i);
    range.setEnd(text, i + 1);
    const rect = range.getBoundingClientRect();
    const distance = outside(x, rect.left, rect.right);
    if (distance < best.distance) {
      const rightHalf = x > rect.left + rect.width / 2;
      best = { index: i, distance, after: readsRightToLeft(span.textContent?.[i] ?? '', span) ? !rightHalf : rightHalf };
      if (distance === 0) break;
    }
  }
  return { offset: start + best.index + (best.after ? 1 : 0), character: start + best.index };
}

/**
 * The text point at (x, y) in the text layers under `root`: on the page
 * under the pointer (or the nearest), in the span under it or else the
 * nearest one, lines first (a span on the pointer's line beats a nearer
 * one above or below). Undefined when no page has text.
 */
export function textPointAt(root: Element, x: number, y: number): TextPoint | undefined {
  const page = pageAt(root, y);
  if (!page) return undefined;
  let best: { span: HTMLElement; across: number; along: number } | undefined;
  for (const span of page.querySelectorAll<HTMLElement>(SPAN)) {
    const rect = span.getBoundingClientRect();
    const across = outside(y, rect.top, rect.bottom);
    const along = outside(x, rect.left, rect.right);
    if (!best || across < best.across || (across === best.across && along < best.along)) best = { span, across, along };
    if (across === 0 && along === 0) break;
  }
  return best && pointInSpan(best.span, x);
}

/** A DOM position for canonical offset `offset`, as the start or the end of a range (an offset between spans goes to the next span's start, or the previous one's end). */
function domPosition(spans: readonly HTMLElement[], offset: number, edge: 'start' | 'end'): { node: Node; offset: number } | undefined {
  if (edge === 'start') {
    const span = spans[firstSpanEndingAfter(spans, offset)];
    return span?.firstChild ? { node: span.firstChild, offset: Math.max(0, offset - spanStart(span)) } : undefined;
  }
  const index = firstSpanEndingAfter(spans, offset - 1);
  const span = spans[index];
  if (span?.firstChild && spanStart(span) < offset) return { node: span.firstChild, offset: offset - spanStart(span) };
  const before = spans[index - 1];
  return before?.firstChild ? { node: before.firstChild, offset: spanEnd(before) - spanStart(before) } : undefined;
}

/**
 * Selects canonical [min, max) of anchor and focus on the spans under
 * `root`, keeping the direction (the focus is where the pointer or the
 * keyboard goes on from). An empty range clears the selection.
 */
export function selectOffsets(root: Element, anchor: number, focus: number): void {
  const selection = document.getSelection();
  if (!selection) return;
  const spans = [...root.querySelectorAll<HTMLElement>(SPAN)];
  const start = domPosition(spans, Math.min(anchor, focus), 'start');
  const end = domPosition(spans, Math.max(anchor, focus), 'end');
  if (anchor === focus || !start || !end) {
    selection.removeAllRanges();
    return;
  }
  const [from, to] = anchor <= focus ? [start, end] : [end, start];
  selection.setBaseAndExtent(from.node, from.offset, to.node, to.offset);
}

const words = new Intl.Segmenter(undefined, { granularity: 'word' });

/** How far around a point word and line look: a word or line longer than this is cut there. */
const REACH = 200;

/** The word holding `character` (or the character alone, when it is not in one), as canonical [start, end). */
export function wordAt(text: string, character: number): { start: number; end: number } {
  const from = Math.max(0, character - REACH);
  for (const segment of words.segment(text.slice(from, character + REACH))) {
    const start = from + segment.index;
    const end = start + segment.segment.length;
    if (start <= character && character < end) return segment.isWordLike ? { start, end } : { start: character, end: character + 1 };
  }
  return { start: character, end: Math.min(text.length, character + 1) };
}

/** The line holding `character`, as canonical [start, end). */
export function lineAt(text: string, character: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', character - 1) + 1;
  const next = text.indexOf('\n', character);
  return { start, end: next === -1 ? text.length : next };
}

/**
 * Where Shift+Arrow moves the focus: one character (a word with Ctrl or
 * Alt) towards the arrow's side of the page. Which way that is in the text
 * depends on the characters there: left is forward in Arabic and backward
 * in English, as it is in an editor.
 */
export function stepFocus(text: string, focus: number, key: 'ArrowLeft' | 'ArrowRight', byWord: boolean): number {
  const near = text[focus] ?? text[focus - 1] ?? '';
  const rightToLeft = hasRightToLeft(near) || (!/[\p{L}\p{N}]/u.test(near) && hasRightToLeft(text[focus - 1] ?? ''));
  const forward = (key === 'ArrowLeft') === rightToLeft;
  if (!byWord) return Math.max(0, Math.min(text.length, focus + (forward ? 1 : -1)));
  let at = focus;
  if (forward) {
    while (at < text.length && /\s/.test(text[at]!)) at++;
    return at < text.length ? wordAt(text, at).end : at;
  }
  while (at > 0 && /\s/.test(text[at - 1]!)) at--;
  return at > 0 ? wordAt(text, at - 1).start : at;
}
