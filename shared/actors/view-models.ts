import { z } from 'zod';
import { partialDateSpan } from '../timeline/event-date';
import { ActorKind, ActorRecord, DocumentKind, EventRecord, HighlightRecord, PartialDate, RecordId } from '../model/records';

/** What the API answers for the actor page, the timeline and the network: records joined in main, where all highlights are at hand. */

const DocumentRef = z.object({ id: RecordId, title: z.string(), kind: DocumentKind });
const ActorRef = z.object({ id: RecordId, name: z.string(), kind: ActorKind });

export const ActorProfile = z.object({
  actor: ActorRecord,
  /** Affiliations with the other actor's current name (a deleted actor is still named, and marked). */
  affiliations: z.array(z.object({ actor: ActorRef, relation: z.string(), deleted: z.boolean() })),
  /** Every passage tagged with the actor, grouped by document (documents by title, passages in reading order). */
  passages: z.array(z.object({ document: DocumentRef, highlights: z.array(HighlightRecord) })),
  /** Events the actor takes part in, by date, with the roles it has in each. */
  events: z.array(z.object({ event: EventRecord, roles: z.array(z.string()) })),
  /** Actors most often tagged on the same passages or taking part in the same events, most often first. */
  coTagged: z.array(z.object({ actor: ActorRef, passages: z.number().int().nonnegative(), events: z.number().int().nonnegative() })),
});
export type ActorProfile = z.infer<typeof ActorProfile>;

export const TimelineEntry = z.object({
  event: EventRecord,
  /** Documents the event's evidence comes from, for the document filter. */
  documentIds: z.array(RecordId),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const EventEvidence = z.array(z.object({ highlight: HighlightRecord, document: DocumentRef }));
export type EventEvidence = z.infer<typeof EventEvidence>;

export const LinkKind = z.enum(['events', 'passages']);
export type LinkKind = z.infer<typeof LinkKind>;

const CalendarDate = PartialDate.refine((text) => partialDateSpan(text) !== undefined, 'Not a date of the calendar');

export const NetworkFilter = z
  .object({
    /** Only what happened (events) or was published (passages' documents) from this date … */
    from: CalendarDate.optional(),
    /** … to this one, both included. With either, passages from undated documents are left out. */
    to: CalendarDate.optional(),
    /** Only actors of these kinds; all by default. */
    kinds: z.array(ActorKind).max(10).optional(),
    /** Which shared things link two actors; both by default. */
    links: z.array(LinkKind).min(1).max(2).optional(),
  })
  .strict();
export type NetworkFilter = z.infer<typeof NetworkFilter>;

export const ActorNetwork = z.object({
  nodes: z.array(ActorRef.extend({ events: z.number().int().nonnegative(), passages: z.number().int().nonnegative() })),
  edges: z.array(z.object({ source: RecordId, target: RecordId, events: z.number().int().nonnegative(), passages: z.number().int().nonnegative() })),
});
export type ActorNetwork = z.infer<typeof ActorNetwork>;
