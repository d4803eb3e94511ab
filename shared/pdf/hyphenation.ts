/**
 * What to do with a hyphen at the end of a line, followed inside the same
 * paragraph by another line. Typesetters break long words at line ends
 * with a hyphen ("say-" / "ing"); kept, it splits the word for search
 * ("lawsuit saying" not found) and puts a hyphen into quotes. But a line
 * may also end at a hyphen the word really has ("al-" / "Kadhimi",
 * "Kata'ib-" / "led"), and removing that one changes the name.
 *
 * The rule, in the order it is checked:
 * - a soft hyphen (U+00AD) is only ever shown at a break: always joined;
 * - the hyphen must follow a letter and the next line start with a
 *   lower-case letter: a capital, a digit or punctuation after it means
 *   a compound or a name ("al-Kadhimi", "COVID-19") — kept, line joined;
 * - the part before the hyphen must hold no capital and no apostrophe:
 *   hyphenation splits common words, while the compounds researchers
 *   quote are built on names ("Kata'ib-led", "Baghdad-based",
 *   "US-backed") — kept, line joined. The cost: a capitalised word split
 *   at the start of a sentence ("Unfortu-" / "nately") keeps its hyphen,
 *   as it would in a search that cannot tell either.
 * - otherwise the hyphen is a line-end hyphenation: dropped, word joined.
 * A kept hyphen still joins the lines without a space: the word is one.
 */
export type LineEndHyphen = 'none' | 'join' | 'keep';

const HYPHENS = /[-\u2010]$/;
const WORD_BEFORE = /([\p{L}\p{M}'\u2019]+)[-\u2010]$/u;

export function lineEndHyphen(line: string, next: string): LineEndHyphen {
  if (line.endsWith('\u00ad')) return 'join';
  if (!HYPHENS.test(line)) return 'none';
  const before = WORD_BEFORE.exec(line)?.[1];
  if (before === undefined || !/\p{L}$/u.test(before)) return 'none';
  if (!/^\p{Ll}/u.test(next)) return 'keep';
  return /[\p{Lu}\p{Lt}'\u2019]/u.test(before) ? 'keep' : 'join';
}
