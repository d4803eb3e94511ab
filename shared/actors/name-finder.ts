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
  /** Short all-capital names ("US", "UN", "IS") are matched with their case, as written here, or they would match ordinary words. */
  exactCase: string | undefined;
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
  return { id, name, folded, arabic: ARABIC_LETTER.test(folded), exactCase: /^[\p{Lu}\p{N}]{2,5}$/u.test(trimmed) ? trimmed : undefined, single: /^[\p{L}\p{N}]+$/u.test(folded) };
}

/** White space and hyphens between the words of a name: "al-Kadhimi", "al Kadhimi" and "al -\nKadhimi" are one name. */
const SEPARATORS = /[\s\-\u2010-\u2015\u2212]+/gu;
const SEPARATOR = /[\s\-\u2010-\u2015\u2212]/u;
let separatorTable: Uint8Array | undefined;

/**
 * Whether a UTF-16 code unit separates the words of a name, as SEPARATOR
 * says, from a table filled in as units are first met: the test runs on
 * every space of every candidate.
 */
function isSeparator(code: number): boolean {
  separatorTable ??= new Uint8Array(0x10000);
  let known = separatorTable[code] as number;
  if (known === 0) {
    known = SEPARATOR.test(String.fromCharCode(code)) ? 1 : 2;
    separatorTable[code] = known;
  }
  return known === 1;
}

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
    const wanted = pattern.charCodeAt(j);
    if (wanted === 0x20) {
      if (!isSeparator(text.charCodeAt(k))) return MISMATCH;
      while (k < text.length && isSeparator(text.charCodeAt(k))) k++;
    } else {
      if (text.charCodeAt(k) !== wanted) return MISMATCH;
      k++;
    }
  }
  return k;
}

/** "Kadhimi's", "Kadhimi’s": checked by character codes, since it runs on every new token. */
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

/** A name that may start at a token: its pattern, and how much of the token's folded form its first word takes. */
interface Candidate {
  pattern: Pattern;
  /** Folded characters of the token before the name: 1 for a joined proclitic. */
  skip: number;
  /** Where the name's first word ends in the folded token: before the “s” of a possessive, or the token's end. */
  end: number;
}

/** What a distinct token of the text can start: worked out once per spelling, since words repeat. */
interface TokenEntry {
  raw: string;
  /** Undefined for the great majority of tokens, which start no name. */
  candidates: Candidate[] | undefined;
  /** The token folded with offsets, once a one-word name was found in it. */
  map: FoldedText | undefined;
  /**
   * How much text from the token's start to fold to check all its names of
   * several words at once: the token, the longest such name twice over (marks
   * and tatweel make the original longer), and a little for the boundary after.
   */
  reach: number;
  /** The next token with the same hash. */
  sameHash: TokenEntry | undefined;
}

/**
 * Finds names in text on word boundaries, in any script, ignoring what
 * folding ignores, and maps every hit back to the original offsets.
 *
 * Names are indexed by their first folded word. The text is walked one token
 * at a time, and each distinct token is worked out once (folded, looked up as
 * a whole, as the stem of a possessive, and without a joined proclitic) and
 * remembered: words repeat, so for most tokens the walk costs one look-up
 * that says no name starts there. A one-word name matches there and then;
 * only a name of several words folds a small window of the text with offsets
 * to check the rest of it. The cost is linear in the text, whatever the
 * number of names, which is what lets one pass serve hundreds of actors with
 * several aliases each.
 */
