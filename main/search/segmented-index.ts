import { type EntryMeta, type Field, FIELDS, resultGroupKey } from './entry-meta';
import { Hits, idKey, type TermScoring } from './hits';
import { type ExpandMode, findEntry, type Postings, type Segment } from './segment';

/** One way a query word may be found: an index term, taken as it is, as a prefix or with a typo. */
export interface TermVariant {
  term: string;
  mode: ExpandMode;
  /** Exact matches count 1; a completion or a near miss counts less. */
  weight: number;
}

/** A query word: at least one of its variants must match an entry (in `fields` when given). */
export interface TermGroup {
  variants: TermVariant[];
  fields?: Field[];
}

export interface SearchPlan {
  groups: TermGroup[];
  /** Index terms no hit may contain. */
  excluded: string[];
  /** Filters on the entry itself (kind, language, date, records allowed by a tag or actor). */
  accept?: (meta: EntryMeta) => boolean;
}

/**
 * A prefix of two letters could expand to thousands of terms: the shortest
 * completions are the likeliest words, and the shorter the prefix, the fewer
 * of them say anything (each one costs the query a pass over its postings).
 */
const MAX_EXPANSIONS = 40;
const expansionsFor = (variant: TermVariant) => (variant.mode === 'prefix' ? Math.min(MAX_EXPANSIONS, 10 * ([...variant.term].length - 1)) : MAX_EXPANSIONS);
/**
 * Near misses are looked for only when the word as typed is this rare: a
 * word found in many entries is most likely spelt as meant, and near misses
 * of a common word would flood the results.
 */
const TYPOS_BELOW_DF = 3;

/**
 * The segments of one notebook's index, searched together. A record's
 * entries are found by its id, to be masked when it changes or goes.
 * Scores use document frequencies summed over all segments, so an entry
 * scores the same whichever segment holds it, and ranking does not depend
 * on how content was split into segments.
 */
export class SegmentedIndex {
  #segments: Segment[] = [];
  /** Record id → where its live entries are. */
  readonly #locations = new Map<string, { segment: Segment; local: number }[]>();
  /** Result groups numbered, so hits are grouped by number, not by string (see Hits.group). */
  readonly #groupNumbers = new Map<string, number>();
  /** Each segment's entries' group numbers and id keys. */
  readonly #groupsOf = new Map<Segment, { groups: Int32Array; idKeys: Float64Array }>();

  get segments(): readonly Segment[] {
    return this.#segments;
  }

  get liveEntries(): number {
    return this.#segments.reduce((sum, segment) => sum + segment.live, 0);
  }

  /** The version (updatedAt) of each record indexed, as its live entries say. */
  versions(): Map<string, string> {
    const versions = new Map<string, string>();
    for (const [id, places] of this.#locations) {
      const first = places[0];
      if (first) versions.set(id, (first.segment.entries[first.local] as EntryMeta).version);
    }
    return versions;
  }

  add(segment: Segment): void {
    this.#segments.push(segment);
    this.#register(segment);
  }

  /** Put `merged` in place of `replaced`, which must hold no live entry that `merged` lacks. */
  replace(replaced: readonly Segment[], merged: Segment | undefined): void {
    const gone = new Set(replaced);
    this.#segments = this.#segments.filter((segment) => !gone.has(segment));
    for (const segment of gone) this.#groupsOf.delete(segment);
    for (const [id, places] of this.#locations) {
      const kept = places.filter((place) => !gone.has(place.segment));
      if (kept.length === 0) this.#locations.delete(id);
      else if (kept.length !== places.length) this.#locations.set(id, kept);
    }
    if (merged) this.add(merged);
  }

  /** Mask every live entry of these records; returns the segments touched. */
  remove(ids: Iterable<string>): Set<Segment> {
    const touched = new Set<Segment>();
    for (const id of ids) {
      for (const { segment, local } of this.#locations.get(id) ?? []) if (segment.mask(local)) touched.add(segment);
      this.#locations.delete(id);
    }
    return touched;
  }

  #register(segment: Segment): void {
    const groups = new Int32Array(segment.size);
    const idKeys = new Float64Array(segment.size);
    for (const [local, meta] of segment.entries.entries()) {
      idKeys[local] = idKey(meta.id);
      const key = resultGroupKey(meta);
      let group = this.#groupNumbers.get(key);
      if (group === undefined) {
        group = this.#groupNumbers.size;
        this.#groupNumbers.set(key, group);
      }
      groups[local] = group;
      if (segment.masked.has(local)) continue;
      const places = this.#locations.get(meta.id);
      if (places) places.push({ segment, local });
      else this.#locations.set(meta.id, [{ segment, local }]);
    }
    this.#groupsOf.set(segment, { groups, idKeys });
  }

