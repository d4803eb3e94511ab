import { foldText, originalRange, type FoldedText } from '../../../shared/text/fold';
import type { TextRange } from './view-props';

/** Enough to mark and step through; a one-letter query in a book stops here rather than freeze the view. */
export const MAX_MATCHES = 2000;

/**
 * Find-in-document matches the way search does: case, accents, Arabic
 * diacritics, alef forms and tatweel are ignored, and each match maps back
 * to the canonical text's own characters.
 */
export function findMatches(folded: FoldedText, query: string): TextRange[] {
  const needle = foldText(query.trim());
  if (!needle) return [];
  const matches: TextRange[] = [];
  for (let at = folded.folded.indexOf(needle); at !== -1 && matches.length < MAX_MATCHES; at = folded.folded.indexOf(needle, at + needle.length)) {
    matches.push(originalRange(folded, at, at + needle.length));
  }
  return matches;
}
