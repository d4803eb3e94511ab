/**
 * Folding for matching, not for display: two spellings a reader would take
 * for the same word fold to the same string.
 *
 * - Latin and other cased scripts: NFKD, combining marks dropped, lower case
 *   ("Qāʾānī" → "qaani", "ﬁ" → "fi").
 * - Apostrophes and the ʿayn/hamza letters of transliteration are dropped, so
 *   "Kata'ib", "Kata’ib" and "Kataʾib" all fold to "kataib".
 * - Arabic script: alef forms (أ إ آ ٱ) → ا, ى → ي, ة → ه, ؤ → و, ئ → ي,
 *   harakat and other marks, tatweel and zero-width joiners dropped.
 * - Persian and Urdu letters with no Arabic twin (پ چ ژ گ) are kept. The
 *   Persian kaf and yeh (ک ی) and Urdu heh (ھ ە) fold to their Arabic twins
 *   (ك ي ه): keyboards differ, and the same name is typed with either.
 * - Arabic-Indic and Persian digits (٠-٩, ۰-۹) become ASCII digits.
 *
 * Folding works code point by code point, so every folded character comes
 * from exactly one original character and offsets map back (foldWithOffsets).
 */

export interface FoldedText {
  /** The text that was folded. */
  source: string;
  folded: string;
  /**
   * For each UTF-16 unit of `folded`, the offset in the original text of the
   * character it came from; one more entry at the end holds the original length.
   */
  toOriginal: number[];
}

// Dropped outright: apostrophes and their look-alikes, modifier letters used for ʿayn and hamza, tatweel, zero-width and bidi controls, soft hyphen.
const DROPPED = new Set([
  "'", '\u2018', '\u2019', '\u201B', '\u02BC', '\u02BB', '\u02BE', '\u02BF', '\u02B9', '\u0060', '\u00B4', '\u2032',
  '\u0640', '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u061C', '\u2060', '\uFEFF', '\u00AD',
]);

const REPLACED: Readonly<Record<string, string>> = {
  '\u0671': '\u0627', // ٱ alef wasla
  '\u0649': '\u064A', // ى alef maqsura
  '\u0629': '\u0647', // ة ta marbuta
  '\u06A9': '\u0643', // ک keheh
  '\u06CC': '\u064A', // ی Farsi yeh
  '\u06BE': '\u0647', // ھ heh doachashmee
  '\u06D5': '\u0647', // ە ae
  '\u00DF': 'ss',
};

const COMBINING_MARK = /\p{M}/u;

function foldCodePoint(char: string): string {
  if (DROPPED.has(char)) return '';
  const code = char.codePointAt(0) as number;
  if (code < 0x80) return char >= 'A' && char <= 'Z' ? char.toLowerCase() : char;
  if (code >= 0x0660 && code <= 0x0669) return String.fromCharCode(48 + code - 0x0660);
  if (code >= 0x06f0 && code <= 0x06f9) return String.fromCharCode(48 + code - 0x06f0);
  const replaced = REPLACED[char];
  if (replaced !== undefined) return replaced;
  let out = '';
  // Lower-casing can itself produce a mark (İ → i̇), so marks are dropped after it.
  for (const part of char.normalize('NFKD').toLowerCase()) {
    if (COMBINING_MARK.test(part) || DROPPED.has(part)) continue;
    out += REPLACED[part] ?? part;
  }
  return out;
}

// Most text is made of a few hundred distinct characters: fold each once.
const cache = new Map<string, string>();
function foldChar(char: string): string {
  let folded = cache.get(char);
  if (folded === undefined) {
    folded = foldCodePoint(char);
    if (cache.size < 50_000) cache.set(char, folded);
  }
  return folded;
}

/** ASCII without the two apostrophes folding drops: folded by lower-casing alone. */
const PLAIN_ASCII = /^[\x00-\x26\x28-\x5F\x61-\x7F]*$/;

export function foldText(text: string): string {
  // Most words of most text are plain ASCII; indexing and snippets fold every one of them.
  if (PLAIN_ASCII.test(text)) return text.toLowerCase();
  let out = '';
  for (const char of text) out += foldChar(char);
  return out;
}

export function foldWithOffsets(text: string): FoldedText {
  let folded = '';
  const toOriginal: number[] = [];
  let offset = 0;
  for (const char of text) {
    const part = foldChar(char);
    for (let i = 0; i < part.length; i++) toOriginal.push(offset);
    folded += part;
    offset += char.length;
  }
  toOriginal.push(text.length);
  return { source: text, folded, toOriginal };
}

const TRAILING_DROPPED = /^[\p{M}\u0640]/u;

/**
 * The original range behind the folded range [start, end). It covers whole
 * original characters (a ligature matched in part is included whole) and the
 * marks and tatweel that folding dropped right after the last one, so the
 * vowel signs on a final Arabic letter are marked with it.
 */
export function originalRange(map: FoldedText, start: number, end: number): { start: number; end: number } {
  const { source, toOriginal } = map;
  const last = toOriginal.length - 1;
  const from = toOriginal[Math.max(0, Math.min(start, last))] as number;
  if (end <= start) return { start: from, end: from };
  const lastChar = toOriginal[Math.min(end - 1, last)] as number;
  let to = lastChar + ((source.codePointAt(lastChar) ?? 0) > 0xffff ? 2 : 1);
  while (to < source.length && TRAILING_DROPPED.test(source.slice(to, to + 1))) to++;
  return { start: from, end: Math.min(to, source.length) };
}
