import lunr from 'lunr';
import { z } from 'zod';
import { indexTerms } from '../../shared/search/analyse';

/**
 * One segment of the search index: a lunr index over a batch of entries,
 * with the entries' descriptions and a deletion mask. Segments are built
 * once and never changed, except that entries are masked when their record
 * changes or goes; merging rebuilds several segments into one.
 */

export const EntryKind = z.enum(['document', 'passage', 'highlight', 'note', 'actor', 'event']);
export type EntryKind = z.infer<typeof EntryKind>;

/** What one indexed entry is and where it points. */
export const EntryMeta = z.object({
  kind: EntryKind,
  /** The record the entry came from: the document, for document and passage entries. */
  id: z.string(),
  /** That record's updatedAt when it was indexed: a newer record is indexed again. */
  version: z.string(),
  /** Highlights: their document. */
  documentId: z.string().optional(),
  /** Passages and highlights: the range of the document's canonical text. */
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
  page: z.number().int().nonnegative().optional(),
  language: z.string().optional(),
  /** Published date of the document (documents, passages, highlights), or the event's date. */
  date: z.string().optional(),
});
export type EntryMeta = z.infer<typeof EntryMeta>;

/** An entry before analysis: its text by field. */
export interface EntrySource {
  meta: EntryMeta;
  title?: string;
  author?: string;
  body?: string;
  comment?: string;
  /** Highlights count for more than the passage around them. */
  boost?: number;
}

export const FIELD_BOOSTS = { title: 3, author: 2, body: 1, comment: 1.5 } as const;
export type Field = keyof typeof FIELD_BOOSTS;
export const FIELDS = Object.keys(FIELD_BOOSTS) as Field[];

/**
 * BM25's length normalisation against fixed lengths (in terms), not each
 * segment's own average, and no idf in the stored weights (it is applied at
 * query time from all segments' counts): so an entry's weights do not depend
 * on which segment it landed in, and scores from all segments compare.
 */
const REFERENCE_LENGTH: Readonly<Record<Field, number>> = { title: 8, author: 3, body: 150, comment: 20 };

export const SegmentData = z.object({
  format: z.literal(1),
  entries: z.array(EntryMeta),
  index: z.record(z.string(), z.unknown()),
});
export type SegmentData = z.infer<typeof SegmentData>;

// lunr's own types leave out the parts of a built index that scoring and masking read.
interface LunrInternals {
  invertedIndex: Record<string, { _index: number } & Partial<Record<Field, Record<string, unknown>>>>;
  fieldVectors: Record<string, { elements: number[] }>;
  tokenSet: lunr.TokenSet;
}
interface BuilderInternals {
  averageFieldLength: Record<string, number>;
  calculateAverageFieldLengths(): void;
}
// lunr's typings declare TokenSet's factories as instance methods; they are static.
const TokenSets = lunr.TokenSet as unknown as { fromString(pattern: string): lunr.TokenSet; fromFuzzyString(term: string, distance: number): lunr.TokenSet };
type LunrWithIdf = typeof lunr & { idf(posting: unknown, count: number): number };

/** Analyse and index a batch of entries. Pure and CPU-bound: run it in a worker. */
export function buildSegment(sources: readonly EntrySource[]): SegmentData {
  const builder = new lunr.Builder();
  builder.ref('r');
  for (const field of FIELDS) builder.field(field, { boost: FIELD_BOOSTS[field] });
  builder.k1(1.2);
  builder.b(0.75);
  const internals = builder as unknown as BuilderInternals;
  internals.calculateAverageFieldLengths = () => {
    internals.averageFieldLength = { ...REFERENCE_LENGTH };
  };
  for (const [local, source] of sources.entries()) {
    const language = source.meta.language;
    const fields: Record<string, string | string[]> = { r: String(local) };
    for (const field of FIELDS) {
      const text = source[field];
      if (text) fields[field] = indexTerms(text, language);
    }
    builder.add(fields, source.boost ? { boost: source.boost } : undefined);
  }
  const withIdf = lunr as LunrWithIdf;
  const idf = withIdf.idf;
  // Builder.build reads lunr.idf; it runs synchronously, so nothing else sees the swap.
  withIdf.idf = () => 1;
  try {
    return { format: 1, entries: sources.map((source) => source.meta), index: builder.build().toJSON() as unknown as Record<string, unknown> };
  } finally {
    withIdf.idf = idf;
  }
}

