import { z } from 'zod';

/**
 * The notebook's records. Every one has a stable id, its times, its author and
 * a tombstone instead of disappearing, so that exchanged notebooks can be
 * merged record by record.
 */
export const RecordId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'Not a record id');
export type RecordId = z.infer<typeof RecordId>;

export const Sha256 = z.string().regex(/^[a-f0-9]{64}$/, 'Not a SHA-256 hex digest');

const RecordBase = z.object({
  id: RecordId,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  author: z.string().max(120),
  /** Set when deleted: the record stays, so the deletion travels with exchanged notebooks. */
  deletedAt: z.iso.datetime().optional(),
});

const Text = (max: number) => z.string().max(max);

export const DocumentKind = z.enum(['pdf', 'html', 'markdown', 'text', 'docx', 'epub', 'image']);
export const TextDirection = z.enum(['ltr', 'rtl', 'auto']);

export const BlobRef = z.object({ sha256: Sha256, size: z.number().int().nonnegative(), mediaType: z.string().max(200) });
export type BlobRef = z.infer<typeof BlobRef>;

export const DocumentRecord = RecordBase.extend({
  kind: DocumentKind,
  title: Text(1000),
  authors: z.array(Text(300)).max(200),
  publishedAt: z.string().max(40).optional(),
  sourceUrl: Text(4000).optional(),
  language: z.string().max(35).optional(),
  direction: TextDirection,
  /** The file as imported; its hash is the document's identity across notebooks. */
  original: BlobRef,
  /** The canonical text that highlights and search work on. */
  text: BlobRef,
  /** Headings, paragraphs and pages with their ranges in the canonical text (JSON), when the import produced them. */
  structure: BlobRef.optional(),
  /** Web pages and Markdown: the sanitised HTML the reader shows; its images point at `fieldbook-asset:SHA256`. */
  html: BlobRef.optional(),
  /** Images kept from a saved page's folder, by the name the page used. */
  assets: z.array(BlobRef.extend({ name: z.string().max(1000) })).max(10_000).optional(),
  siteName: Text(500).optional(),
  pdf: z
    .object({
      fingerprint: z.string().max(200),
      pageCount: z.number().int().nonnegative(),
      /** The version of text assembly the canonical text was made with (see shared/pdf/page-text.ts); absent: 1, before it was recorded. */
      textAssembly: z.number().int().positive().optional(),
    })
    .optional(),
  /** What the import wants the reader to know, e.g. that a PDF has no text layer. */
  notices: z.array(Text(1000)).max(50).optional(),
  tags: z.array(RecordId).max(500),
});
export type DocumentRecord = z.infer<typeof DocumentRecord>;

export const TextQuoteSelector = z.object({ type: z.literal('TextQuoteSelector'), exact: z.string().min(1).max(20_000), prefix: z.string().max(200), suffix: z.string().max(200) });
export const TextPositionSelector = z.object({ type: z.literal('TextPositionSelector'), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });

/** Where a highlight sits, as W3C Web Annotation selectors over the canonical text. */
export const HighlightTarget = z.object({
  quote: TextQuoteSelector,
  position: TextPositionSelector,
  /** Offsets count UTF-16 code units of the canonical text, which is NFC-normalised. */
  unit: z.literal('utf-16'),
  normalisation: z.literal('NFC'),
  /** PDFs: the 0-based page where the highlight starts. */
  page: z.number().int().nonnegative().optional(),
});
export type HighlightTarget = z.infer<typeof HighlightTarget>;

export const HighlightColor = z.enum(['yellow', 'green', 'blue', 'pink', 'purple', 'orange']);
export type HighlightColor = z.infer<typeof HighlightColor>;

export const HighlightRecord = RecordBase.extend({
  documentId: RecordId,
  target: HighlightTarget,
  color: HighlightColor,
  comment: Text(100_000),
  tags: z.array(RecordId).max(500),
  actorIds: z.array(RecordId).max(500),
  eventIds: z.array(RecordId).max(500),
});
export type HighlightRecord = z.infer<typeof HighlightRecord>;

export const ActorKind = z.enum(['person', 'organisation', 'armed-group', 'state', 'location', 'other']);
export type ActorKind = z.infer<typeof ActorKind>;

export const ActorRecord = RecordBase.extend({
  name: Text(500).min(1),
  kind: ActorKind,
  /** Other names and spellings, in any script. */
  aliases: z.array(Text(500).min(1)).max(500),
  description: Text(20_000),
  affiliations: z.array(z.object({ actorId: RecordId, relation: Text(200) })).max(500),
  /** On the tombstone of an actor merged into another: that actor. Other notebooks follow it when they merge this one's files. */
  mergedInto: RecordId.optional(),
});
export type ActorRecord = z.infer<typeof ActorRecord>;

export const DatePrecision = z.enum(['day', 'month', 'year', 'approximate', 'range']);
/** A calendar date as precise as the source allows: YYYY, YYYY-MM or YYYY-MM-DD. */
export const PartialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'Use YYYY, YYYY-MM or YYYY-MM-DD');

export const EventDate = z.object({ precision: DatePrecision, start: PartialDate, end: PartialDate.optional() });

