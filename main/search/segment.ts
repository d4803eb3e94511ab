import { indexTerms } from '../../shared/search/analyse';
import { type EntryMeta, type EntrySource, FIELD_BOOSTS, type Field, FIELDS } from './entry-meta';
import { weighTerms, type WeighedBatch } from './lunr-weights';
import { lettersOf, oneEditAway } from './typos';
import { decodeSegment, encodeSegment, type FieldPostings, type SegmentContent } from './segment-file';

/**
 * One segment of the search index: a batch of entries indexed by lunr, with
 * the entries' descriptions and a deletion mask. Segments are built once and
 * never changed, except that entries are masked when their record changes
 * or goes; merging rebuilds several segments into one.
 *
 * lunr weighs the terms (BM25 per field, with boosts; see lunr-weights.ts);
 * what is kept of its work is the postings, as flat arrays (see
 * segment-file.ts), which queries walk directly: lunr's own query evaluation builds an object per
 * matching entry and compares whole field vectors, far too slow for a word
 * found in tens of thousands of passages.
 */

/**
 * BM25's length normalisation against fixed lengths (in terms), not each
 * segment's own average, and no idf in the stored weights (it is applied at
 * query time from all segments' counts): so an entry's weights do not depend
 * on which segment it landed in, and scores from all segments compare.
 */
const REFERENCE_LENGTH: Readonly<Record<Field, number>> = { title: 8, author: 3, body: 150, comment: 20 };

/** Analyse and index a batch of entries into a segment's bytes. Pure and CPU-bound: run it in a worker. */
export function buildSegment(sources: readonly EntrySource[]): Uint8Array {
  const batch = weighTerms(
    sources.map((source) => {
      const terms: Partial<Record<Field, string[]>> = {};
      for (const field of FIELDS) {
        const text = source[field];
        if (text) terms[field] = indexTerms(text, source.meta.language);
      }
      return source.boost ? { terms, boost: source.boost } : { terms };
    }),
    { fields: FIELDS, fieldBoosts: FIELD_BOOSTS, referenceLengths: REFERENCE_LENGTH, k1: 1.2, b: 0.75 },
  );
  return encodeSegment(postingsOf(batch, sources));
}

/** Turn lunr's weights (entry → terms) into postings (term → entries), terms in sorted order. */
function postingsOf(batch: WeighedBatch<Field>, sources: readonly EntrySource[]): SegmentContent {
  const terms = batch.terms;
  const df = new Uint32Array(terms.length);
  const lastEntry = new Int32Array(terms.length).fill(-1);
  const offsets = new Map(FIELDS.map((field) => [field, new Uint32Array(terms.length + 1)]));
  for (let local = 0; local < sources.length; local++) {
    for (const field of FIELDS) {
      const counts = offsets.get(field) as Uint32Array;
      const elements = batch.elements(field, local);
      for (let i = 0; i < elements.length; i += 2) {
        const rank = elements[i] as number;
        counts[rank + 1] = (counts[rank + 1] as number) + 1;
        if (lastEntry[rank] !== local) {
          lastEntry[rank] = local;
          df[rank] = (df[rank] as number) + 1;
        }
      }
    }
  }
  const fields = new Map<string, FieldPostings>();
  const header: SegmentContent['header'] = { entries: sources.map((source) => source.meta), terms, fields: [] };
  for (const field of FIELDS) {
    const starts = offsets.get(field) as Uint32Array;
    for (let t = 0; t < terms.length; t++) starts[t + 1] = (starts[t + 1] as number) + (starts[t] as number);
    const total = starts[terms.length] as number;
    const entries = new Uint32Array(total);
    const weights = new Float32Array(total);
    const next = starts.slice(0, terms.length);
    // Entries are visited in ascending order, so each term's postings come out sorted.
    for (let local = 0; local < sources.length; local++) {
      const elements = batch.elements(field, local);
      for (let i = 0; i < elements.length; i += 2) {
        const rank = elements[i] as number;
        const at = next[rank] as number;
        entries[at] = local;
        weights[at] = elements[i + 1] as number;
        next[rank] = at + 1;
      }
    }
    fields.set(field, { offsets: starts, entries, weights });
    header.fields.push({ name: field, postings: total });
  }
  return { header, fields, df };
}

export type ExpandMode = 'exact' | 'prefix' | 'fuzzy';

/** A term's postings in one field: entries[from .. to) of the field's arrays. */
export interface Postings {
  entries: Uint32Array;
  weights: Float32Array;
  from: number;
  to: number;
}

export class Segment {
  readonly id: string;
  readonly entries: readonly EntryMeta[];
  readonly masked: Set<number>;
  /** Sorted: a term's rank is found by binary search, which costs a query nothing and opening nothing. */
  readonly #terms: readonly string[];
  readonly #fields: Map<string, FieldPostings>;
  readonly #df: Uint32Array;
  readonly #maskedDf = new Map<number, number>();
  /** The letters of the terms, for typo candidates; found on the first typo looked for. */
  #alphabet: string[] | undefined;
  /** Entry → the ranks of its terms, built the first time an entry is masked. */
  #termsOfEntry: { offsets: Uint32Array; ranks: Uint32Array } | undefined;

