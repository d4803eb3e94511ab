import lunr from 'lunr';
import registerArabic from 'lunr-languages/lunr.ar';
import registerStemmerSupport from 'lunr-languages/lunr.stemmer.support';
import { foldText } from '../text/fold';
import { WORD } from './words';

registerStemmerSupport(lunr);
registerArabic(lunr);

/**
 * Text to index terms, the same way for what is indexed and what is asked.
 *
 * Words are cut from the original text (so offsets point into it) and folded
 * (shared/text/fold.ts). Then, by script:
 * - Latin: English stop words dropped and Porter stemming, in passages that
 *   are English or of unknown language; folded only in other languages.
 * - Arabic script: lunr-languages' Arabic stop words and stemmer, except in
 *   Persian, Urdu, Pashto and Kurdish text, which it would mangle. That
 *   stemmer is not consistent (it stems "بغداد" and "وبغداد" differently), so
 *   an Arabic word is indexed under its folded form as well as its stem, and a
 *   query asks for both: either one matching is a match.
 * - Anything else (digits, other scripts): the folded word.
 */

const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;
const LATIN = /[a-z]/;
// The form lunr-languages' stop list is written in: marks and tatweel gone, alef forms unified, but ى and ي still apart (على is a stop word, علي a name).
const ARABIC_MARKS = /[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const ALEF_FORMS = /[\u0622\u0623\u0625\u0671]/g;
const NO_ARABIC_STEMMING = new Set(['fa', 'ur', 'ps', 'ckb', 'ku', 'kmr', 'sd', 'ug']);

/** How a passage's words are analysed, from its language (BCP 47, or undefined when unknown). */
export interface Analyser {
  readonly stemLatin: boolean;
  readonly stemArabic: boolean;
}

export function analyserFor(language: string | undefined): Analyser {
  const primary = language?.toLowerCase().split('-')[0];
  return { stemLatin: primary === undefined || primary === 'en', stemArabic: primary === undefined || !NO_ARABIC_STEMMING.has(primary) };
}

const MAX_CACHED = 200_000;
const englishStems = new Map<string, string | null>();
const arabicStems = new Map<string, string | null>();

function cached(cache: Map<string, string | null>, key: string, compute: () => string | null): string | null {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute();
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(key, value);
  }
  return value;
}

/** The English stem of a folded Latin word, or null for a stop word. */
function englishStem(folded: string): string | null {
  return cached(englishStems, folded, () => {
    if (!lunr.stopWordFilter(new lunr.Token(folded, {}))) return null;
    return lunr.stemmer(new lunr.Token(folded, {})).toString();
  });
}

/** The Arabic stem of a word, or null for a stop word. */
function arabicStem(word: string, folded: string): string | null {
  const lite = word.replace(ARABIC_MARKS, '').replace(ALEF_FORMS, '\u0627');
  if (!lunr.ar.stopWordFilter?.(new lunr.Token(lite, {}))) return null;
  return cached(arabicStems, folded, () => {
    const stemmer = lunr.ar.stemmer as (token: lunr.Token) => lunr.Token;
    // The stemmer may hand back letters that folding unifies (it writes ى as ا, for one): fold its output too.
    return foldText(stemmer(new lunr.Token(folded, {})).toString());
  });
}

/**
 * The index terms of one word: none for a stop word, usually one, two for an
 * Arabic word (folded and stemmed).
 */
export function termsOfWord(word: string, analyser: Analyser): string[] {
  const folded = foldText(word);
  if (folded === '') return [];
  if (LATIN.test(folded[0] as string) && analyser.stemLatin) {
    const stem = englishStem(folded);
    return stem === null || stem === '' ? [] : [stem];
  }
  if (ARABIC_SCRIPT.test(folded) && analyser.stemArabic) {
    const stem = arabicStem(word, folded);
    if (stem === null) return [];
    return stem === folded || stem === '' ? [folded] : [folded, stem];
  }
  return [folded];
}

/**
 * A test of whether a word has one of the given index terms, for marking
 * the words of a passage that matched. Stemming every word of every passage
 * shown would cost more than the search itself, so a Latin word is stemmed
 * only when it starts like one of the terms: Porter stemming changes at most
 * the last two letters of what it keeps of a word ("ability" → "abl"), so a
 * stem without them is always a prefix of the folded word.
 */
export function termMatcher(terms: ReadonlySet<string>, analyser: Analyser): (word: string) => boolean {
  const heads = [...terms].filter((term) => LATIN.test(term[0] ?? '')).map((term) => term.slice(0, Math.max(1, term.length - 2)));
  const known = new Map<string, boolean>();
  return (word) => {
    let matches = known.get(word);
    if (matches === undefined) {
      const folded = foldText(word);
      const couldMatch = !LATIN.test(folded[0] ?? '') || heads.some((head) => folded.startsWith(head));
      matches = couldMatch && termsOfWord(word, analyser).some((term) => terms.has(term));
      known.set(word, matches);
    }
    return matches;
  };
}

/** Every index term of a text, in order (repeats kept: they are term frequencies). */
export function indexTerms(text: string, language: string | undefined): string[] {
  const analyser = analyserFor(language);
  const out: string[] = [];
  for (const match of text.matchAll(WORD)) for (const term of termsOfWord(match[0], analyser)) out.push(term);
  return out;
}

const anyLanguage: Analyser = { stemLatin: true, stemArabic: true };
const foldOnly: Analyser = { stemLatin: false, stemArabic: false };

/**
 * The terms a query word may be indexed under, whatever the language of the
 * passage: its stem and its folded form. Empty for a stop word, which a
 * query then ignores rather than requires.
 */
export function queryTermsOfWord(word: string): string[] {
  const stemmed = termsOfWord(word, anyLanguage);
  if (stemmed.length === 0) return [];
  return [...new Set([...stemmed, ...termsOfWord(word, foldOnly)])];
}
