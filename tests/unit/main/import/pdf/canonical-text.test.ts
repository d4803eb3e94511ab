import { describe, expect, it } from 'vitest';
import { CanonicalTextBuilder } from '../../../../../main/import/pdf/canonical-text';

function build(pages: string[]) {
  const builder = new CanonicalTextBuilder();
  for (const page of pages) builder.addPage(page);
  return builder.finish();
}

describe('CanonicalTextBuilder', () => {
  it('separates pages by a blank line and records each page’s range and paragraphs', () => {
    const result = build(['Alpha line\nbeta line\n\nGamma', 'Delta']);
    expect(result.text).toBe('Alpha line\nbeta line\n\nGamma\n\nDelta');
    expect(result.pages).toEqual([
      { index: 0, start: 0, end: 27 },
      { index: 1, start: 29, end: 34 },
    ]);
    expect(result.blocks.map((block) => [block.type, result.text.slice(block.start, block.end)])).toEqual([
      ['paragraph', 'Alpha line\nbeta line'],
      ['paragraph', 'Gamma'],
      ['paragraph', 'Delta'],
    ]);
    expect(result.emptyPages).toBe(0);
  });

  it('gives empty pages (leading, inner, trailing) an empty range and no separator', () => {
    const result = build(['', 'One', '  \n ', 'Two', '']);
    expect(result.text).toBe('One\n\nTwo');
    expect(result.pages).toEqual([
      { index: 0, start: 0, end: 0 },
      { index: 1, start: 0, end: 3 },
      { index: 2, start: 3, end: 3 },
      { index: 3, start: 5, end: 8 },
      { index: 4, start: 8, end: 8 },
    ]);
    expect(result.emptyPages).toBe(3);
  });

  it('keeps its invariants whatever whitespace a page brings', () => {
    const result = build(['\n\n  First \n\n\n\n second  \n', ' Third ']);
    expect(result.text).toBe('First\n\nsecond\n\nThird');
    expect(result.blocks.map((block) => result.text.slice(block.start, block.end))).toEqual(['First', 'second', 'Third']);
  });

  it('is empty for a document without text', () => {
    expect(build(['', ''])).toEqual({
      text: '',
      pages: [
        { index: 0, start: 0, end: 0 },
        { index: 1, start: 0, end: 0 },
      ],
      blocks: [],
      emptyPages: 2,
    });
  });
});