  /** Every entry that matches, in no order (see Hits.compare). */
  search(plan: SearchPlan): Hits {
    if (plan.groups.length === 0) return Hits.none;
    const df = (term: string) => this.#segments.reduce((sum, segment) => sum + segment.df(term), 0);
    const expanded = plan.groups.map((group) => {
      const terms = this.#expand(group.variants.filter((variant) => variant.mode !== 'fuzzy'));
      const typos = group.variants.filter((variant) => variant.mode === 'fuzzy');
      if (typos.length === 0 || [...terms.keys()].reduce((sum, term) => sum + df(term), 0) >= TYPOS_BELOW_DF) return terms;
      for (const [term, weight] of this.#expand(typos)) terms.set(term, Math.max(terms.get(term) ?? 0, weight));
      return terms;
    });
    if (expanded.some((terms) => terms.size === 0)) return Hits.none;

    // Candidates come from the postings of the rarest word; the other words are looked up for each candidate.
    const frequency = expanded.map((terms) => [...terms.keys()].reduce((sum, term) => sum + df(term), 0));
    const driver = frequency.indexOf(Math.min(...frequency));
    const total = this.liveEntries;
    const idf = new Map<string, number>();
    for (const terms of expanded) {
      for (const term of terms.keys()) {
        if (!idf.has(term)) idf.set(term, Math.log(1 + Math.abs((total - df(term) + 0.5) / (df(term) + 0.5))));
      }
    }

    // Each term scores once per field it is found in, with its best weight among the words that reach it.
    const scoring = new Map<string, TermScoring>();
    for (const [g, terms] of expanded.entries()) {
      const fields = plan.groups[g]?.fields ?? FIELDS;
      for (const [term, weight] of terms) {
        const entry = scoring.get(term) ?? { factor: 0, weight: 0, fields: new Set<Field>() };
        entry.weight = Math.max(entry.weight, weight);
        entry.factor = entry.weight * (idf.get(term) ?? 0);
        for (const field of fields) entry.fields.add(field);
        scoring.set(term, entry);
      }
    }
    // Summed in a fixed order: floating-point addition is not associative, and equal entries must score equally.
    const order = [...scoring.keys()].sort();

    const found: { segment: Segment; kept: number[]; scores: Float64Array }[] = [];
    for (const segment of this.#segments) {
      if (segment.live === 0) continue;
      // Every word must match, so a segment that lacks one of them cannot hold a hit.
      const present = expanded.map((terms) => [...terms.keys()].filter((term) => segment.has(term)));
      if (present.some((terms) => terms.length === 0)) continue;
      const excluded = plan.excluded.filter((term) => segment.has(term));
      const others = plan.groups.flatMap((group, g) => (g === driver ? [] : [membership(segment, postingsOf(segment, present[g] ?? [], group.fields ?? FIELDS))]));
      const banned = membership(segment, postingsOf(segment, excluded, FIELDS));
      const kept: number[] = [];
      for (const local of entriesOf(segment, postingsOf(segment, present[driver] ?? [], plan.groups[driver]?.fields ?? FIELDS))) {
        if (segment.masked.has(local)) continue;
        if (!others.every((holds) => holds(local))) continue;
        if (banned(local)) continue;
        if (plan.accept && !plan.accept(segment.entries[local] as EntryMeta)) continue;
        kept.push(local);
      }
      if (kept.length === 0) continue;
      const scores = new Float64Array(kept.length);
      let place: Int32Array | undefined;
      for (const term of order) {
        const { factor, fields } = scoring.get(term) as TermScoring;
        for (const field of FIELDS) {
          const postings = fields.has(field) ? segment.postings(term, field) : undefined;
          if (!postings) continue;
          if (postings.to - postings.from > kept.length * 8) addByLookup(postings, kept, scores, factor);
          else addByPlace(postings, (place ??= placesOf(segment, kept)), scores, factor);
        }
      }
      found.push({ segment, kept, scores });
    }
    const count = found.reduce((sum, { kept }) => sum + kept.length, 0);
    const owners: Segment[] = [];
    const locals = new Uint32Array(count);
    const scores = new Float64Array(count);
    const groups = new Int32Array(count);
    const idKeys = new Float64Array(count);
    for (const { segment, kept, scores: some } of found) {
      const of = this.#groupsOf.get(segment) as { groups: Int32Array; idKeys: Float64Array };
      const at = owners.length;
      for (let k = 0; k < kept.length; k++) {
        const local = kept[k] as number;
        groups[at + k] = of.groups[local] as number;
        idKeys[at + k] = of.idKeys[local] as number;
        owners.push(segment);
      }
      locals.set(kept, at);
      scores.set(some, at);
    }
    return new Hits({ owners, locals, scores, groups, idKeys, groupCount: this.#groupNumbers.size }, order, scoring, expanded.map((terms) => new Set(terms.keys())));
  }

  /** The index terms the variants reach in any segment, with the best weight for each. */
  #expand(variants: readonly TermVariant[]): Map<string, number> {
    const terms = new Map<string, number>();
    for (const variant of variants) {
      const found = new Set<string>();
      for (const segment of this.#segments) for (const term of segment.expand(variant.term, variant.mode)) found.add(term);
      const kept = variant.mode === 'exact' ? [...found] : [...found].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0)).slice(0, expansionsFor(variant));
      // A completion or near miss that is the word itself counts as exact.
      for (const term of kept) terms.set(term, Math.max(terms.get(term) ?? 0, term === variant.term ? 1 : variant.weight));
    }
    return terms;
  }
}

/** The postings of these terms in these fields. */
function postingsOf(segment: Segment, terms: readonly string[], fields: readonly Field[]): Postings[] {
  return terms.flatMap((term) => fields.flatMap((field) => segment.postings(term, field) ?? []));
}

/**
 * A test of whether an entry is in any of the postings: a look-up in the one
 * list, or, for several (a prefix's completions, a word's fields), a mark per
 * entry, so that each candidate costs one read whatever the number of lists.
 */
function membership(segment: Segment, lists: readonly Postings[]): (local: number) => boolean {
  if (lists.length === 0) return () => false;
  const only = lists.length === 1 ? lists[0] : undefined;
  if (only) return (local) => findEntry(only, local) >= 0;
  const marked = new Uint8Array(segment.size);
  for (const { entries, from, to } of lists) for (let i = from; i < to; i++) marked[entries[i] as number] = 1;
  return (local) => marked[local] === 1;
}

/** The entries in any of the postings, ascending, each once. */
function entriesOf(segment: Segment, lists: readonly Postings[]): Iterable<number> {
  const only = lists.length === 1 ? lists[0] : undefined;
  if (only) return only.entries.subarray(only.from, only.to);
  const marked = new Uint8Array(segment.size);
  for (const { entries, from, to } of lists) for (let i = from; i < to; i++) marked[entries[i] as number] = 1;
  const found: number[] = [];
  for (let local = 0; local < marked.length; local++) if (marked[local]) found.push(local);
  return found;
}

/**
 * Scoring adds factor × weight to the score of each kept entry a term's
 * postings hold, term by term in a fixed order. Postings far longer than the
 * kept entries (a common word beside a rare one) are searched for each kept
 * entry; others are read through, each entry found by its place among the
 * kept (a prefix completes to dozens of terms, each read once, not walked
 * against every kept entry).
 */
function addByLookup(postings: Postings, kept: readonly number[], scores: Float64Array, factor: number): void {
  let from = postings.from;
  for (const [k, local] of kept.entries()) {
    const at = findEntry(postings, local, from);
    if (at < 0) continue;
    scores[k] = (scores[k] as number) + factor * (postings.weights[at] as number);
    from = at + 1;
  }
}

function addByPlace(postings: Postings, place: Int32Array, scores: Float64Array, factor: number): void {
  const { entries, weights, to } = postings;
  for (let i = postings.from; i < to; i++) {
    const k = place[entries[i] as number] as number;
    if (k >= 0) scores[k] = (scores[k] as number) + factor * (weights[i] as number);
  }
}

/** Each entry's place among the kept, or -1. */
function placesOf(segment: Segment, kept: readonly number[]): Int32Array {
  const place = new Int32Array(segment.size).fill(-1);
  for (let k = 0; k < kept.length; k++) place[kept[k] as number] = k;
  return place;
}
