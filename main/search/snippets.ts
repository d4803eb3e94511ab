import { analyserFor, termMatcher } from '../../shared/search/analyse';
import { words } from '../../shared/search/words';
import type { Snippet } from '../../shared/search/results';
import { foldText } from '../../shared/text/fold';

/** About two lines of a results list. */
const SNIPPET_LENGTH = 240;
/** Context shown before the first marked word. */
const LEAD = 60;

export interface Marked {
  /** Ranges [start, end) of the source text whose words matched. */
  marks: { start: number; end: number }[];
  /** Those words as written, once each. */
  terms: string[];
}

/**
 * The words of `text` within [start, end) that match: those whose index terms
 * (under the passage's language) are among the terms the hit matched, and
 * runs of words that spell one of the phrases.
 */
export function findMarks(text: string, start: number, end: number, language: string | undefined, matchedTerms: ReadonlySet<string>, phrases: readonly string[][]): Marked {
  const matches = termMatcher(matchedTerms, analyserFor(language));
  const found = words(text.slice(start, end), start);
  const inPhrase = new Set<number>();
  if (phrases.length > 0) {
    const folded = found.map((word) => foldText(word.text));
    for (const phrase of phrases.map((words) => words.map(foldText))) {
      for (const i of phraseStarts(folded, phrase)) for (let k = i; k < i + phrase.length; k++) inPhrase.add(k);
    }
  }
  const marks: Marked['marks'] = [];
  const terms = new Set<string>();
  let previous = -1;
  for (const [i, word] of found.entries()) {
    if (!inPhrase.has(i) && !matches(word.text)) continue;
    terms.add(word.text);
    const last = marks.at(-1);
    // Words of one phrase, or adjacent matches, are one mark when only spaces separate them.
    if (last && previous === i - 1 && /^\s+$/u.test(text.slice(last.end, word.start))) last.end = word.end;
    else marks.push({ start: word.start, end: word.end });
    previous = i;
  }
  return { marks, terms: [...terms] };
}

/** Where the folded words spell the phrase, word for word. */
export function phraseStarts(foldedWords: readonly string[], phrase: readonly string[]): number[] {
  const starts: number[] = [];
  if (phrase.length === 0) return starts;
  for (let i = 0; i + phrase.length <= foldedWords.length; i++) if (phrase.every((word, k) => foldedWords[i + k] === word)) starts.push(i);
  return starts;
}

/** Does the text contain the phrase (compared folded, word for word)? */
export function containsPhrase(text: string, phrase: readonly string[]): boolean {
  return phraseStarts(words(text).map((word) => foldText(word.text)), phrase.map(foldText)).length > 0;
}

/**
 * About SNIPPET_LENGTH characters of [start, end) around the stretch with the
 * most marks, cut at spaces, with the marks inside it relative to it.
 */
export function makeSnippet(text: string, start: number, end: number, marks: Marked['marks']): Snippet {
  let from = start;
  if (marks.length > 0) {
    let best = 0;
    let bestCount = 0;
    for (let i = 0; i < marks.length; i++) {
      let count = 0;
      for (let k = i; k < marks.length && (marks[k]?.end ?? 0) <= (marks[i]?.start ?? 0) + SNIPPET_LENGTH - LEAD; k++) count++;
      if (count > bestCount) {
        best = i;
        bestCount = count;
      }
    }
    from = Math.max(start, (marks[best]?.start ?? start) - LEAD);
  }
  let to = Math.min(end, from + SNIPPET_LENGTH);
  if (to < end) to = cutAtSpace(text, to, from, -1);
  if (from > start) from = cutAtSpace(text, from, to, 1);
  const inside = marks.filter((mark) => mark.start >= from && mark.end <= to).map((mark) => ({ start: mark.start - from, end: mark.end - from }));
  return { text: text.slice(from, to), marks: inside, offset: from, before: from > start, after: to < end };
}

/** The nearest space from `at` towards `limit`, or `at` itself when there is none within reach. */
function cutAtSpace(text: string, at: number, limit: number, step: 1 | -1): number {
  for (let i = at, reach = 0; i !== limit && reach < 40; i += step, reach++) if (/\s/u.test(text[i] as string)) return step === 1 ? i + 1 : i;
  return at;
}
