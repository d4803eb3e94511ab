import { z } from 'zod';
import { RecordId } from '../model/records';

/** Where a mention sits: a range of a document's canonical text (UTF-16 code units) that names an actor. */
export const MentionTarget = z
  .object({
    actorId: RecordId,
    documentId: RecordId,
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
  })
  .strict()
  .refine((target) => target.end > target.start, { message: 'end must be after start', path: ['end'] });
export type MentionTarget = z.infer<typeof MentionTarget>;

/** A name or alias of an actor found in a document and not yet tagged with that actor. */
export const Mention = z.object({
  actorId: RecordId,
  documentId: RecordId,
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  /** The words as the document writes them. */
  text: z.string(),
  /** The actor's name or alias that they match. */
  name: z.string(),
  /** Some of the text on each side, white space collapsed, for reading the mention in a list. */
  before: z.string(),
  after: z.string(),
});
export type Mention = z.infer<typeof Mention>;

export const MentionList = z.object({
  mentions: z.array(Mention),
  /** Every untagged mention found; more than `mentions` holds when the list was cut at its limit. */
  total: z.number().int().nonnegative(),
  documents: z.number().int().nonnegative(),
});
export type MentionList = z.infer<typeof MentionList>;

export const MentionTagResult = z.object({
  /** New highlights, one per tagged range. */
  created: z.number().int().nonnegative(),
  /** Existing highlights over exactly the same range that got the actor added. */
  updated: z.number().int().nonnegative(),
});
export type MentionTagResult = z.infer<typeof MentionTagResult>;
