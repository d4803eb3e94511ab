import { queryTermsOfWord } from '../../shared/search/analyse';
import type { ParsedQuery, QueryWord } from '../../shared/search/query-syntax';
import { foldText } from '../../shared/text/fold';
import type { TermGroup, TermVariant } from './segmented-index';

/** Words this long or longer also match index terms one edit away; shorter ones would match too much. */
const TYPO_MIN_LENGTH = 5;
/** A prefix shorter than this completes to too much to mean anything. */
const PREFIX_MIN_LENGTH = 2;
/** Index terms are stems: a half-typed "electi" should still find "elect", so stems it starts with count, from this length. */
const STEM_MIN_LENGTH = 4;

const COMPLETION_WEIGHT = 0.5;
const TYPO_WEIGHT = 0.3;

/** The term groups of a parsed query: one per word that is not a stop word, phrases' words included. */
export function termGroups(query: ParsedQuery): TermGroup[] {
  const groups: TermGroup[] = [];
  const add = (word: QueryWord, typos: boolean) => {
    const group = wordGroup(word, typos);
    if (group) groups.push(group);
  };
  for (const word of query.words) add(word, true);
  for (const phrase of query.phrases) for (const text of phrase.words) add({ text, prefix: false, ...(phrase.field ? { field: phrase.field } : {}) }, false);
  return groups;
}

export function excludedTerms(query: ParsedQuery): string[] {
  return [...new Set(query.excludedWords.flatMap((word) => queryTermsOfWord(word)))];
}

function wordGroup(word: QueryWord, typos: boolean): TermGroup | undefined {
  const exact = queryTermsOfWord(word.text);
  const variants: TermVariant[] = exact.map((term) => ({ term, mode: 'exact', weight: 1 }));
  const folded = foldText(word.text);
  if (word.prefix && folded.length >= PREFIX_MIN_LENGTH) {
    variants.push({ term: folded, mode: 'prefix', weight: COMPLETION_WEIGHT });
    for (let length = STEM_MIN_LENGTH; length < folded.length; length++) variants.push({ term: folded.slice(0, length), mode: 'exact', weight: COMPLETION_WEIGHT });
  }
  // A stop word asked for alone is ignored, not required: "the green zone" is about the green zone.
  if (variants.length === 0) return undefined;
  const first = exact[0];
  if (typos && first !== undefined && [...first].length >= TYPO_MIN_LENGTH) variants.push({ term: first, mode: 'fuzzy', weight: TYPO_WEIGHT });
  return { variants, ...(word.field ? { fields: [word.field] } : {}) };
}
