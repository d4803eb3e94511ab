import { foldText, foldWithOffsets, originalRange, type FoldedText } from '../text/fold';

export interface NamedItem {
  id: string;
  /** The main name first, then aliases: any script. */
  names: readonly string[];
}

export interface NameOccurrence {
  id: string;
  /** The name or alias found, as the item spells it. */
  name: string;
  /** The occurrence in the original text, in UTF-16 code units. */
  start: number;
  end: number;
}

interface Pattern {
  id: string;
  name: string;
  /** Folded, spaces collapsed, trimmed to word characters at both ends. */
  folded: string;
  arabic: boolean;
  /** Short all-capital names ("US", "UN", "IS") are matched with their case, or they would match ordinary words. */
  exactCase: boolean;
  /** One word: a token that folds to it is a match, with nothing more to check. */
  single: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
/**
 * A token is a run of the original text that folds to one word: letters,
 * digits and marks, with what folding drops (apostrophes, ʿayn and hamza
 * signs, tatweel, joiners) kept inside, so "Kata’ib" is one token, as it is
 * one folded word.
 */
const TOKEN_CHAR = /[\p{L}\p{N}\p{M}'`\u00AD\u00B4\u0640\u061C\u2018\u2019\u201B\u2032\u200B-\u200F\u2060\uFEFF]/u;
const APOSTROPHE = /['\u2019]/u;
const ARABIC_LETTER = /^[\u0600-\u06FF]/;
/** One-letter proclitics written joined to the next word: wa-, fa-, bi-, ka-, li- ("والكاظمي", "بالحشد"). */
const ARABIC_PROCLITICS = new Set(['و', 'ف', 'ب', 'ك', 'ل']);
const MIN_NAME_LENGTH = 2;
const TOKEN_CACHE_SIZE = 100_000;

let tokenTable: Uint8Array | undefined;

/** 1 for each UTF-16 code unit that belongs to tokens: a table, since the test runs on every character of the corpus. Surrogates count, so letters beyond the BMP stay whole. */
function tokenUnits(): Uint8Array {
  if (!tokenTable) {
    tokenTable = new Uint8Array(0x10000);
    for (let code = 0; code < 0x10000; code++) tokenTable[code] = (code >= 0xd800 && code <= 0xdfff) || TOKEN_CHAR.test(String.fromCharCode(code)) ? 1 : 0;
  }
  return tokenTable;
}

function patternOf(id: string, name: string): Pattern | undefined {
  const folded = foldText(name)
    .replace(SEPARATORS, ' ')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  if (folded.length < MIN_NAME_LENGTH) return undefined;
  const trimmed = name.trim();
  return { id, name, folded, arabic: ARABIC_LETTER.test(folded), exactCase: /^[\p{Lu}\p{N}]{2,5}$/u.test(trimmed), single: /^[\p{L}\p{N}]+$/u.test(folded) };
}

/** White space and hyphens between the words of a name: "al-Kadhimi", "al Kadhimi" and "al -\nKadhimi" are one name. */
const SEPARATORS = /[\s\-\u2010-\u2015\u2212]+/gu;
const SEPARATOR = /[\s\-\u2010-\u2015\u2212]/u;

const MISMATCH = -1;
const RAN_OUT = -2;

/**
 * Where the pattern ends in `text` when it starts at `at`, a space in the
 * pattern standing for any run of separators; MISMATCH if it does not
 * match, RAN_OUT if the text ended first.
 */
function matchEnd(text: string, at: number, pattern: string): number {
  let k = at;
  for (let j = 0; j < pattern.length; j++) {
    if (k >= text.length) return RAN_OUT;
    if (pattern[j] === ' ') {
      if (!SEPARATOR.test(text[k] as string)) return MISMATCH;
      while (k < text.length && SEPARATOR.test(text[k] as string)) k++;
    } else {
      if (text[k] !== pattern[j]) return MISMATCH;
      k++;
    }
  }
  return k;
}

/** "Kadhimi's", "Kadhimi’s": checked by character codes, since it runs on every token. */
function isPossessive(raw: string): boolean {
  const n = raw.length;
  if (n < 3 || raw.charCodeAt(n - 1) !== 0x73) return false;
  const before = raw.charCodeAt(n - 2);
  return before === 0x27 || before === 0x2019;
}

/** A word ends at `end` of the folded text, or only an English possessive (’s) follows it. */
function endsWord(map: FoldedText, end: number): boolean {
  const { folded, source, toOriginal } = map;
  if (end >= folded.length || !WORD_CHAR.test(folded[end] as string)) return true;
  const afterS = end + 1;
  return folded[end] === 's' && (afterS >= folded.length || !WORD_CHAR.test(folded[afterS] as string)) && APOSTROPHE.test(source[(toOriginal[end] as number) - 1] ?? '');
}

/**
 * Finds names in text on word boundaries, in any script, ignoring what
 * folding ignores, and maps every hit back to the original offsets.
 *
 * Names are indexed by their first folded word. The text is walked one token
 * at a time, each token folded once per distinct spelling (words repeat, so
 * a cache makes folding nearly free) and looked up in the index; a one-word
 * name matches there and then, and only a name of several words folds a
 * small window of the text with offsets to check the rest of it. The cost is linear in the text, whatever the number
 * of names, which is what lets one pass serve hundreds of actors with
 * several aliases each.
 */
export class NameFinder {
  readonly #byFirstWord = new Map<string, Pattern[]>();
  readonly #foldedTokens = new Map<string, string>();

  constructor(items: readonly NamedItem[]) {
    for (const item of items) {
      const seen = new Set<string>();
      for (const name of item.names) {
        const pattern = patternOf(item.id, name);
        if (!pattern || seen.has(pattern.folded)) continue;
        seen.add(pattern.folded);
        const first = pattern.folded.match(/^[\p{L}\p{N}]+/u)?.[0] as string;
        const list = this.#byFirstWord.get(first);
        if (list) list.push(pattern);
        else this.#byFirstWord.set(first, [pattern]);
      }
    }
  }

  get empty(): boolean {
    return this.#byFirstWord.size === 0;
  }

  /** Every occurrence, by start; where one item's names overlap (“Kadhimi” inside “Mustafa al-Kadhimi”) only the longest is kept. */
  find(text: string): NameOccurrence[] {
    const found: NameOccurrence[] = [];
    if (this.empty) return found;
    const units = tokenUnits();
    for (let i = 0; i < text.length; ) {
      if (units[text.charCodeAt(i)] === 0) {
        i++;
        continue;
      }
      const at = i;
      while (i < text.length && units[text.charCodeAt(i)] === 1) i++;
      const raw = text.slice(at, i);
      const folded = this.#fold(raw);
      this.#tryAt(text, at, raw, folded, 0, false, found);
      if (isPossessive(raw)) {
        const stem = raw.slice(0, -2);
        this.#tryAt(text, at, stem, this.#fold(stem), 0, false, found);
      }
      if (folded.length > MIN_NAME_LENGTH && ARABIC_PROCLITICS.has(folded[0] as string)) this.#tryAt(text, at, raw, folded.slice(1), 1, true, found);
    }
    return longestPerItem(found);
  }

  #fold(raw: string): string {
    let folded = this.#foldedTokens.get(raw);
    if (folded === undefined) {
      if (this.#foldedTokens.size >= TOKEN_CACHE_SIZE) this.#foldedTokens.clear();
      folded = foldText(raw);
      this.#foldedTokens.set(raw, folded);
    }
    return folded;
  }

  /**
   * Check the names whose first word is `key` against the text from the token
   * `token` at `at`, skipping `skip` folded characters of it (a proclitic).
   */
  #tryAt(text: string, at: number, token: string, key: string, skip: number, arabicOnly: boolean, found: NameOccurrence[]): void {
    const patterns = this.#byFirstWord.get(key);
    if (!patterns) return;
    for (const pattern of patterns) {
      if (arabicOnly && !pattern.arabic) continue;
      const range = pattern.single ? tokenRange(token, skip) : nameRange(text, at, token.length, pattern.folded, skip);
      if (!range) continue;
      const start = at + range.start;
      const end = at + range.end;
      if (!pattern.exactCase || text.slice(start, end) === pattern.name.trim()) found.push({ id: pattern.id, name: pattern.name, start, end });
    }
  }
}

/** Where a one-word name sits in its token: without the signs around it that fold away (quotes, a proclitic), with its marks. */
function tokenRange(token: string, skip: number): { start: number; end: number } {
  const map = foldWithOffsets(token);
  return originalRange(map, skip, map.folded.length);
}

/** Where a name of several words that starts at the token at `at` ends, relative to `at`; undefined when the text does not go on with it. */
function nameRange(text: string, at: number, tokenLength: number, folded: string, skip: number): { start: number; end: number } | undefined {
  // Folded with offsets from the token on: the token, what the name needs beyond it, and a little for the boundary after.
  let window = tokenLength + 2 * folded.length + 8;
  for (;;) {
    const map = foldWithOffsets(text.slice(at, at + window));
    const end = matchEnd(map.folded, skip, folded);
    // The window cut the name, or the character after it that decides the word boundary: widen it.
    if ((end === RAN_OUT || end + 1 >= map.folded.length) && at + window < text.length) {
      window *= 4;
      continue;
    }
    return end < 0 || !endsWord(map, end) ? undefined : originalRange(map, skip, end);
  }
}

function longestPerItem(found: NameOccurrence[]): NameOccurrence[] {
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const reachedBy = new Map<string, number>();
  return found.filter((occurrence) => {
    if (occurrence.start < (reachedBy.get(occurrence.id) ?? -1)) return false;
    reachedBy.set(occurrence.id, occurrence.end);
    return true;
  });
}
