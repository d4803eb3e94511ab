import type { TextRange } from '../view-props';

const WHITESPACE = /\s/;

/** A selection without the whitespace at its ends (a double-click takes the trailing space), or undefined when nothing is left. */
export function trimmedRange(text: string, start: number, end: number): TextRange | undefined {
  let from = Math.max(0, start);
  let to = Math.min(text.length, end);
  while (from < to && WHITESPACE.test(text[from] as string)) from += 1;
  while (to > from && WHITESPACE.test(text[to - 1] as string)) to -= 1;
  return to > from ? { start: from, end: to } : undefined;
}
