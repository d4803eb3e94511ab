/**
 * How well a candidate place agrees with what a selector recorded: the
 * context on either side, from 0 (nothing in common) to 1 (identical), and
 * the position.
 */

/** 1 at the expected offset, falling linearly to 0 a whole text length away: a tie-breaker between repeats. */
export function closeness(start: number, expected: number, textLength: number): number {
  return 1 - Math.min(1, Math.abs(start - expected) / Math.max(1, textLength));
}

/** Cheap and exact-only: the share of the context that agrees character for character, counting outward from the boundary. */
export function contextAgreement(text: string, start: number, end: number, prefix: string, suffix: string): number {
  const total = prefix.length + suffix.length;
  if (total === 0) return 1;
  let before = 0;
  while (before < prefix.length && before < start && prefix.charCodeAt(prefix.length - 1 - before) === text.charCodeAt(start - 1 - before)) before += 1;
  let after = 0;
  while (after < suffix.length && end + after < text.length && suffix.charCodeAt(after) === text.charCodeAt(end + after)) after += 1;
  return (before + after) / total;
}

/**
 * Tolerant of edits: 1 minus the edit distance between the context and the
 * text beside the boundary (as long as fits best), over the context's length.
 * Costs |context| × 2|context| steps, so it is for a bounded number of candidates.
 */
export function similarityBefore(text: string, boundary: number, prefix: string): number {
  return prefix.length === 0 ? 1 : 1 - boundaryDistance(prefix, (i) => prefix.charCodeAt(prefix.length - 1 - i), (j) => text.charCodeAt(boundary - 1 - j), boundary) / prefix.length;
}

export function similarityAfter(text: string, boundary: number, suffix: string): number {
  return suffix.length === 0 ? 1 : 1 - boundaryDistance(suffix, (i) => suffix.charCodeAt(i), (j) => text.charCodeAt(boundary + j), text.length - boundary) / suffix.length;
}

/**
 * Edit distance between `expected` and the best-fitting run of text that
 * starts at the boundary: both are read outward from the boundary, and the
 * run may end anywhere. Beyond 2 × |expected| characters the distance cannot
 * improve, so that is as far as the text is read.
 */
function boundaryDistance(expected: string, expectedAt: (i: number) => number, textAt: (j: number) => number, available: number): number {
  const columns = Math.min(available, 2 * expected.length);
  let previous = Int32Array.from({ length: columns + 1 }, (_, j) => j);
  let current = new Int32Array(columns + 1);
  for (let i = 1; i <= expected.length; i += 1) {
    current[0] = i;
    const code = expectedAt(i - 1);
    for (let j = 1; j <= columns; j += 1) {
      const substitution = (previous[j - 1] as number) + (textAt(j - 1) === code ? 0 : 1);
      current[j] = Math.min(substitution, (previous[j] as number) + 1, (current[j - 1] as number) + 1);
    }
    [previous, current] = [current, previous];
  }
  return Math.min(...previous);
}
