import { foldText } from '../text/fold';

/**
 * Matching what a person types against names and aliases, for the quick
 * picker and for finding an actor by name on the command line.
 *
 * Both sides are folded (case, diacritics, apostrophes, Arabic letter forms:
 * see shared/text/fold.ts), and every run of spaces and punctuation counts as
 * one space, so "al kadhimi", "Al-Kadhimi" and "AL-KADHIMI" are one key.
 */
export function nameKey(name: string): string {
  return foldText(name)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** How well a name answers a query; lower is better. */
export const MatchRank = {
  /** The whole name. */
  exact: 0,
  /** The start of the name. */
  prefix: 1,
  /** The start of a later word of the name ("kadhimi" in "Mustafa al-Kadhimi"). */
  wordPrefix: 2,
  /** Anywhere inside the name. */
  substring: 3,
  /** Only once spaces are ignored ("alkadhimi", "Kataib-Hezbollah" for "Kata'ib Hezbollah"). */
  spaceless: 4,
} as const;
export type MatchRank = (typeof MatchRank)[keyof typeof MatchRank];

export interface NameMatch<T> {
  item: T;
  /** The name or alias that matched, as written. */
  name: string;
  rank: MatchRank;
}

interface IndexedName {
  name: string;
  key: string;
  spaceless: string;
  /** 0 for an item's main name, then its aliases in order: the main name wins a tie. */
  position: number;
}

function rankOf(query: string, spacelessQuery: string, entry: IndexedName): MatchRank | undefined {
  if (entry.key === query) return MatchRank.exact;
  if (entry.key.startsWith(query)) return MatchRank.prefix;
  if (entry.key.includes(` ${query}`)) return MatchRank.wordPrefix;
  if (entry.key.includes(query)) return MatchRank.substring;
  if (entry.spaceless.includes(spacelessQuery)) return MatchRank.spaceless;
  return undefined;
}

/**
 * Index items once by their names (keys are folded up front, so typing in the
 * picker costs one pass of cheap string searches over the index), then rank
 * them for each query: best rank of any of an item's names, then the main
 * name before an alias, then the shorter name, then alphabetical.
 */
export function createNameMatcher<T>(items: readonly T[], namesOf: (item: T) => readonly string[]): (query: string, limit?: number) => NameMatch<T>[] {
  const index = items.map((item) => ({
    item,
    names: namesOf(item).map((name, position): IndexedName => {
      const key = nameKey(name);
      return { name, key, spaceless: key.replaceAll(' ', ''), position };
    }),
  }));
  return (query, limit = 20) => {
    const key = nameKey(query);
    if (key === '') return [];
    const spaceless = key.replaceAll(' ', '');
    const found: (NameMatch<T> & { position: number })[] = [];
    for (const { item, names } of index) {
      let best: (NameMatch<T> & { position: number }) | undefined;
      for (const entry of names) {
        const rank = rankOf(key, spaceless, entry);
        if (rank === undefined) continue;
        if (!best || rank < best.rank || (rank === best.rank && entry.position < best.position)) best = { item, name: entry.name, rank, position: entry.position };
      }
      if (best) found.push(best);
    }
    found.sort((a, b) => a.rank - b.rank || a.position - b.position || a.name.length - b.name.length || a.name.localeCompare(b.name));
    return found.slice(0, limit).map(({ item, name, rank }) => ({ item, name, rank }));
  };
}

/** The items one of whose names has exactly this key: how a typed name resolves to an actor. */
export function itemsNamed<T>(items: readonly T[], namesOf: (item: T) => readonly string[], name: string): T[] {
  const key = nameKey(name);
  return key === '' ? [] : items.filter((item) => namesOf(item).some((candidate) => nameKey(candidate) === key));
}
