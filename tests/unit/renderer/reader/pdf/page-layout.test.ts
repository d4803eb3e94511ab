import { describe, expect, it } from 'vitest';
import { currentPage, layoutPages, PAGE_GAP, pageAt, pagesInBand } from '../../../../../renderer/src/reader/pdf/page-layout';

const letter = { width: 612, height: 792 };

describe('page layout', () => {
  it('stacks pages with a gap, the column as wide as the widest page', () => {
    const layout = layoutPages([letter, { width: 792, height: 612 }, letter]);
    expect(layout.tops).toEqual([PAGE_GAP, PAGE_GAP * 2 + 792, PAGE_GAP * 3 + 792 + 612]);
    expect(layout.height).toBe(PAGE_GAP * 4 + 792 * 2 + 612);
    expect(layout.width).toBe(792 + 2 * PAGE_GAP);
  });

  it('finds the page at a position, including above the first page and in a gap', () => {
    const layout = layoutPages([letter, letter, letter]);
    expect(pageAt(layout, 0)).toBe(0);
    expect(pageAt(layout, layout.tops[1]! - 1)).toBe(0);
    expect(pageAt(layout, layout.tops[1]!)).toBe(1);
    expect(pageAt(layout, layout.height + 5000)).toBe(2);
  });

  it('gives the pages in a band widened by a margin, clamped to the document', () => {
    const layout = layoutPages(Array.from({ length: 1000 }, () => letter));
    const top = layout.tops[500]!;
    // Pages are 804 px apart, gap included.
    expect(pagesInBand(layout, top + 100, top + 900)).toEqual({ first: 500, last: 501 });
    expect(pagesInBand(layout, top + 100, top + 900, 1600)).toEqual({ first: 498, last: 503 });
    expect(pagesInBand(layout, 0, 800, 8000)).toEqual({ first: 0, last: 10 });
    expect(pagesInBand(layoutPages([]), 0, 800)).toBeUndefined();
  });

  it('calls current the page under the line a third of the way down the viewport', () => {
    const layout = layoutPages([letter, letter, letter]);
    expect(currentPage(layout, layout.tops[1]! - 300, 900)).toBe(1);
    expect(currentPage(layout, layout.tops[1]! - 301, 900)).toBe(0);
  });
});
