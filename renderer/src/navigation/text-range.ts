import type { HighlightTarget } from '../../../shared/model/records';

/**
 * A stretch of a document's canonical text (UTF-16 offsets) and, for a PDF,
 * its page: where a highlight, a mention or a search hit is, and so where
 * every list in the app asks the reader to open.
 */
export interface TextRange { start: number; end: number; page?: number }

/** Where a stored highlight was put, as the range to open the reader at (the reader anchors it again if the text moved). */
export function highlightRange(target: HighlightTarget): TextRange {
  return { start: target.position.start, end: target.position.end, ...(target.page === undefined ? {} : { page: target.page }) };
}
