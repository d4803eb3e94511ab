import { z } from 'zod';
import { HighlightColor, HighlightRecord, RecordId } from './records';

/** The all-highlights view asks for one page at a time, with its filters. */
export const HighlightPageArgs = z
  .object({
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().positive().max(500).default(50),
    color: HighlightColor.optional(),
    tagId: RecordId.optional(),
    documentId: RecordId.optional(),
    /** The author's name as recorded on the highlight (case-insensitive). */
    author: z.string().max(120).optional(),
  })
  .strict();

export const HighlightPage = z.object({
  items: z.array(z.object({ highlight: HighlightRecord, documentTitle: z.string() })),
  hasMore: z.boolean(),
  /** Known once the page reached the last document. */
  total: z.number().int().nonnegative().optional(),
});
export type HighlightPage = z.infer<typeof HighlightPage>;
