import type { HighlightTarget } from '../model/records';

/** How much context is kept on each side of a quote: enough to tell repeated quotes apart, small enough to survive nearby edits. */
export const CONTEXT_LENGTH = 32;

/**
 * Describe [start, end) of the canonical text as W3C TextQuote and
 * TextPosition selectors. Offsets are UTF-16 code units of the NFC text.
 */
export function describeRange(text: string, start: number, end: number, page?: number): HighlightTarget {
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= text.length)) {
    throw new RangeError(`The range ${start}–${end} is not inside the text (length ${text.length}).`);
  }
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    position: { type: 'TextPositionSelector', start, end },
    unit: 'utf-16',
    normalisation: 'NFC',
    ...(page === undefined ? {} : { page }),
  };
}

/** Every start offset of `quote` in `text` (exact match, overlapping occurrences included). */
export function findExactOccurrences(text: string, quote: string): number[] {
  const found: number[] = [];
  if (!quote) return found;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) found.push(at);
  return found;
}
