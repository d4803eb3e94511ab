/**
 * REFI-QDA counts selection positions in Unicode code points; Fieldbook
 * stores UTF-16 code units. These convert many offsets into one text in a
 * single sweep, so a document with thousands of selections is read once.
 */
export function toCodePointOffsets(text: string, utf16Offsets: readonly number[]): number[] {
  return sweep(text, utf16Offsets, 'units');
}

export function toUtf16Offsets(text: string, codePointOffsets: readonly number[]): number[] {
  return sweep(text, codePointOffsets, 'codePoints');
}

/** Walks the text once, code point by code point, counting both units; `given` says which count the offsets are in. */
function sweep(text: string, offsets: readonly number[], given: 'units' | 'codePoints'): number[] {
  const order = offsets.map((offset, index) => ({ offset, index })).sort((a, b) => a.offset - b.offset);
  const result = new Array<number>(offsets.length);
  const count = { units: 0, codePoints: 0 };
  const other = given === 'units' ? 'codePoints' : 'units';
  for (const { offset, index } of order) {
    while (count[given] < offset) {
      count.units += isPairAt(text, count.units) ? 2 : 1;
      count.codePoints += 1;
    }
    result[index] = count[other];
  }
  return result;
}

function isPairAt(text: string, index: number): boolean {
  const high = text.charCodeAt(index);
  const low = text.charCodeAt(index + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}
