import type { z } from 'zod';
import { describeRange, findExactOccurrences } from '../../../shared/anchoring/text-quote';
import { ApiError } from '../../../shared/api/errors';
import type { HighlightCreate, HighlightRecord } from '../../../shared/model/records';
import type { RecordService } from './record-service';
import type { TextCache } from './text-cache';

/**
 * Anchor a new highlight in its document's canonical text and save it. A
 * quote must occur exactly once: a missing or ambiguous quote is an error,
 * never a guess.
 */
export async function createHighlight(records: RecordService, texts: TextCache, input: z.output<typeof HighlightCreate>): Promise<HighlightRecord> {
  const { documentId, anchor, ...fields } = input;
  const document = await records.get('documents', documentId);
  if (document.deletedAt) throw new ApiError('CONFLICT', `The document “${document.title}” was deleted.`);
  const text = await texts.get(document.text.sha256);

  let start: number;
  let end: number;
  let page: number | undefined;
  if ('quote' in anchor) {
    const quote = anchor.quote.normalize('NFC');
    const found = findExactOccurrences(text, quote);
    if (found.length === 0) throw new ApiError('BAD_REQUEST', `The quote does not occur in “${document.title}”.`);
    if (found.length > 1) throw new ApiError('BAD_REQUEST', `The quote occurs ${found.length} times in “${document.title}”; quote more of the passage so that it occurs once.`);
    start = found[0] as number;
    end = start + quote.length;
  } else {
    ({ start, end, page } = anchor);
    if (end <= start || end > text.length) throw new ApiError('BAD_REQUEST', `The range ${start}–${end} is not inside “${document.title}” (length ${text.length}).`);
  }
  return records.create('highlights', { ...fields, documentId, target: describeRange(text, start, end, page) });
}
