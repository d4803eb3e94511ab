import type { EntryMeta, Field } from './entry-meta';
import type { Segment } from './segment';

/** A hit as the results show it: the entry, its score, and the index terms it matched. */
export interface RawHit {
  readonly meta: EntryMeta;
  readonly score: number;
  readonly terms: string[];
  /**
   * The terms found in the text the hit stands for: a passage's own words,
   * not the title and authors its entry carries to rank the document.
   */
  readonly textTerms: string[];
}

/** How a query term scores, and in which fields it may be found. */
export interface TermScoring {
  /** The term's weight times its idf. */
  factor: number;
  weight: number;
  fields: Set<Field>;
}

/**
 * The entries a query matched, in no order, as parallel arrays: a common
 * word matches tens of thousands of passages, and an object for each would
 * cost more than finding them. Only the hits shown become RawHits.
 */
export class Hits {
  static readonly none = new Hits({ owners: [], locals: new Uint32Array(0), scores: new Float64Array(0), groups: new Int32Array(0), idKeys: new Float64Array(0), groupCount: 0 }, [], new Map(), []);

  readonly length: number;
  /** How many result groups there can be: every group number is below it. */
  readonly groupCount: number;
  readonly #owners: readonly Segment[];
  readonly #locals: Uint32Array;
  readonly #groups: Int32Array;
  /** Each hit's record id as a number in the same order (see idKey): ties are broken without comparing strings. */
  readonly #idKeys: Float64Array;
  readonly #scores: Float64Array;
  /** The query's terms in a fixed order, and how each scores. */
  readonly #terms: readonly string[];
  readonly #scoring: ReadonlyMap<string, TermScoring>;
  /** Each query word's index terms (its stems, completions and typos): an entry matched every word, in some field. */
  readonly #words: readonly ReadonlySet<string>[];

  constructor(
    found: { owners: readonly Segment[]; locals: Uint32Array; scores: Float64Array; groups: Int32Array; idKeys: Float64Array; groupCount: number },
    terms: readonly string[],
    scoring: ReadonlyMap<string, TermScoring>,
    words: readonly ReadonlySet<string>[],
  ) {
    const { owners, locals, scores, groups, idKeys, groupCount } = found;
    this.length = locals.length;
    this.groupCount = groupCount;
    this.#owners = owners;
    this.#locals = locals;
    this.#groups = groups;
    this.#idKeys = idKeys;
    this.#scores = scores;
    this.#terms = terms;
    this.#scoring = scoring;
    this.#words = words;
  }

  meta(i: number): EntryMeta {
    return (this.#owners[i] as Segment).entries[this.#locals[i] as number] as EntryMeta;
  }

  /** The number of the result group (see resultGroup) the hit is shown under. */
  group(i: number): number {
    return this.#groups[i] as number;
  }

  score(i: number): number {
    return this.#scores[i] as number;
  }

  /** Ranking order: by score, ties by record and place, never by segment, so equal content ranks the same however it was split. */
  compare(i: number, j: number): number {
    return (this.#scores[j] as number) - (this.#scores[i] as number) || (this.#idKeys[i] as number) - (this.#idKeys[j] as number) || compareEntries(this.meta(i), this.meta(j));
  }

  /** Every hit's position, in ranking order. */
  ranked(): number[] {
    return Array.from({ length: this.length }, (_, i) => i).sort((i, j) => this.compare(i, j));
  }

  hit(i: number): RawHit {
    const terms = this.#matched(i, () => true);
    return { meta: this.meta(i), score: this.score(i), terms, textTerms: this.meta(i).kind === 'passage' ? this.textTerms(i) : terms };
  }

  /** A passage's terms found in its own text (see RawHit.textTerms). */
  textTerms(i: number): string[] {
    return this.#matched(i, (field) => field === 'body');
  }

  /** Whether the hit's own text holds every word of the query, not only with the help of its document's title. */
  holdsEveryWord(i: number): boolean {
    const found = new Set(this.textTerms(i));
    return this.#words.every((terms) => [...terms].some((term) => found.has(term)));
  }

  #matched(i: number, counts: (field: Field) => boolean): string[] {
    const segment = this.#owners[i] as Segment;
    const local = this.#locals[i] as number;
    return this.#terms.filter((term) => [...(this.#scoring.get(term)?.fields ?? [])].some((field) => counts(field) && segment.weight(field, local, term) > 0));
  }
}

function compareEntries(a: EntryMeta, b: EntryMeta): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : (a.start ?? -1) - (b.start ?? -1) || a.kind.localeCompare(b.kind);
}

/**
 * A record id's first seven characters as a number that orders as the
 * strings do (ids are ASCII letters, digits, "_" and "-": 7 bits each):
 * common words tie on score across thousands of passages, and ties go by
 * record id.
 */
export function idKey(id: string): number {
  let key = 0;
  for (let i = 0; i < 7; i++) key = key * 128 + (i < id.length ? id.charCodeAt(i) & 0x7f : 0);
  return key;
}
