/**
 * Arabic is printed with or without its short vowels and other marks
 * (harakat, tanwin, shadda, sukun, dagger alef, Quranic annotation) and with
 * optional tatweel stretching letters. A quote taken from a vocalised edition
 * must anchor in a plain one and the other way round, and the marks are too
 * dense (up to one per letter) for an edit-distance budget to absorb, so
 * approximate matching compares texts with them removed. Nothing else is
 * folded: hamza forms and letter variants are spelling, not decoration.
 */
const MARK_RANGES: readonly (readonly [number, number])[] = [
  [0x0610, 0x061a],
  [0x0640, 0x0640],
  [0x064b, 0x065f],
  [0x0670, 0x0670],
  [0x06d6, 0x06dc],
  [0x06df, 0x06e4],
  [0x06e7, 0x06e8],
  [0x06ea, 0x06ed],
];
const hex = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;
const MARK_CLASS = `[${MARK_RANGES.map(([low, high]) => `${hex(low)}-${hex(high)}`).join('')}]`;
const ANY_MARK = new RegExp(MARK_CLASS);
const EVERY_MARK = new RegExp(MARK_CLASS, 'g');

function isMark(code: number): boolean {
  // Every range lies inside the Arabic block; most characters fail the first test.
  if (code < 0x0610 || code > 0x06ed) return false;
  return MARK_RANGES.some(([low, high]) => code >= low && code <= high);
}

/** A text with the marks removed, and the way back to offsets in the original. */
export interface FoldedText {
  readonly text: string;
  /** The original offset of folded offset `offset` (0…text.length). A range's end maps past the marks on its last letter. */
  toOriginal(offset: number): number;
  /** The folded offset of the first kept character at or after original offset `offset`. */
  fromOriginal(offset: number): number;
}

/** Just the folded string, for quotes and their context. */
export function foldMarks(text: string): string {
  return text.replace(EVERY_MARK, '');
}

export function foldMarksWithOffsets(text: string): FoldedText {
  if (!ANY_MARK.test(text)) return { text, toOriginal: (offset) => offset, fromOriginal: (offset) => Math.min(offset, text.length) };
  // kept[i] is the original offset of folded character i; kept[folded length] is the original length.
  const kept = new Int32Array(text.length + 1);
  const runs: string[] = [];
  let count = 0;
  let runStart = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (isMark(text.charCodeAt(i))) {
      if (runStart < i) runs.push(text.slice(runStart, i));
      runStart = i + 1;
    } else {
      kept[count] = i;
      count += 1;
    }
  }
  runs.push(text.slice(runStart));
  kept[count] = text.length;
  return {
    text: runs.join(''),
    toOriginal: (offset) => kept[offset] as number,
    fromOriginal: (offset) => {
      let low = 0;
      let high = count;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if ((kept[middle] as number) < offset) low = middle + 1;
        else high = middle;
      }
      return low;
    },
  };
}
