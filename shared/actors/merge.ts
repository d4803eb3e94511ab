import { z } from 'zod';
import { RecordId } from '../model/records';

/** One merge of two actors, as the UI lists it (newest first) to offer an undo. */
export const ActorMerge = z.object({
  id: RecordId,
  survivorId: RecordId,
  loserId: RecordId,
  /** Names at the time of the merge, so the list reads well even after renames. */
  survivorName: z.string(),
  loserName: z.string(),
  mergedAt: z.iso.datetime(),
  author: z.string().max(120),
  undoneAt: z.iso.datetime().optional(),
  /** How many records of each kind the merge changed (the survivor and the loser included among actors). */
  changed: z.object({ actors: z.number().int().nonnegative(), highlights: z.number().int().nonnegative(), events: z.number().int().nonnegative(), notes: z.number().int().nonnegative() }),
});
export type ActorMerge = z.infer<typeof ActorMerge>;
