import { z } from 'zod';
import { RecordId } from '../model/records';

/**
 * The free text a person wrote in each kind of record. When a merge finds it
 * changed on both sides it keeps both versions in the field, one after the
 * other, and records an open conflict so the person can choose later.
 */
export const conflictTextFields = { highlights: 'comment', actors: 'description', events: 'notes', notes: 'body' } as const;
export const ConflictRecordType = z.enum(['highlights', 'actors', 'events', 'notes']);
export type ConflictRecordType = z.infer<typeof ConflictRecordType>;

/** One side's text as it was when the merge met it. (Records name who created them, not who last saved them, so a version has no author of its own.) */
export const ConflictVersion = z.object({ text: z.string(), savedAt: z.iso.datetime() });
export type ConflictVersion = z.infer<typeof ConflictVersion>;

export const ConflictKey = z.object({ type: ConflictRecordType, id: RecordId }).strict();
export type ConflictKey = z.infer<typeof ConflictKey>;

/** A text both sides changed, kept twice by a merge until someone chooses. One per record: a later merge replaces it. */
export const OpenConflict = z.object({
  type: ConflictRecordType,
  id: RecordId,
  /** What the record is called, when it was merged. */
  label: z.string(),
  field: z.enum(['comment', 'description', 'notes', 'body']),
  mergedAt: z.iso.datetime(),
  /** Who exported the merged file. */
  fileAuthor: z.string().max(120),
  notebook: ConflictVersion,
  file: ConflictVersion,
});
export type OpenConflict = z.infer<typeof OpenConflict>;

/** Keep this notebook's text, the file's, or both as the merge left them. */
export const ConflictChoice = z.enum(['notebook', 'file', 'both']);
export type ConflictChoice = z.infer<typeof ConflictChoice>;
