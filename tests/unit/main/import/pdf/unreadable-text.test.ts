import { describe, expect, it } from 'vitest';
import { defaultImportLimits } from '../../../../../main/import/extracted-document';
import { extractPdf } from '../../../../../main/import/pdf/extract-pdf';
import { isUnreadable, unreadableTextNotices } from '../../../../../main/import/pdf/unreadable-text';
import { buildPdf, type0 } from '../../../../support/pdf-builder';

// What a font without a ToUnicode map yields: private-use code points, one per glyph.
const garbage = '\ue041\ue062\ue063 \ue064\ue065\ue066\ue067 \ue068\ue069';

describe('isUnreadable', () => {
  it('counts a page whose characters are mostly private-use or replacement characters', () => {
    expect(isUnreadable(garbage)).toBe(true);
    expect(isUnreadable('\ufffd\ufffd\ufffd words')).toBe(true);
    expect(isUnreadable('\u{f0041}\u{f0042} x')).toBe(true);
  });

  it('leaves readable pages, and pages with a few symbols, alone', () => {
    expect(isUnreadable('A page of ordinary text with a logo \ue000 in its footer.')).toBe(false);
    expect(isUnreadable('')).toBe(false);
  });
});

describe('unreadableTextNotices', () => {
  it('counts the pages', () => {
    expect(unreadableTextNotices(0, 5)).toEqual([]);
    expect(unreadableTextNotices(1, 5)[0]).toMatch(/^The text of 1 of 5 pages may be unreadable/);
    expect(unreadableTextNotices(3, 3)[0]).toMatch(/^This PDF's text may be unreadable/);
  });
});

describe('extractPdf of a PDF whose fonts map glyphs to private-use code points', () => {
  it('imports with a notice naming how many pages may be unreadable', async () => {
    const bytes = buildPdf({ pages: [{ lines: ['A readable first page.'] }, { lines: [{ runs: [type0(garbage)] }] }, { lines: [{ runs: [type0(garbage)] }] }] });
    const document = await extractPdf(bytes, { limits: defaultImportLimits });
    expect(document.notices).toEqual([expect.stringMatching(/^The text of 2 of 3 pages may be unreadable/)]);
    expect(document.text).toContain('A readable first page.');
  });
});
