/**
 * Pages whose text is likely garbage. A font that does not say which
 * letters its glyphs draw (no ToUnicode map, a custom encoding) gives pdf.js
 * nothing to map them to, and it yields private-use code points (U+E000–
 * U+F8FF, planes 15 and 16) or U+FFFD. Such text cannot be searched or
 * quoted, and the user should know at import rather than at the first
 * search that finds nothing. A page counts when a fifth of its characters
 * (spaces aside) are of that kind: a few private-use symbols (logos,
 * dingbats in a footer) leave a page readable.
 */
const UNREADABLE = /[\ue000-\uf8ff\ufffd\u{f0000}-\u{10ffff}]/gu;
const UNREADABLE_SHARE = 0.2;

export function isUnreadable(pageText: string): boolean {
  // Counted in code points, as the private-use planes lie beyond the BMP.
  const characters = [...pageText.replace(/\s+/g, '')].length;
  if (characters === 0) return false;
  const unreadable = pageText.match(UNREADABLE)?.length ?? 0;
  return unreadable / characters >= UNREADABLE_SHARE;
}

/** The notice for an import whose pages' text may be unreadable, counted; none when every page reads. */
export function unreadableTextNotices(unreadablePages: number, pageCount: number): string[] {
  if (unreadablePages === 0) return [];
  if (unreadablePages === pageCount) {
    return ["This PDF's text may be unreadable: its fonts do not say which letters they draw, so search and quotes may not work. The pages display as printed."];
  }
  const count = `${unreadablePages.toLocaleString('en-US')} of ${pageCount.toLocaleString('en-US')} pages`;
  return [
    `The text of ${count} may be unreadable: their fonts do not say which letters they draw, so search and quotes on ${unreadablePages === 1 ? 'it' : 'them'} may not work. The pages display as printed.`,
  ];
}
