/**
 * Offsets count UTF-16 code units, so a range found by searching (or stored
 * by an older tool) can start or end between the two halves of an astral
 * character such as an emoji. Painting such a range would show half a
 * character, so ranges are widened to whole code points.
 */
export function snapToCodePoints(text: string, start: number, end: number): { start: number; end: number } {
  return {
    start: start > 0 && isLowSurrogate(text.charCodeAt(start)) && isHighSurrogate(text.charCodeAt(start - 1)) ? start - 1 : start,
    end: end < text.length && isLowSurrogate(text.charCodeAt(end)) && isHighSurrogate(text.charCodeAt(end - 1)) ? end + 1 : end,
  };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
