import { z } from 'zod';
import { RecordId, RecordType } from '../model/records';

export const RecordRef = z.object({ type: RecordType, id: RecordId, label: z.string() });
export type RecordRef = z.infer<typeof RecordRef>;

/** How many records of each kind. */
export const Counts = z.object({ documents: z.number(), highlights: z.number(), actors: z.number(), events: z.number(), notes: z.number(), tags: z.number() });
export type Counts = z.infer<typeof Counts>;

/** What a merge did, or would do (dry run): the person importing reads it, scripts parse it (`fieldbook merge --json`). */
export const MergeReport = z.object({
  dryRun: z.boolean(),
  file: z.object({ author: z.string(), createdAt: z.string(), appVersion: z.string(), notebookName: z.string(), selection: z.string(), encrypted: z.boolean() }),
  counts: z.object({ added: Counts, updated: Counts, unchanged: Counts }),
  added: z.array(RecordRef),
  updated: z.array(RecordRef),
  /** Changed on both sides: both versions of the named fields were kept, or a deletion met a later change (the record stays). */
  conflicts: z.array(RecordRef.extend({ reason: z.enum(['kept-both-versions', 'edited-after-deletion', 'identity-differs']), fields: z.array(z.string()) })),
  /** Records from the file that were not added as such, and why. */
  skipped: z.array(RecordRef.extend({ reason: z.string() })),
  /** Actors of the file whose name or an alias matches an actor of the notebook: perhaps one actor, never merged without asking. */
  proposals: z.array(z.object({ incoming: RecordRef, existing: RecordRef, matched: z.string() })),
  blobs: z.object({ added: z.number(), bytes: z.number() }),
});
export type MergeReport = z.infer<typeof MergeReport>;
export type Conflict = MergeReport['conflicts'][number];

export function zeroCounts(): Counts {
  return { documents: 0, highlights: 0, actors: 0, events: 0, notes: 0, tags: 0 };
}
