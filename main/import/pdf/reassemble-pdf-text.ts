import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Block, PageRange } from '../../../shared/model/document-structure';
import { hasRightToLeft } from '../../../shared/pdf/line-order';
import { TEXT_ASSEMBLY, textContentParams, traceGlyphs, type Glyph, type TextAssembly } from '../../../shared/pdf/page-text';
import { CanonicalTextBuilder } from './canonical-text';
import { withPdf, type ExtractPdfOptions } from './extract-pdf';

/** A PDF's text as the current assembly makes it, and the way from the old text's offsets to the new one's. */
export interface Reassembled {
  text: string;
  pages: PageRange[];
  blocks: Block[];
  /**
   * The range of the new text drawn by the glyphs that drew old text
   * [start, end): from the first to the last of them in the new text's
   * order. Undefined when none is found, or the old text of the pages it
   * lies on is not what the old assembly reads from the file.
   */
  carry(start: number, end: number): { start: number; end: number } | undefined;
}

/** The old text a document holds and the assembly version that made it. */
export interface OldText {
  text: string;
  pages: readonly PageRange[];
  assembly: TextAssembly;
}

/** Each character of one page's text, with where it was drawn (item -1: added by assembly). */
interface TracedPage {
  text: string;
  /** Where the page's text starts in its document's text; undefined when it could not be placed there. */
  start: number | undefined;
  length: number;
  items: Int32Array;
  along: Float64Array;
  shares: Float64Array;
}

function tracePage(glyphs: { text: string; glyphAt(index: number): Glyph | undefined }, start: number | undefined): TracedPage {
  const length = glyphs.text.length;
  const page: TracedPage = { text: glyphs.text, start, length, items: new Int32Array(length).fill(-1), along: new Float64Array(length), shares: new Float64Array(length) };
  for (let i = 0; i < length; i++) {
    const glyph = glyphs.glyphAt(i);
    if (!glyph) continue;
    page.items[i] = glyph.item;
    page.along[i] = glyph.along;
    page.shares[i] = glyph.share;
  }
  return page;
}

/**
 * Assembles a PDF's text again with the current version, reading every page
 * twice from pdf.js (as the old version asked for it, and as the current
 * one does), so that each character of the old text and of the new can be
 * traced to the glyph it was drawn by. The same glyph under both is the
 * same place on the page: that is what carries a highlight from one text to
 * the other, whatever reordering, decomposition or joining lies between.
 */
export async function reassemblePdfText(bytes: Uint8Array, old: OldText, options: ExtractPdfOptions): Promise<Reassembled> {
  return withPdf(bytes, options, async (pdf) => {
    const builder = new CanonicalTextBuilder();
    const olds: TracedPage[] = [];
    const news: TracedPage[] = [];
    for (let index = 0; index < pdf.numPages; index++) {
      // pdf.js runs on this thread: a full turn between pages keeps the process answering.
      await nextTurn();
      const page = await pdf.getPage(index + 1);
      try {
        const itemsFor = async (assembly: TextAssembly) => (await page.getTextContent(textContentParams(assembly))).items.flatMap((item) => ('str' in item ? [item] : []));
        const before = traceGlyphs(await itemsFor(old.assembly), old.assembly);
        const after = traceGlyphs(await itemsFor(TEXT_ASSEMBLY), TEXT_ASSEMBLY);
        const range = old.pages[index];
        olds.push(tracePage(before, range && old.text.slice(range.start, range.end) === before.text ? range.start : undefined));
        const placed = builder.addPage(after.text);
        news.push(tracePage(after, placed.end - placed.start === after.text.length ? placed.start : undefined));
      } finally {
        page.cleanup();
      }
    }
    const { text, pages, blocks } = builder.finish();
    return { text, pages, blocks, carry: (start, end) => carry(olds, news, start, end) };
  });
}

function carry(olds: readonly TracedPage[], news: readonly TracedPage[], start: number, end: number): { start: number; end: number } | undefined {
  let first = Infinity;
  let last = -Infinity;
  olds.forEach((old, index) => {
    const fresh = news[index];
    if (old.start === undefined || fresh?.start === undefined || old.start >= end || old.start + old.length <= start) return;
    // What the old range covers of each item, as the span of its width between the covered glyphs' outer edges.
    const covered = new Map<number, { low: number; high: number }>();
    for (let i = Math.max(0, start - old.start); i < Math.min(old.length, end - old.start); i++) {
      const item = old.items[i]!;
      if (item < 0) continue;
      const low = old.along[i]! - old.shares[i]! / 2;
      const high = old.along[i]! + old.shares[i]! / 2;
      const span = covered.get(item);
      covered.set(item, span ? { low: Math.min(span.low, low), high: Math.max(span.high, high) } : { low, high });
    }
    const drawn = new Set<number>();
    for (let i = 0; i < fresh.length; i++) {
      const span = covered.get(fresh.items[i]!);
      const along = fresh.along[i]!;
      if (span && along > span.low && along < span.high) drawn.add(i);
    }
    for (const i of wholeRightToLeftWords(fresh.text, drawn)) {
      first = Math.min(first, fresh.start + i);
      last = Math.max(last, fresh.start + i);
    }
  });
  return first <= last ? { start: first, end: last + 1 } : undefined;
}

const LETTER = /[\p{L}\p{M}]/u;

/**
 * The first version kept right-to-left lines in the order their glyphs were
 * drawn, and a glyph that overlaps its neighbour (an alef tucked under a
 * lam) could be drawn, and stored, beside another word: a highlight made
 * then over whole Arabic words holds a stray letter of the next word, or
 * misses one of its own. So, in right-to-left words only, the carried
 * characters become the words of which they hold more than half the
 * letters, whole; left-to-right text was stored in order, and a highlight
 * over part of an English word stays just that part.
 */
function wholeRightToLeftWords(text: string, drawn: ReadonlySet<number>): Set<number> {
  const kept = new Set(drawn);
  const seen = new Set<number>();
  for (const i of drawn) {
    if (seen.has(i) || !hasRightToLeft(text[i]!)) continue;
    let start = i;
    let end = i + 1;
    while (start > 0 && LETTER.test(text[start - 1]!)) start--;
    while (end < text.length && LETTER.test(text[end]!)) end++;
    let held = 0;
    for (let j = start; j < end; j++) {
      seen.add(j);
      if (drawn.has(j)) held++;
    }
    for (let j = start; j < end; j++) {
      if (held * 2 > end - start) kept.add(j);
      else kept.delete(j);
    }
  }
  return kept;
}
