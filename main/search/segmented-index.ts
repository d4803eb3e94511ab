import lunr from 'lunr';
import { type EntryMeta, type ExpandMode, type Field, FIELDS, Segment } from './segment';

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

export interface RawHit {
  meta: EntryMeta;
  score: number;
  /** The index terms this entry matched. */
  terms: string[];
}

/** A prefix of one or two letters could expand to thousands of terms; the shortest completions are the likeliest words. */
const MAX_EXPANSIONS = 40;
/**
 * Near misses are looked for only when the word as typed is this rare: a
 * word found in many entries is most likely spelt as meant, and lunr's fuzzy
 * expansion is the costliest step of a query.
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
    for (const [local, meta] of segment.entries.entries()) {
      if (segment.masked.has(local)) continue;
      const places = this.#locations.get(meta.id);
      if (places) places.push({ segment, local });
      else this.#locations.set(meta.id, [{ segment, local }]);
    }
  }

  search(plan: SearchPlan): RawHit[] {
    if (plan.groups.length === 0) return [];
    const df = (term: string) => this.#segments.reduce((sum, segment) => sum + segment.df(term), 0);
    const expanded = plan.groups.map((group) => {
      const terms = this.#expand(group.variants.filter((variant) => variant.mode !== 'fuzzy'));
      const typos = group.variants.filter((variant) => variant.mode === 'fuzzy');
      if (typos.length === 0 || [...terms.keys()].reduce((sum, term) => sum + df(term), 0) >= TYPOS_BELOW_DF) return terms;
      for (const [term, weight] of this.#expand(typos)) terms.set(term, Math.max(terms.get(term) ?? 0, weight));
      return terms;
    });
    if (expanded.some((terms) => terms.size === 0)) return [];

    // lunr collects every entry holding any queried term, so it is asked only for the rarest word; the others are looked up per candidate.
    const frequency = expanded.map((terms) => [...terms.keys()].reduce((sum, term) => sum + df(term), 0));
    const driver = frequency.indexOf(Math.min(...frequency));
    const total = this.liveEntries;
    const idf = new Map<string, number>();
    for (const terms of expanded) {
      for (const term of terms.keys()) {
        if (!idf.has(term)) idf.set(term, Math.log(1 + Math.abs((total - df(term) + 0.5) / (df(term) + 0.5))));
      }
    }

    const hits: RawHit[] = [];
    for (const segment of this.#segments) {
      if (segment.live === 0) continue;
      // Every word must match, so a segment that lacks one of them cannot hold a hit.
      const present = expanded.map((terms) => [...terms.keys()].filter((term) => segment.has(term)));
      if (present.some((terms) => terms.length === 0)) continue;
      const excluded = plan.excluded.filter((term) => segment.has(term));
      const results = segment.index.query((query) => {
        const fields = plan.groups[driver]?.fields ?? FIELDS;
        for (const term of present[driver] ?? []) query.term(term, { fields, usePipeline: false, presence: lunr.Query.presence.OPTIONAL });
        for (const term of excluded) query.term(term, { fields: FIELDS, usePipeline: false, presence: lunr.Query.presence.PROHIBITED });
      });
      for (const result of results) {
        const local = Number(result.ref);
        if (segment.masked.has(local)) continue;
        const meta = segment.entries[local] as EntryMeta;
        if (plan.accept && !plan.accept(meta)) continue;
        const matched: Matched = {};
        for (const [term, byField] of Object.entries(result.matchData.metadata)) matched[term] = { ...(byField as Partial<Record<Field, true>>) };
        if (!plan.groups.every((group, g) => g === driver || matchOthers(segment, local, present[g] ?? [], group.fields ?? FIELDS, matched))) continue;
        hits.push({ meta, score: score(segment, local, matched, expanded, idf), terms: Object.keys(matched).sort() });
      }
    }
    // Ties go by record and place, never by segment, so equal content ranks the same however it was split.
    return hits.sort((a, b) => b.score - a.score || compareEntries(a.meta, b.meta));
  }

  /** The index terms the variants reach in any segment, with the best weight for each. */
  #expand(variants: readonly TermVariant[]): Map<string, number> {
    const terms = new Map<string, number>();
    for (const variant of variants) {
      const found = new Set<string>();
      for (const segment of this.#segments) for (const term of segment.expand(variant.term, variant.mode)) found.add(term);
      const kept = variant.mode === 'exact' ? [...found] : [...found].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0)).slice(0, MAX_EXPANSIONS);
      // A completion or near miss that is the word itself counts as exact.
      for (const term of kept) terms.set(term, Math.max(terms.get(term) ?? 0, term === variant.term ? 1 : variant.weight));
    }
    return terms;
  }
}

/** Index term → the fields of an entry it was found in. */
type Matched = Record<string, Partial<Record<Field, true>>>;

/** Does the entry hold one of a group's terms (in its fields)? Adds every one it holds to `matched`, for scoring. */
function matchOthers(segment: Segment, local: number, terms: readonly string[], fields: readonly Field[], matched: Matched): boolean {
  let found = false;
  for (const term of terms) {
    for (const field of fields) {
      if (!segment.contains(term, field, local)) continue;
      (matched[term] ??= {})[field] = true;
      found = true;
    }
  }
  return found;
}

function score(segment: Segment, local: number, matched: Matched, expanded: Map<string, number>[], idf: Map<string, number>): number {
  let total = 0;
  // Summed in a fixed order: floating-point addition is not associative, and equal entries must score equally.
  for (const term of Object.keys(matched).sort()) {
    let weight = 0;
    for (const terms of expanded) weight = Math.max(weight, terms.get(term) ?? 0);
    if (weight === 0) continue;
    const fields = matched[term] ?? {};
    for (const field of FIELDS) if (fields[field] !== undefined) total += weight * (idf.get(term) ?? 0) * segment.weight(field, local, term);
  }
  return total;
}

function compareEntries(a: EntryMeta, b: EntryMeta): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : (a.start ?? -1) - (b.start ?? -1) || a.kind.localeCompare(b.kind);
}