export class NameFinder {
  readonly #byFirstWord = new Map<string, Pattern[]>();
  /** Tokens met so far, by a hash of their text, so a token is recognised without being cut out of the text. */
  readonly #tokens = new Map<number, TokenEntry>();

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
    const length = text.length;
    for (let i = 0; i < length; ) {
      let code = text.charCodeAt(i);
      if (units[code] === 0) {
        i++;
        continue;
      }
      const at = i;
      let hash = 0;
      do {
        hash = (Math.imul(hash, 31) + code) | 0;
        if (++i === length) break;
        code = text.charCodeAt(i);
      } while (units[code] === 1);
      const entry = this.#entry(text, at, i, hash);
      if (entry.candidates) this.#tryAt(text, at, entry, found);
    }
    return longestPerItem(found);
  }

  /** The token from `at` to `end`, found by its hash and compared in place, or worked out now. */
  #entry(text: string, at: number, end: number, hash: number): TokenEntry {
    let first = this.#tokens.get(hash);
    for (let entry = first; entry; entry = entry.sameHash) if (entry.raw.length === end - at && text.startsWith(entry.raw, at)) return entry;
    if (this.#tokens.size >= TOKEN_CACHE_SIZE) {
      this.#tokens.clear();
      first = undefined;
    }
    const entry = this.#learn(text.slice(at, end), first);
    this.#tokens.set(hash, entry);
    return entry;
  }

  #learn(raw: string, sameHash: TokenEntry | undefined): TokenEntry {
    const folded = foldText(raw);
    const candidates: Candidate[] = [];
    const add = (key: string, skip: number, end: number, arabicOnly: boolean) => {
      for (const pattern of this.#byFirstWord.get(key) ?? []) if (!arabicOnly || pattern.arabic) candidates.push({ pattern, skip, end });
    };
    add(folded, 0, folded.length, false);
    // The apostrophe of "Kadhimi’s" folds to nothing: the stem is the folded token less its “s”.
    if (isPossessive(raw)) add(folded.slice(0, -1), 0, folded.length - 1, false);
    if (folded.length > MIN_NAME_LENGTH && ARABIC_PROCLITICS.has(folded[0] as string)) add(folded.slice(1), 1, folded.length, true);
    const longest = Math.max(0, ...candidates.map(({ pattern }) => (pattern.single ? 0 : pattern.folded.length)));
    return { raw, candidates: candidates.length > 0 ? candidates : undefined, map: undefined, reach: raw.length + 2 * longest + 8, sameHash };
  }

  /** Check the names that may start at the token at `at`. */
  #tryAt(text: string, at: number, entry: TokenEntry, found: NameOccurrence[]): void {
    // The text after the token, folded once for all its names of several words.
    let after: FoldedText | undefined;
    for (const { pattern, skip, end } of entry.candidates ?? []) {
      let range: { start: number; end: number } | undefined;
      if (pattern.single) range = originalRange((entry.map ??= foldWithOffsets(entry.raw)), skip, end);
      else [range, after] = nameRange(text, at, (after ??= foldStretch(text, at, at + entry.reach)), pattern.folded, skip);
      if (!range) continue;
      const start = at + range.start;
      const stop = at + range.end;
      if (pattern.exactCase === undefined || text.slice(start, stop) === pattern.exactCase) found.push({ id: pattern.id, name: pattern.name, start, end: stop });
    }
  }
}

const UNSEEN = -2;
/** Folds to nothing or to several units, or is half of a surrogate pair: folded through foldText, a character at a time. */
const NOT_ONE_UNIT = -1;
let unitTable: Int32Array | undefined;

/**
 * For each UTF-16 code unit, the one code unit foldText turns it into,
 * filled in as characters are first met: nearly every character folds to
 * exactly one unit, so folding a stretch of text is a look-up per unit.
 */
function unitFold(code: number): number {
  unitTable ??= new Int32Array(0x10000).fill(UNSEEN);
  let unit = unitTable[code] as number;
  if (unit === UNSEEN) {
    const folded = code >= 0xd800 && code <= 0xdfff ? '' : foldText(String.fromCharCode(code));
    unit = folded.length === 1 ? folded.charCodeAt(0) : NOT_ONE_UNIT;
    unitTable[code] = unit;
  }
  return unit;
}

/** foldWithOffsets(text.slice(from, to)), without a look-up in a map for each character. */
function foldStretch(text: string, from: number, to: number): FoldedText {
  const end = to < text.length && (text.charCodeAt(to - 1) & 0xfc00) === 0xd800 ? to + 1 : Math.min(to, text.length);
  let folded = '';
  const toOriginal: number[] = [];
  for (let i = from; i < end; ) {
    const unit = unitFold(text.charCodeAt(i));
    if (unit >= 0) {
      folded += String.fromCharCode(unit);
      toOriginal.push(i++ - from);
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(i) as number);
    const part = foldText(char);
    for (let k = 0; k < part.length; k++) toOriginal.push(i - from);
    folded += part;
    i += char.length;
  }
  toOriginal.push(end - from);
  return { source: text.slice(from, end), folded, toOriginal };
}

/**
 * Where a name of several words that starts at the token at `at` ends,
 * relative to `at` (undefined when the text does not go on with it), checked
 * in `window`, the text folded from `at`; and the window, widened if it cut
 * the name or the character after it that decides the word boundary.
 */
function nameRange(text: string, at: number, window: FoldedText, folded: string, skip: number): [{ start: number; end: number } | undefined, FoldedText] {
  let map = window;
  for (;;) {
    const end = matchEnd(map.folded, skip, folded);
    if ((end === RAN_OUT || end + 1 >= map.folded.length) && at + map.source.length < text.length) {
      map = foldStretch(text, at, at + 4 * map.source.length);
      continue;
    }
    return [end < 0 || !endsWord(map, end) ? undefined : originalRange(map, skip, end), map];
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
