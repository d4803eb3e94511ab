import type { HighlightTarget } from '../model/records';
import { snapToCodePoints } from './code-points';
import { closeness, contextAgreement } from './context-similarity';
import { type FoldedText, foldMarks, foldMarksWithOffsets } from './fold-marks';
import { matchQuote } from './match-quote';
import { GramIndex, type OccurrenceFinder, scanningFinder } from './occurrence-index';

/** Where a highlight is painted: [start, end) in UTF-16 code units of the canonical text, never inside a surrogate pair. */
export interface Anchor {
  start: number;
  end: number;
  /** 'position': the stored offsets still hold the quote. 'quote': the exact quote, found elsewhere. 'fuzzy': an approximate match. */
  method: 'position' | 'quote' | 'fuzzy';
  /** 0–1 confidence, for 'quote' (how much recorded context agrees) and 'fuzzy' (quote, context and position together). */
  score?: number;
}

export interface AnchorOptions {
  /** Also try approximate matching (default true). Off, only the stored position and the exact quote are tried. */
  fuzzy?: boolean;
}

/**
 * Anchor one highlight: the stored position if it still holds the quote,
 * else the exact quote (among repeats, the one whose recorded context agrees
 * most, then the nearest to the old position), else an approximate match of
 * the quote with its context, ignoring Arabic vowel marks (see fold-marks.ts).
 * Undefined means orphaned: the caller shows the highlight with its quote.
 */
export function anchorTarget(text: string, target: HighlightTarget, options: AnchorOptions = {}): Anchor | undefined {
  const selectors = normalised(target);
  return anchorByPosition(text, selectors) ?? anchorBySearch(new SearchableText(text, false), selectors, options);
}

/**
 * Anchor many highlights of one text, in the order given. Most highlights of
 * an unchanged document pass the position check, which costs the length of
 * the quote; when enough are left over to search for, the text is indexed
 * once (GramIndex) so each search is a few look-ups instead of scans.
 */
export function anchorAll(text: string, targets: readonly HighlightTarget[], options: AnchorOptions = {}): (Anchor | undefined)[] {
  const selectors = targets.map(normalised);
  const anchors = selectors.map((target) => anchorByPosition(text, target));
  const unplaced = anchors.flatMap((anchor, i) => (anchor ? [] : [i]));
  const searchable = new SearchableText(text, unplaced.length >= INDEX_WHEN_SEARCHING);
  for (const i of unplaced) anchors[i] = anchorBySearch(searchable, selectors[i] as Selectors, options);
  return anchors;
}

/**
 * Without an index, each search scans the text once for the quote and, when
 * approximate matching is needed, once per piece (1–2 ms per MB a scan);
 * building the index costs about one pass, 10–20 ms per MB. From this many
 * searches on, the index is the cheaper way.
 */
const INDEX_WHEN_SEARCHING = 8;

interface Selectors {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

/** Canonical texts are NFC; a selector written by another tool may not be. */
function normalised(target: HighlightTarget): Selectors {
  const { exact, prefix, suffix } = target.quote;
  return { exact: exact.normalize('NFC'), prefix: prefix.normalize('NFC'), suffix: suffix.normalize('NFC'), start: target.position.start, end: target.position.end };
}

function anchorByPosition(text: string, target: Selectors): Anchor | undefined {
  if (target.end - target.start !== target.exact.length || !text.startsWith(target.exact, target.start)) return undefined;
  return { ...snapToCodePoints(text, target.start, target.end), method: 'position' };
}

function anchorBySearch(searchable: SearchableText, target: Selectors, options: AnchorOptions): Anchor | undefined {
  const { text } = searchable;
  const occurrences = searchable.finder.occurrences(target.exact);
  if (occurrences.length > 0) {
    // The exact words are there: context decides between repeats, position only breaks ties.
    let best = { start: 0, score: -1 };
    for (const start of occurrences) {
      const agreement = contextAgreement(text, start, start + target.exact.length, target.prefix, target.suffix);
      const score = 0.9 * agreement + 0.1 * closeness(start, target.start, text.length);
      if (score > best.score) best = { start, score };
    }
    return { ...snapToCodePoints(text, best.start, best.start + target.exact.length), method: 'quote', score: best.score };
  }
  if (options.fuzzy === false) return undefined;
  const folded = searchable.folded;
  const match = matchQuote(searchable.foldedFinder, foldMarks(target.exact), {
    prefix: foldMarks(target.prefix),
    suffix: foldMarks(target.suffix),
    hint: folded.fromOriginal(Math.min(target.start, text.length)),
  });
  if (!match) return undefined;
  return { ...snapToCodePoints(text, folded.toOriginal(match.start), folded.toOriginal(match.end)), method: 'fuzzy', score: match.score };
}

/** One text with what searching it needs, each made on first use and shared by every highlight anchored in it. */
class SearchableText {
  readonly text: string;
  readonly #indexed: boolean;
  #finder?: OccurrenceFinder;
  #folded?: FoldedText;
  #foldedFinder?: OccurrenceFinder;

  constructor(text: string, indexed: boolean) {
    this.text = text;
    this.#indexed = indexed;
  }

  get finder(): OccurrenceFinder {
    this.#finder ??= this.#finderFor(this.text);
    return this.#finder;
  }

  get folded(): FoldedText {
    this.#folded ??= foldMarksWithOffsets(this.text);
    return this.#folded;
  }

  /** Most texts have no marks to fold, and then share the one finder. */
  get foldedFinder(): OccurrenceFinder {
    this.#foldedFinder ??= this.folded.text === this.text ? this.finder : this.#finderFor(this.folded.text);
    return this.#foldedFinder;
  }

  #finderFor(text: string): OccurrenceFinder {
    return this.#indexed ? new GramIndex(text) : scanningFinder(text);
  }
}
