import { z } from 'zod';
import { createNameMatcher, type MatchRank } from '../actors/match-names';
import { RecordId } from '../model/records';
import { LinkKind } from './link-resolution';

/** Something a note can link to, with every name it may be found by while typing `[[`. */
export const LinkCandidate = z.object({
  kind: LinkKind,
  id: RecordId,
  /** What the link is called: written into the link as its label. */
  label: z.string(),
  /** The label, then aliases (actors) or the passage's document title (highlights). */
  names: z.array(z.string()),
  /** A line that tells two similar candidates apart (actor kind, event date, document kind). */
  detail: z.string().optional(),
});
export type LinkCandidate = z.infer<typeof LinkCandidate>;

export interface RankedCandidate {
  candidate: LinkCandidate;
  /** The name or alias that matched, as written. */
  matched: string;
  rank: MatchRank;
}

// Among equally good matches, the things a note is usually about come first.
const kindOrder: Readonly<Record<LinkCandidate['kind'], number>> = { actor: 0, event: 1, document: 2, highlight: 3, note: 4 };

/**
 * Rank candidates for what was typed after `[[`, with the matching of the tag
 * picker (case, diacritics, apostrophes and Arabic letter forms ignored; see
 * shared/actors/match-names.ts): better match first, then actors, events,
 * documents, passages and notes.
 */
export function createLinkMatcher(candidates: readonly LinkCandidate[]): (query: string, limit?: number) => RankedCandidate[] {
  const match = createNameMatcher(candidates, (candidate) => candidate.names);
  return (query, limit = 30) =>
    // The name matcher keeps its own order within a rank; sorting is stable, so only rank and kind are compared here.
    match(query, Math.max(limit * 4, 100))
      .map(({ item, name, rank }) => ({ candidate: item, matched: name, rank }))
      .sort((a, b) => a.rank - b.rank || kindOrder[a.candidate.kind] - kindOrder[b.candidate.kind])
      .slice(0, limit);
}
