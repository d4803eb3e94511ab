import { z } from 'zod';
import { RecordId } from '../model/records';

/** A date (YYYY-MM-DD) or a full ISO time; compared with the records' updatedAt. */
const Moment = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[0-9:.]+Z?)?$/, 'Use YYYY-MM-DD or an ISO time');

/**
 * What to export. Without criteria, the whole notebook. Documents, a tag and
 * an actor each add what they name; a date range keeps only what changed in
 * it. Whatever is selected brings what it needs: a highlight its document,
 * the actors, events and tags it links, an event its evidence.
 */
export const ExportSelection = z
  .object({
    documentIds: z.array(RecordId).max(100_000).optional(),
    /** A tag's id or name: the documents and highlights it tags. */
    tag: z.string().min(1).max(200).optional(),
    /** An actor's id, name or alias: the actor and its evidence (highlights and events). */
    actor: z.string().min(1).max(500).optional(),
    /** Records changed from this day (or time) on, inclusive. */
    since: Moment.optional(),
    /** Records changed up to this day (or time), inclusive. */
    until: Moment.optional(),
  })
  .strict();
export type ExportSelection = z.infer<typeof ExportSelection>;