export const Count = z.object({ count: z.number().int().nonnegative(), source: Text(1000) });

export const EventRecord = RecordBase.extend({
  title: Text(1000).min(1),
  date: EventDate,
  location: Text(500),
  type: Text(200),
  participants: z.array(z.object({ actorId: RecordId, role: Text(200) })).max(1000),
  fatalities: Count.optional(),
  injuries: Count.optional(),
  evidence: z.array(RecordId).max(5000),
  notes: Text(100_000),
});
export type EventRecord = z.infer<typeof EventRecord>;

export const NoteAttachment = z.object({ kind: z.enum(['document', 'actor', 'event']), id: RecordId });

export const NoteRecord = RecordBase.extend({
  title: Text(1000),
  body: Text(5_000_000),
  attachedTo: NoteAttachment.optional(),
});
export type NoteRecord = z.infer<typeof NoteRecord>;

export const TagRecord = RecordBase.extend({
  name: Text(200).min(1),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
});
export type TagRecord = z.infer<typeof TagRecord>;

export const recordSchemas = {
  documents: DocumentRecord,
  highlights: HighlightRecord,
  actors: ActorRecord,
  events: EventRecord,
  notes: NoteRecord,
  tags: TagRecord,
} as const;

export type RecordType = keyof typeof recordSchemas;
export const RecordType = z.enum(['documents', 'highlights', 'actors', 'events', 'notes', 'tags']);
export type RecordOf<T extends RecordType> = z.infer<(typeof recordSchemas)[T]>;

/** The fields a caller sets; the store fills id, times and author. */
export type RecordFields<T extends RecordType> = Omit<RecordOf<T>, 'id' | 'createdAt' | 'updatedAt' | 'author' | 'deletedAt'>;

/**
 * What callers may set when creating or changing each record kind. Update
 * schemas have no defaults, so a patch changes only the fields it names.
 */
const ActorFields = ActorRecord.pick({ name: true, kind: true, aliases: true, description: true, affiliations: true });
export const ActorCreate = ActorFields.extend({
  kind: ActorKind.default('other'),
  aliases: ActorFields.shape.aliases.default([]),
  description: ActorFields.shape.description.default(''),
  affiliations: ActorFields.shape.affiliations.default([]),
}).strict();
export const ActorPatch = ActorFields.partial().strict();

const EventFields = EventRecord.pick({ title: true, date: true, location: true, type: true, participants: true, fatalities: true, injuries: true, evidence: true, notes: true });
export const EventCreate = EventFields.extend({
  location: EventFields.shape.location.default(''),
  type: EventFields.shape.type.default(''),
  participants: EventFields.shape.participants.default([]),
  evidence: EventFields.shape.evidence.default([]),
  notes: EventFields.shape.notes.default(''),
}).strict();
/** A figure set to null is taken away: the source no longer gives one. */
export const EventPatch = EventFields.partial()
  .extend({ fatalities: Count.nullable().optional(), injuries: Count.nullable().optional() })
  .strict();

const NoteFields = NoteRecord.pick({ title: true, body: true, attachedTo: true });
export const NoteCreate = NoteFields.extend({ title: NoteFields.shape.title.default(''), body: NoteFields.shape.body.default('') }).strict();
export const NotePatch = NoteFields.partial().strict();

const TagFields = TagRecord.pick({ name: true, color: true });
export const TagCreate = TagFields.extend({ color: TagFields.shape.color.default('#f2c14e') }).strict();
export const TagPatch = TagFields.partial().strict();

export const DocumentCreate = z
  .object({
    kind: DocumentKind.default('text'),
    title: Text(1000).min(1),
    /** The canonical text; stored NFC-normalised, as a blob. */
    text: z.string().max(200_000_000),
    authors: z.array(Text(300)).max(200).default([]),
    publishedAt: z.string().max(40).optional(),
    sourceUrl: Text(4000).optional(),
    language: z.string().max(35).optional(),
    direction: TextDirection.default('auto'),
    tags: z.array(RecordId).max(500).default([]),
  })
  .strict();
export const DocumentPatch = DocumentRecord.pick({ title: true, authors: true, publishedAt: true, sourceUrl: true, language: true, direction: true, tags: true }).partial().strict();

const HighlightFields = HighlightRecord.pick({ color: true, comment: true, tags: true, actorIds: true, eventIds: true });
export const HighlightCreate = z
  .object({
    documentId: RecordId,
    /** Either a range of the canonical text, or a quote that occurs exactly once in it. */
    anchor: z.union([
      z.object({ start: z.number().int().nonnegative(), end: z.number().int().positive(), page: z.number().int().nonnegative().optional() }).strict(),
      z.object({ quote: z.string().min(1).max(20_000) }).strict(),
    ]),
    color: HighlightColor.default('yellow'),
    comment: HighlightFields.shape.comment.default(''),
    tags: HighlightFields.shape.tags.default([]),
    actorIds: HighlightFields.shape.actorIds.default([]),
    eventIds: HighlightFields.shape.eventIds.default([]),
  })
  .strict();
export const HighlightPatch = HighlightFields.partial().strict();
