/** A page's size in CSS pixels at the current zoom. */
export interface PageSize {
  width: number;
  height: number;
}

/** Where each page sits in the scrolling column, top to bottom. */
export interface PageLayout {
  tops: number[];
  sizes: PageSize[];
  height: number;
  width: number;
}

/** The gap between pages and around the column, in CSS pixels. */
export const PAGE_GAP = 12;

export function layoutPages(sizes: readonly PageSize[]): PageLayout {
  const tops: number[] = [];
  let y = PAGE_GAP;
  let width = 0;
  for (const size of sizes) {
    tops.push(y);
    y += size.height + PAGE_GAP;
    width = Math.max(width, size.width);
  }
  return { tops, sizes: [...sizes], height: y, width: width + 2 * PAGE_GAP };
}

/** The index of the last page whose top is at or above `y` (0 when `y` is above every page). */
export function pageAt(layout: PageLayout, y: number): number {
  let low = 0;
  let high = layout.tops.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((layout.tops[middle] ?? 0) <= y) low = middle;
    else high = middle - 1;
  }
  return Math.max(0, low);
}

/** Pages from `first` to `last` inclusive. */
export interface PageSpan {
  first: number;
  last: number;
}

/**
 * The pages that overlap the band from `top` to `bottom`, widened by
 * `margin` (in CSS pixels) above and below: the visible pages, and the
 * neighbours worth rendering before the reader scrolls to them.
 */
export function pagesInBand(layout: PageLayout, top: number, bottom: number, margin = 0): PageSpan | undefined {
  const count = layout.tops.length;
  if (count === 0) return undefined;
  return { first: pageAt(layout, top - margin), last: Math.min(count - 1, pageAt(layout, bottom + margin)) };
}

/** The page the reader is on: the one under a line a third of the way down the viewport. */
export function currentPage(layout: PageLayout, scrollTop: number, viewportHeight: number): number {
  return pageAt(layout, scrollTop + viewportHeight / 3);
}
