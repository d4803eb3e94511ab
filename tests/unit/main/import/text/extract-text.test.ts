import { describe, expect, it } from 'vitest';
import { extractText } from '../../../../../main/import/text/extract-text';
import { stripCaptureLinks } from '../../../../../main/import/text/web-capture';
import { webCapture } from '../../../../support/web-capture-fixture';

describe('plain text and web captures', () => {
  const extracted = extractText(webCapture);

  it('finds the title, the authors of the byline and the date line', () => {
    expect(extracted.title).toBe("Water, Power and Patronage in Basra's Summer Protests");
    expect(extracted.authors).toEqual(['Layla Haddad', 'Omar Nouri']);
    expect(extracted.publishedAt).toBe('2023-08-17');
  });

  it('keeps link text and drops every address', () => {
    expect(extracted.text).toContain('This year the provincial council promised new desalination units by June.');
    expect(extracted.text).toContain('by Layla Haddad and Omar Nouri');
    expect(extracted.text).toContain('العربية');
    expect(extracted.text).not.toMatch(/\/experts|\/glossary|\/analysis|\\\(|\]\(/);
    expect(extracted.text).toContain('Port Politics After the Election');
  });

  it('gives exact block ranges: the title as a heading, capitalised sections as headings, paragraphs', () => {
    const blocks = extracted.structure.blocks.map((block) => ({ type: block.type, text: extracted.text.slice(block.start, block.end) }));
    expect(blocks[0]).toEqual({ type: 'heading', text: "Water, Power and Patronage in Basra's Summer Protests" });
    expect(blocks).toContainEqual({ type: 'heading', text: 'RECOMMENDED' });
    expect(blocks).toContainEqual({ type: 'paragraph', text: "The units did not arrive. Protesters gathered outside the Kata'ib offices on the corniche, and by evening the crowd had moved toward the governorate building." });
    for (const [i, block] of extracted.structure.blocks.entries()) {
      if (i > 0) expect(extracted.text.slice(extracted.structure.blocks[i - 1]!.end, block.start)).toBe('\n\n');
    }
    expect(extracted.text).toBe(extracted.text.trim());
  });

  it('normalises to NFC and unifies line endings', () => {
    const decomposed = 'Cafe\u0301 talks\r\nresumed\r\n\r\nSecond paragraph';
    const result = extractText(decomposed);
    expect(result.text).toBe('Café talks\nresumed\n\nSecond paragraph');
    expect(result.text.normalize('NFC')).toBe(result.text);
  });

  it('does not take a long first paragraph for a title, nor a sentence with a date for a date line', () => {
    const result = extractText(`${'A very long opening sentence that goes on. '.repeat(8)}\n\nOn 4 May 2022 the talks resumed in Erbil.`);
    expect(result.title).toBe('');
    expect(result.publishedAt).toBeUndefined();
  });

  it.each([
    ['[Name \\(/experts/name\\)](/experts/name)', 'Name'],
    ['[Read more](#)', 'Read more'],
    ['(/policy-analysis/something)', ''],
    ['[\\(/policy-analysis/something\\)](#)', ''],
    ['See [the report](https://example.org/r.pdf) today', 'See the report today'],
    ['Plain (parenthetical) text stays', 'Plain (parenthetical) text stays'],
  ])('strips capture links: %s', (line, expected) => {
    expect(stripCaptureLinks(line).trim()).toBe(expected);
  });
});
