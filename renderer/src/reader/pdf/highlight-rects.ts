/** A rectangle in a page's CSS pixels, from its top-left corner. */
export interface PageRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

function spanStart(span: HTMLElement): number {
  return Number(span.dataset.start);
}

/** The index of the first span that ends after `offset` (spans are sorted and do not overlap). */
export function firstSpanEndingAfter(spans: readonly HTMLElement[], offset: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (Number(spans[middle]!.dataset.end) <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Rectangles on one line that touch or nearly touch become one, so a highlight has no gaps between words. */
function mergeLines(rects: PageRect[]): PageRect[] {
  const merged: PageRect[] = [];
  for (const rect of rects) {
    const last = merged.at(-1);
    const sameLine = last && Math.abs(last.top - rect.top) < last.height / 2 && Math.abs(last.height - rect.height) < last.height / 2;
    const gap = last ? Math.max(rect.left - (last.left + last.width), last.left - (rect.left + rect.width)) : Infinity;
    if (last && sameLine && gap < last.height) {
      const left = Math.min(last.left, rect.left);
      const top = Math.min(last.top, rect.top);
      last.width = Math.max(last.left + last.width, rect.left + rect.width) - left;
      last.height = Math.max(last.top + last.height, rect.top + rect.height) - top;
      last.left = left;
      last.top = top;
    } else {
      merged.push({ ...rect });
    }
  }
  return merged;
}

/**
 * Where the canonical range [start, end) is drawn on a page, from the page's
 * text-layer spans (sorted by offset), relative to `page`'s top-left corner.
 */
export function rectsForRange(page: HTMLElement, spans: readonly HTMLElement[], start: number, end: number): PageRect[] {
  const origin = page.getBoundingClientRect();
  const rects: PageRect[] = [];
  const range = document.createRange();
  for (let i = firstSpanEndingAfter(spans, start); i < spans.length; i++) {
    const span = spans[i]!;
    const spanFrom = spanStart(span);
    if (spanFrom >= end) break;
    const text = span.firstChild;
    if (!text) continue;
    range.setStart(text, Math.max(start, spanFrom) - spanFrom);
    range.setEnd(text, Math.min(end, Number(span.dataset.end)) - spanFrom);
    for (const rect of range.getClientRects()) {
      if (rect.width > 0 && rect.height > 0) rects.push({ left: rect.left - origin.left, top: rect.top - origin.top, width: rect.width, height: rect.height });
    }
  }
  return mergeLines(rects);
}
