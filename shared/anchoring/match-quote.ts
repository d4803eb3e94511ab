import search from 'approx-string-match';
import { closeness, contextAgreement, similarityAfter, similarityBefore } from './context-similarity';
import type { OccurrenceFinder } from './occurrence-index';

export interface QuoteContext {
  prefix: string;
  suffix: string;
  /** Where the quote was expected to start; breaks ties between equally good matches. */
  hint: number;
}

export interface QuoteMatch {
  start: number;
  end: number;
  /** Edits (insertions, deletions, substitutions) between the quote and the matched text. */
  errors: number;
  /** 0–1: how well the quote, its context and its position agree. */
  score: number;
}

/**
 * Approximate matching cuts a quote into budget + 1 pieces at least this long.
 * Shorter pieces would tolerate more edits, but occur by chance all over a
 * long text (an 8-character piece of English prose does hundreds of times in
 * 2 MB), and every chance occurrence is a window to verify.
 */
const PIECE_LENGTH = 12;

/**
 * The most edits a match may have: about one per PIECE_LENGTH characters, so
 * that a corrected typo or a changed word still anchors. Quotes under
 * 2 × PIECE_LENGTH must match exactly, as a short quote with errors matches
 * too many places to be trusted. The budget is capped at 31 because the
 * verifying search (Myers' bit-parallel algorithm in approx-string-match)
 * takes about one 32-bit block step per text character while the budget is
 * under 32, and one more per further 32 errors; and a long passage rewritten
 * by more than 31 edits is better shown as orphaned than found in the wrong
 * place.
 */
export function errorBudget(quoteLength: number): number {
  return Math.max(0, Math.min(31, Math.floor(quoteLength / PIECE_LENGTH) - 1));
}

/** A match scoring below this is not trusted: a similar quote with unrelated context is a different passage. */
export const MIN_SCORE = 0.75;

/**
 * Candidates scored, and windows verified, per quote at most: each costs
 * tens of microseconds, and a quote (or its pieces) occurring more often than
 * this sits in highly repetitive text, where only the best-supported
 * candidates are plausible anyway.
 */
const MAX_CANDIDATES = 16;

/**
 * Find the best approximate match for `quote` in the finder's text. Exact
 * occurrences are found cheaply first; otherwise the quote is cut into
 * budget + 1 pieces, of which any match within the budget must contain at
 * least one unchanged (each edit spoils at most one piece). Only the text
 * around piece occurrences is searched with approx-string-match, so a quote
 * that no longer exists costs a few exact look-ups, not a pass of the
 * approximate search over the whole text (15–30 ms per MB). Pieces are
 * never shorter than PIECE_LENGTH, so an index can look each one up.
 */
export function matchQuote(finder: OccurrenceFinder, quote: string, context: QuoteContext): QuoteMatch | undefined {
  if (quote.length === 0) return undefined;
  const exact = finder.occurrences(quote);
  const candidates =
    exact.length > 0
      ? mostPlausible(finder.text, exact, quote.length, context).map((start) => ({ start, end: start + quote.length, errors: 0 }))
      : approximateMatches(finder, quote, errorBudget(quote.length), context.hint);
  let best: QuoteMatch | undefined;
  for (const candidate of candidates) {
    const score = scoreMatch(finder.text, quote.length, candidate, context);
    if (!best || score > best.score) best = { ...candidate, score };
  }
  return best && best.score >= MIN_SCORE ? best : undefined;
}

type Candidate = Omit<QuoteMatch, 'score'>;

function approximateMatches(finder: OccurrenceFinder, quote: string, maxErrors: number, hint: number): Candidate[] {
  if (maxErrors === 0) return [];
  const pieceLength = Math.floor(quote.length / (maxErrors + 1));
  // Where the quote would start if each piece occurrence were part of it.
  const starts: number[] = [];
  for (let i = 0; i <= maxErrors; i += 1) {
    const offset = i * pieceLength;
    const piece = quote.slice(offset, i === maxErrors ? quote.length : offset + pieceLength);
    for (const at of finder.occurrences(piece)) starts.push(at - offset);
  }
  const windows = groupStarts(Int32Array.from(starts).sort(), maxErrors);
  // A match with e edits keeps at least budget + 1 - e pieces, so well-supported windows go first, then the nearest.
  windows.sort((a, b) => b.support - a.support || Math.abs(a.first - hint) - Math.abs(b.first - hint));
  const matches: Candidate[] = [];
  for (const { first, last } of windows.slice(0, MAX_CANDIDATES)) {
    const from = Math.max(0, first - maxErrors);
    const to = Math.min(finder.text.length, last + quote.length + maxErrors);
    for (const match of search(finder.text.slice(from, to), quote, maxErrors)) matches.push({ start: from + match.start, end: from + match.end, errors: match.errors });
  }
  return matches;
}

/** Starts within twice the budget of each other belong to one match (edits shift pieces by up to the budget either way). */
function groupStarts(sorted: Int32Array, maxErrors: number): { first: number; last: number; support: number }[] {
  const windows: { first: number; last: number; support: number }[] = [];
  for (const start of sorted) {
    const window = windows.at(-1);
    if (window && start - window.first <= 2 * maxErrors) {
      window.last = start;
      window.support += 1;
    } else windows.push({ first: start, last: start, support: 1 });
  }
  return windows;
}

/** A quote repeated more than MAX_CANDIDATES times: the repeats whose context agrees most, then the nearest to the hint, are scored. */
function mostPlausible(text: string, starts: number[], length: number, context: QuoteContext): number[] {
  if (starts.length <= MAX_CANDIDATES) return starts;
  const ranked = starts.map((start) => ({ start, agreement: contextAgreement(text, start, start + length, context.prefix, context.suffix) }));
  ranked.sort((a, b) => b.agreement - a.agreement || Math.abs(a.start - context.hint) - Math.abs(b.start - context.hint));
  return ranked.slice(0, MAX_CANDIDATES).map(({ start }) => start);
}

/**
 * Half the score is the quote's own similarity, 0.2 each the context on
 * either side, 0.1 the closeness to the hint (a tie-breaker between repeats).
 * With a quote inside its budget (over 0.9 similar) the context must agree
 * about half-way to reach MIN_SCORE.
 */
function scoreMatch(text: string, quoteLength: number, match: Candidate, context: QuoteContext): number {
  const quote = 1 - match.errors / quoteLength;
  const prefix = similarityBefore(text, match.start, context.prefix);
  const suffix = similarityAfter(text, match.end, context.suffix);
  return 0.5 * quote + 0.2 * prefix + 0.2 * suffix + 0.1 * closeness(match.start, context.hint, text.length);
}
