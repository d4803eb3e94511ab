import type { TextRange } from '../view-props';

/**
 * DOM selections over text-layer spans to canonical offsets. A span
 * (see text-layer.ts) holds exactly the canonical text from its data-start
 * to its data-end, so a point inside its text is an offset by addition. A
 * point between spans (the selection began on blank page, or between two
 * pages) is moved to the nearest span edge in the selection's direction.
 */

const SPAN = '[data-start]';

function spanOffsets(span: Element): { start: number; end: number } {
  return { start: Number((span as HTMLElement).dataset.start), end: Number((span as HTMLElement).dataset.end) };
}

/** The offset of a point inside a span, or undefined when the point is not in one. */
function offsetInSpan(node: Node, offset: number): number | undefined {
  const element = node instanceof Element ? node : node.parentElement;
  const span = element?.closest(SPAN);
  if (!span) return undefined;
  const { start, end } = spanOffsets(span);
  if (node === span) return offset === 0 ? start : end;
  // The span's only child is its text node, whose offsets are the span's.
  return Math.min(end, start + offset);
}

/**
 * For a point outside every span: the start of the first span after it
 * (edge 'start') or the end of the last span before it (edge 'end').
 * Spans are in document order, which is canonical order, so a binary search finds it.
 */
function offsetBesideSpans(root: Element, node: Node, offset: number, edge: 'start' | 'end'): number | undefined {
  const spans = root.querySelectorAll(SPAN);
  const point = document.createRange();
  point.setStart(node, offset);
  // The index of the first span that starts at or after the point.
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (point.comparePoint(spans[middle]!, 0) >= 0) high = middle;
    else low = middle + 1;
  }
  const span = edge === 'start' ? spans[low] : spans[low - 1];
  if (!span) return undefined;
  const offsets = spanOffsets(span);
  return edge === 'start' ? offsets.start : offsets.end;
}

function boundaryOffset(root: Element, node: Node, offset: number, edge: 'start' | 'end'): number | undefined {
  return offsetInSpan(node, offset) ?? offsetBesideSpans(root, node, offset, edge);
}

/**
 * The canonical range a DOM range covers in the text layers under `root`,
 * with the page it starts on; undefined when it covers no text or lies
 * outside `root`.
 */
export function rangeToOffsets(root: Element, range: Range): TextRange | undefined {
  if (range.collapsed || !root.contains(range.commonAncestorContainer)) return undefined;
  const start = boundaryOffset(root, range.startContainer, range.startOffset, 'start');
  const end = boundaryOffset(root, range.endContainer, range.endOffset, 'end');
  if (start === undefined || end === undefined || end <= start) return undefined;
  const pageElement = (range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement)?.closest<HTMLElement>('[data-page-index]');
  const page = pageElement ? Number(pageElement.dataset.pageIndex) : undefined;
  return page === undefined || Number.isNaN(page) ? { start, end } : { start, end, page };
}
