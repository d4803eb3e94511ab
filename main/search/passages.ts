import type { DocumentStructure } from '../../shared/model/document-structure';

/** A stretch of a document's canonical text that search indexes and points to. */
export interface Passage {
  start: number;
  end: number;
  /** PDFs: the 0-based page the passage starts on. */
  page?: number;
}

/**
 * Passages are whole blocks, grouped until about this long, so a hit points
 * at a paragraph or two rather than a page, and short headings and list
 * items do not each become an entry of their own.
 */
export const PASSAGE_TARGET = 1200;
/** A block longer than this (a PDF page with no paragraphs, a huge table cell) is cut at spaces. */
const PASSAGE_MAX = 3000;

/**
 * Cut the canonical text into passages: the structure's blocks when there is
 * one, else the "\n\n"-separated blocks every extractor writes.
 */
export function passagesOf(text: string, structure: DocumentStructure | undefined): Passage[] {
  const blocks = structure && structure.blocks.length > 0 ? structure.blocks.map(({ start, end }) => ({ start, end })) : paragraphs(text);
  const passages: Passage[] = [];
  let current: Passage | undefined;
  for (const block of blocks) {
    if (block.end <= block.start || block.start >= text.length) continue;
    for (const piece of cutLong(text, { start: block.start, end: Math.min(block.end, text.length) })) {
      if (current && piece.end - current.start <= PASSAGE_TARGET) current.end = piece.end;
      else {
        current = { ...piece };
        passages.push(current);
      }
    }
  }
  if (structure?.pages) for (const passage of passages) setPage(passage, structure.pages);
  return passages;
}

function paragraphs(text: string): Passage[] {
  const out: Passage[] = [];
  let start = 0;
  for (const match of text.matchAll(/\n\s*\n/g)) {
    out.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  out.push({ start, end: text.length });
  return out;
}

function cutLong(text: string, block: Passage): Passage[] {
  if (block.end - block.start <= PASSAGE_MAX) return [block];
  const out: Passage[] = [];
  let start = block.start;
  while (block.end - start > PASSAGE_MAX) {
    const space = text.lastIndexOf(' ', start + PASSAGE_TARGET);
    const end = space > start ? space : start + PASSAGE_TARGET;
    out.push({ start, end });
    start = end;
  }
  out.push({ start, end: block.end });
  return out;
}

function setPage(passage: Passage, pages: NonNullable<DocumentStructure['pages']>): void {
  const page = pages.find((candidate) => passage.start >= candidate.start && passage.start < candidate.end) ?? pages.findLast((candidate) => candidate.start <= passage.start);
  if (page) passage.page = page.index;
}
