/**
 * REFI-QDA counts selection positions in Unicode code points; Fieldbook
 * stores UTF-16 code units. Converts many offsets into one text in a single
 * sweep, so a document with thousands of highlights is read once.
 */
export function toCodePointOffsets(text: string, utf16Offsets: readonly number[]): number[] {
  const order = utf16Offsets.map((offset, index) => ({ offset, index })).sort((a, b) => a.offset - b.offset);
  const result = new Array<number>(utf16Offsets.length);
  let unit = 0;
  let codePoints = 0;
  for (const { offset, index } of order) {
    while (unit < offset) {
      unit += isPairAt(text, unit) ? 2 : 1;
      codePoints += 1;
    }
    result[index] = codePoints;
  }
  return result;
}

function isPairAt(text: string, index: number): boolean {
  const high = text.charCodeAt(index);
  const low = text.charCodeAt(index + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}
