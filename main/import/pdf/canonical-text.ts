import type { Block, PageRange } from '../../../shared/model/document-structure';

export interface CanonicalText {
  text: string;
  pages: PageRange[];
  blocks: Block[];
  /** Pages that contributed no text. */
  emptyPages: number;
}

/**
 * Joins page texts into the document's canonical text, page by page, so a
 * large PDF never holds more than the text itself: pages separated by
 * "\n\n", each page's range recorded, one paragraph block per run of lines
 * between blank lines. An empty page adds no separator and gets an empty
 * range where the text stands when it comes.
 */
export class CanonicalTextBuilder {
  readonly #parts: string[] = [];
  readonly #pages: PageRange[] = [];
  readonly #blocks: Block[] = [];
  #length = 0;
  #emptyPages = 0;

  /** Adds the next page; returns where it stands in the text. */
  addPage(pageText: string): PageRange {
    const index = this.#pages.length;
    // Page texts come trimmed with single blank lines; this keeps the
    // invariants (no stray whitespace, no empty blocks) whatever the input.
    const text = pageText.replace(/[ \t]*\n[ \t]*/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
    if (text === '') {
      const empty = { index, start: this.#length, end: this.#length };
      this.#pages.push(empty);
      this.#emptyPages++;
      return empty;
    }
    if (this.#length > 0) {
      this.#parts.push('\n\n');
      this.#length += 2;
    }
    const start = this.#length;
    let offset = start;
    for (const paragraph of text.split('\n\n')) {
      this.#blocks.push({ type: 'paragraph', start: offset, end: offset + paragraph.length });
      offset += paragraph.length + 2;
    }
    this.#parts.push(text);
    this.#length += text.length;
    const range = { index, start, end: this.#length };
    this.#pages.push(range);
    return range;
  }

  finish(): CanonicalText {
    return { text: this.#parts.join(''), pages: this.#pages, blocks: this.#blocks, emptyPages: this.#emptyPages };
  }
}
