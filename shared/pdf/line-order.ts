import bidiFactory from 'bidi-js';
import { TracedTextBuilder, type TracedText } from './traced-text';

/**
 * From the order a line is drawn in to the order it is read in.
 *
 * A PDF places glyphs; it does not say in which order a reader reads them.
 * Producers differ: Chromium draws a right-to-left line left to right, so
 * its glyphs arrive in visual order; cairo draws them in logical order but
 * places each one where it belongs. Sorting a line's pieces by where they
 * stand on the page gives visual order whatever the producer did, and
 * running the Unicode bidi algorithm (UAX #9, through bidi-js rather than
 * our own copy of it) over that visual string gives logical order. That is
 * what pdftotext does too: the reordering of a visual line treated as if it
 * were logical is its own inverse for the lines documents contain (runs of
 * one direction, numbers and names inside the other), not for arbitrary
 * nesting of explicit embeddings, which a drawn page cannot express anyway.
 *
 * Cost: linear in the line, and only lines holding right-to-left letters
 * pay it (see hasRightToLeft): English pages go through untouched.
 */

const bidi = bidiFactory();

// Letters of the right-to-left scripts, their presentation forms included.
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]|\ud802[\udc00-\udfff]|\ud803[\udc00-\ude7f]/;
const RIGHT_TO_LEFT_LETTERS = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/gu;
const LETTERS = /\p{L}/gu;

export function hasRightToLeft(text: string): boolean {
  return RIGHT_TO_LEFT.test(text);
}

/**
 * The line's direction, from its letters: a line mostly in Arabic is an
 * Arabic sentence quoting English names, and the other way round. (The
 * first strong letter, UAX #9's rule, would read a visual line from its
 * wrong end.) Ties go left to right.
 */
export function lineDirection(text: string): 'ltr' | 'rtl' {
  const rightToLeft = text.match(RIGHT_TO_LEFT_LETTERS)?.length ?? 0;
  const all = text.match(LETTERS)?.length ?? 0;
  return rightToLeft * 2 > all ? 'rtl' : 'ltr';
}

/** Reorders a traced string by bidi levels computed over it, sources travelling with their units. */
function reorder(traced: TracedText, direction: 'ltr' | 'rtl'): TracedText {
  const { text, sources } = traced;
  const levels = bidi.getEmbeddingLevels(text, direction);
  const indices = bidi.getReorderedIndices(text, levels);
  const out = new TracedTextBuilder();
  // A surrogate pair reversed with its run comes out low unit first; keep the pair in order, traced to its high unit.
  for (let i = 0; i < indices.length; i++) {
    const index = indices[i]!;
    const next = indices[i + 1];
    const code = text.charCodeAt(index);
    if (code >= 0xdc00 && code <= 0xdfff && next === index - 1) {
      out.append(text.slice(next, index + 1), sources[next] ?? sources[index]!);
      i++;
      continue;
    }
    out.append(text[index]!, sources[index]!);
  }
  return out.finish();
}

/** A line drawn in visual order (left to right), in reading order. Lines without right-to-left letters are returned as they are. */
export function visualToLogical(line: TracedText): TracedText {
  if (!hasRightToLeft(line.text)) return line;
  return reorder(line, lineDirection(line.text));
}

/**
 * The characters of a pdf.js text item in the order they are drawn, left
 * to right. pdf.js hands right-to-left items over already reversed into
 * logical order (its own bidi pass, item by item); undoing that lets a
 * whole line be ordered at once, across items, which no item-by-item pass
 * can do.
 */
export function itemToVisual(str: string, dir: string | undefined): string {
  return dir === 'rtl' ? reorder({ text: str, sources: new Array<number>(str.length).fill(0) }, 'rtl').text : str;
}
