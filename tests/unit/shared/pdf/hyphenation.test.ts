import { describe, expect, it } from 'vitest';
import { lineEndHyphen } from '../../../../shared/pdf/hyphenation';

describe('lineEndHyphen', () => {
  it('joins a common word split at a line end', () => {
    expect(lineEndHyphen('filed a lawsuit say-', 'ing that')).toBe('join');
    expect(lineEndHyphen('the negoti\u2010', 'ations')).toBe('join');
    expect(lineEndHyphen('soft\u00ad', 'Hyphen')).toBe('join');
  });

  it('keeps the hyphens of names and compounds', () => {
    expect(lineEndHyphen('Prime Minister al-', 'Kadhimi said')).toBe('keep');
    expect(lineEndHyphen('a Kata\u2019ib-', 'led attack')).toBe('keep');
    expect(lineEndHyphen("a Kata'ib-", 'led attack')).toBe('keep');
    expect(lineEndHyphen('Baghdad-', 'based groups')).toBe('keep');
    expect(lineEndHyphen('COVID-', '19 cases')).toBe('keep');
  });

  it('leaves dashes and lines without a hyphen alone', () => {
    expect(lineEndHyphen('a pause -', 'then more')).toBe('none');
    expect(lineEndHyphen('pages 10-', '12')).toBe('none');
    expect(lineEndHyphen('no hyphen', 'here')).toBe('none');
  });
});
