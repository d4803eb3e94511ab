import { z } from 'zod';
import { PartialDate, RecordId } from '../model/records';
import { SEARCH_KINDS } from './query-syntax';

/** What `search.query` takes and gives (see shared/api/contract.ts). */

export const SearchKind = z.enum(SEARCH_KINDS);

/** Filters the UI sets with controls; the same can be typed in the query (kind:, tag:, actor:, date:). */
export const SearchFilters = z
  .object({
    kinds: z.array(SearchKind).max(SEARCH_KINDS.length),
    tags: z.array(RecordId).max(100),
    actors: z.array(RecordId).max(100),
    events: z.array(RecordId).max(100),
    from: PartialDate,
    to: PartialDate,
  })
  .partial()
  .strict();
export type SearchFilters = z.infer<typeof SearchFilters>;

export const SearchArgs = z
  .object({
    query: z.string().max(10_000),
    limit: z.number().int().positive().max(200).default(20),
    /** Hits shown under each document (or note, actor, event). */
    hitsPerGroup: z.number().int().positive().max(50).default(3),
    filters: SearchFilters.optional(),
  })
  .strict();

const Range = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });

export const Snippet = z.object({
  text: z.string(),
  /** Ranges of `text` [start, end) that matched the query. */
  marks: z.array(Range),
  /** Where `text` starts in the text it was taken from (for passages, the document's canonical text). */
  offset: z.number().int().nonnegative(),
  /** Text was left out before or after the snippet. */
  before: z.boolean(),
  after: z.boolean(),
});
export type Snippet = z.infer<typeof Snippet>;

export const SearchHit = z.object({
  kind: z.enum(['passage', 'document', 'highlight', 'note', 'actor', 'event']),
  /** The record: a document (passages, document titles), highlight, note, actor or event. */
  id: RecordId,
  score: z.number(),
  snippet: Snippet,
  /** Passages and highlights: their range of the document's canonical text, and the page for PDFs. */
  range: Range.optional(),
  page: z.number().int().nonnegative().optional(),
  /** Passages and highlights: the first matched words, in the canonical text. */
  match: Range.optional(),
  /** The words as written in the text that matched, for the reader to mark. */
  terms: z.array(z.string()),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchGroup = z.object({
  kind: z.enum(['document', 'note', 'actor', 'event']),
  id: RecordId,
  title: z.string(),
  subtitle: z.string().optional(),
  score: z.number(),
  hits: z.array(SearchHit),
  /** All the group's hits, of which `hits` are the best. */
  hitCount: z.number().int().nonnegative(),
});
export type SearchGroup = z.infer<typeof SearchGroup>;

export const SearchResult = z.object({
  groups: z.array(SearchGroup),
  /** Groups that matched, of which `groups` are the first `limit`. */
  total: z.number().int().nonnegative(),
  /** What was ignored in the query, and why. */
  notices: z.array(z.string()),
  tookMs: z.number().nonnegative(),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const SearchStatus = z.object({
  /** Entries searchable now. */
  entries: z.number().int().nonnegative(),
  segments: z.number().int().nonnegative(),
  /** Records changed and not yet searchable, or an index build running. */
  pending: z.number().int().nonnegative(),
  building: z.boolean(),
  /** Why the last indexing failed (its worker could not start, say), until one succeeds: changes are not searchable meanwhile. */
  error: z.string().optional(),
});
export type SearchStatus = z.infer<typeof SearchStatus>;
