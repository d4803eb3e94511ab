export type TextDirection = 'ltr' | 'rtl';

/** Letters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic, and their extensions). */
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}]/u;
const LETTER = /\p{L}/gu;

/**
 * The direction most of the letters in `text` read in, or undefined when it
 * has no letters (numbers and punctuation take their direction from context).
 * A majority rather than the first strong letter, so an English paragraph that
 * opens with an Arabic name still counts as English.
 */
export function dominantDirection(text: string): TextDirection | undefined {
  let rtl = 0;
  let ltr = 0;
  let first: TextDirection | undefined;
  for (const match of text.matchAll(LETTER)) {
    const direction: TextDirection = RTL_LETTER.test(match[0]) ? 'rtl' : 'ltr';
    first ??= direction;
    if (direction === 'rtl') rtl += 1;
    else ltr += 1;
  }
  if (rtl === ltr) return first;
  return rtl > ltr ? 'rtl' : 'ltr';
}
