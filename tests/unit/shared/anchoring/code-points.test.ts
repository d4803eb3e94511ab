import { describe, expect, it } from 'vitest';
import { snapToCodePoints } from '../../../../shared/anchoring/code-points';

describe('snapToCodePoints', () => {
  const text = 'a🔥b𝔸c';

  it('widens offsets that fall between the halves of an astral character', () => {
    expect(snapToCodePoints(text, 2, 5)).toEqual({ start: 1, end: 6 });
  });

  it('leaves offsets on code point boundaries alone', () => {
    expect(snapToCodePoints(text, 1, 3)).toEqual({ start: 1, end: 3 });
    expect(snapToCodePoints(text, 0, text.length)).toEqual({ start: 0, end: text.length });
  });

  it('leaves lone surrogates alone, as there is no pair to keep together', () => {
    const broken = `x\uDC00y\uD800`;
    expect(snapToCodePoints(broken, 1, 4)).toEqual({ start: 1, end: 4 });
  });
});