export type ExpandMode = 'exact' | 'prefix' | 'fuzzy';

export class Segment {
  readonly id: string;
  readonly entries: readonly EntryMeta[];
  readonly index: lunr.Index;
  readonly masked: Set<number>;
  readonly #lunr: LunrInternals;
  readonly #df = new Map<string, number>();
  readonly #maskedDf = new Map<string, number>();
  #termsByIndex: string[] | undefined;

  constructor(id: string, data: SegmentData, masked: Iterable<number> = []) {
    this.id = id;
    this.entries = data.entries;
    this.index = lunr.Index.load(data.index);
    this.#lunr = this.index as unknown as LunrInternals;
    this.masked = new Set();
    for (const local of masked) this.mask(local);
  }

  get size(): number {
    return this.entries.length;
  }

  get live(): number {
    return this.entries.length - this.masked.size;
  }

  has(term: string): boolean {
    return Object.hasOwn(this.#lunr.invertedIndex, term);
  }

  /** Index terms of this segment that the term matches: itself, those it starts, or those one edit away. */
  expand(term: string, mode: ExpandMode): string[] {
    if (mode === 'exact') return this.has(term) ? [term] : [];
    const pattern = mode === 'prefix' ? TokenSets.fromString(`${term}*`) : TokenSets.fromFuzzyString(term, 1);
    return this.#lunr.tokenSet.intersect(pattern).toArray();
  }

  /** Does the entry hold the term in this field? (The term must be one this segment has.) */
  contains(term: string, field: Field, local: number): boolean {
    return this.#lunr.invertedIndex[term]?.[field]?.[String(local)] !== undefined;
  }

  /** How many live entries contain the term, in any field. */
  df(term: string): number {
    let count = this.#df.get(term);
    if (count === undefined) {
      const posting = this.#lunr.invertedIndex[term];
      if (!posting) count = 0;
      else {
        const refs = new Set<string>();
        for (const field of FIELDS) for (const ref of Object.keys(posting[field] ?? {})) refs.add(ref);
        count = refs.size;
      }
      this.#df.set(term, count);
    }
    return count - (this.#maskedDf.get(term) ?? 0);
  }

  /** The stored weight of a term in one field of an entry (BM25 without idf, boosts included). */
  weight(field: Field, local: number, term: string): number {
    const vector = this.#lunr.fieldVectors[`${field}/${local}`];
    const posting = this.#lunr.invertedIndex[term];
    if (!vector || !posting) return 0;
    const target = posting._index;
    const elements = vector.elements;
    let low = 0;
    let high = elements.length / 2 - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const index = elements[middle * 2] as number;
      if (index === target) return elements[middle * 2 + 1] as number;
      if (index < target) low = middle + 1;
      else high = middle - 1;
    }
    return 0;
  }

  /** Hide an entry from every search at once, and from document frequencies, so scores stay as if it were gone. */
  mask(local: number): boolean {
    if (local < 0 || local >= this.entries.length || this.masked.has(local)) return false;
    this.masked.add(local);
    for (const term of this.#termsOf(local)) this.#maskedDf.set(term, (this.#maskedDf.get(term) ?? 0) + 1);
    return true;
  }

  #termsOf(local: number): Set<string> {
    const byIndex = (this.#termsByIndex ??= this.#indexTerms());
    const terms = new Set<string>();
    for (const field of FIELDS) {
      const elements = this.#lunr.fieldVectors[`${field}/${local}`]?.elements ?? [];
      for (let i = 0; i < elements.length; i += 2) {
        const term = byIndex[elements[i] as number];
        if (term !== undefined) terms.add(term);
      }
    }
    return terms;
  }

  #indexTerms(): string[] {
    const byIndex: string[] = [];
    for (const [term, posting] of Object.entries(this.#lunr.invertedIndex)) byIndex[posting._index] = term;
    return byIndex;
  }
}
