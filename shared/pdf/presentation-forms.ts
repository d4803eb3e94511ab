import { TracedTextBuilder, type TracedText } from './traced-text';

/**
 * Presentation forms to the letters they present. Fonts often map their
 * glyphs to Unicode's presentation forms (Arabic initial, medial, final
 * and isolated forms, U+FB50–U+FDFF and U+FE70–U+FEFF; Hebrew and Latin
 * ligatures, U+FB00–U+FB4F): what the page shows, not what was written.
 * Search folds them, but quotes, exports and every other tool would not, so
 * the canonical text holds letters (NFKC of those characters only; NFKC of
 * the whole text would also rewrite superscripts, fractions and full-width
 * forms that carry meaning). A ligature becomes its letters in reading
 * order ("ﻻ" → "لا"), which is why this runs after a line is put in logical
 * order: decomposed before, the letters would be reversed with the line.
 * Each letter is traced to the glyph it came from.
 */
const PRESENTATION_FORM = /[\ufb00-\ufdff\ufe70-\ufefe]/;

function isPresentationForm(code: number): boolean {
  return (code >= 0xfb00 && code <= 0xfdff) || (code >= 0xfe70 && code <= 0xfefe);
}

export function decomposePresentationForms(traced: TracedText): TracedText {
  const { text, sources } = traced;
  if (!PRESENTATION_FORM.test(text)) return traced;
  const out = new TracedTextBuilder();
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isPresentationForm(text.charCodeAt(i))) continue;
    if (i > runStart) out.appendTraced({ text: text.slice(runStart, i), sources: sources.slice(runStart, i) });
    out.append(text[i]!.normalize('NFKC'), sources[i]!);
    runStart = i + 1;
  }
  if (text.length > runStart) out.appendTraced({ text: text.slice(runStart), sources: sources.slice(runStart) });
  return out.finish();
}