  /** From a segment's bytes (see segment-file.ts); throws when they are not a sound segment. */
  constructor(id: string, bytes: Uint8Array, masked: Iterable<number> = []) {
    const content = decodeSegment(bytes);
    this.id = id;
    this.entries = content.header.entries;
    this.#terms = content.header.terms;
    this.#fields = content.fields;
    this.#df = content.df;
    for (const field of FIELDS) if (!this.#fields.has(field)) throw new Error(`segment has no ${field} postings`);
    const size = this.entries.length;
    for (const { entries } of this.#fields.values()) if (largest(entries) >= size) throw new Error('segment postings point past its entries');
    for (let rank = 1; rank < this.#terms.length; rank++) if ((this.#terms[rank - 1] as string) >= (this.#terms[rank] as string)) throw new Error('segment terms are out of order');
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
    return this.#rankOf(term) >= 0;
  }

  /** Index terms of this segment that the term matches: itself, those it starts, or those one edit away. */
  expand(term: string, mode: ExpandMode): string[] {
    switch (mode) {
      case 'exact':
        return this.has(term) ? [term] : [];
      case 'prefix': {
        const found: string[] = [];
        for (let rank = lowerBound(this.#terms, term); rank < this.#terms.length && (this.#terms[rank] as string).startsWith(term); rank++) found.push(this.#terms[rank] as string);
        return found;
      }
      case 'fuzzy':
        return [...oneEditAway(term, (this.#alphabet ??= lettersOf(this.#terms)))].filter((candidate) => this.has(candidate)).sort();
    }
  }

  /** The entries holding the term in this field, ascending, with their weights; undefined when none does. */
  postings(term: string, field: Field): Postings | undefined {
    const rank = this.#rankOf(term);
    if (rank < 0) return undefined;
    const { offsets, entries, weights } = this.#fields.get(field) as FieldPostings;
    const from = offsets[rank] as number;
    const to = offsets[rank + 1] as number;
    return from === to ? undefined : { entries, weights, from, to };
  }

  /** The stored weight of a term in one field of an entry (BM25 without idf, boosts included); 0 when it is not there. */
  weight(field: Field, local: number, term: string): number {
    const postings = this.postings(term, field);
    if (!postings) return 0;
    const at = findEntry(postings, local);
    return at < 0 ? 0 : (postings.weights[at] as number);
  }

  /** How many live entries contain the term, in any field. */
  df(term: string): number {
    const rank = this.#rankOf(term);
    return rank < 0 ? 0 : (this.#df[rank] as number) - (this.#maskedDf.get(rank) ?? 0);
  }

  /** Hide an entry from every search at once, and from document frequencies, so scores stay as if it were gone. */
  mask(local: number): boolean {
    if (local < 0 || local >= this.entries.length || this.masked.has(local)) return false;
    this.masked.add(local);
    const { offsets, ranks } = (this.#termsOfEntry ??= this.#invert());
    for (let i = offsets[local] as number; i < (offsets[local + 1] as number); i++) {
      const rank = ranks[i] as number;
      this.#maskedDf.set(rank, (this.#maskedDf.get(rank) ?? 0) + 1);
    }
    return true;
  }

  #rankOf(term: string): number {
    const rank = lowerBound(this.#terms, term);
    return this.#terms[rank] === term ? rank : -1;
  }

  /** Entry → its distinct terms, from the postings of every field. */
  #invert(): { offsets: Uint32Array; ranks: Uint32Array } {
    const size = this.entries.length;
    const seen = new Int32Array(size).fill(-1);
    const forEachPair = (visit: (local: number, rank: number) => void) => {
      seen.fill(-1);
      for (let rank = 0; rank < this.#terms.length; rank++) {
        for (const { offsets, entries } of this.#fields.values()) {
          for (let i = offsets[rank] as number; i < (offsets[rank + 1] as number); i++) {
            const local = entries[i] as number;
            if (seen[local] === rank) continue;
            seen[local] = rank;
            visit(local, rank);
          }
        }
      }
    };
    const offsets = new Uint32Array(size + 1);
    forEachPair((local) => (offsets[local + 1] = (offsets[local + 1] as number) + 1));
    for (let local = 0; local < size; local++) offsets[local + 1] = (offsets[local + 1] as number) + (offsets[local] as number);
    const ranks = new Uint32Array(offsets[size] as number);
    const next = offsets.slice(0, size);
    forEachPair((local, rank) => {
      ranks[next[local] as number] = rank;
      next[local] = (next[local] as number) + 1;
    });
    return { offsets, ranks };
  }
}

/** Position of `local` in the postings, or -1. */
export function findEntry(postings: Postings, local: number, from = postings.from): number {
  let low = from;
  let high = postings.to - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const value = postings.entries[middle] as number;
    if (value === local) return middle;
    if (value < local) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

function largest(values: Uint32Array): number {
  let max = -1;
  for (let i = 0; i < values.length; i++) if ((values[i] as number) > max) max = values[i] as number;
  return max;
}

function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] as string) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
