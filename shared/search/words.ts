/**
 * Cutting text into words, the same way for indexing, queries and snippets.
 * Kept apart from the analysers so the renderer can parse queries without
 * loading lunr.
 */

/** Letters, marks and digits, plus what folding drops inside a word: apostrophes, tatweel, zero-width (non-)joiners. */
export const WORD = /[\p{L}\p{M}\p{N}'’ʼʾʿ\u0640\u200C\u200D]+/gu;

export interface Word {
  /** The word as written. */
  text: string;
  /** Its range [start, end) in the text it was cut from, in UTF-16 units. */
  start: number;
  end: number;
}

/** The words of the text, their ranges shifted by `offset` (where the text was cut from a longer one). */
export function words(text: string, offset = 0): Word[] {
  const out: Word[] = [];
  for (const match of text.matchAll(WORD)) out.push({ text: match[0], start: match.index + offset, end: match.index + offset + match[0].length });
  return out;
}
