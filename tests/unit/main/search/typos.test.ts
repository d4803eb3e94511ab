import { describe, expect, it } from 'vitest';
import { lettersOf, oneEditAway } from '../../../../main/search/typos';

describe('typo candidates', () => {
  const alphabet = lettersOf(['convoy', 'militia', 'قافلة']);

  it('has the word, and every drop, swap, change and addition of one letter', () => {
    const found = oneEditAway('convoy', alphabet);
    for (const near of ['convoy', 'convy', 'cnovoy', 'canvoy', 'convoyt', 'conovy', 'onvoy']) expect(found.has(near), near).toBe(true);
    expect(found.has('cnvy')).toBe(false);
    expect(found.has('convoyss')).toBe(false);
  });

  it('draws added and changed letters from the alphabet, in any script', () => {
    expect(alphabet).toContain('ق');
    expect(oneEditAway('قافل', alphabet).has('قافلة')).toBe(true);
    expect(oneEditAway('convoy', alphabet).has('convoz')).toBe(false);
  });

  it('keeps letters outside the basic plane whole', () => {
    const found = oneEditAway('a😀b', ['a', 'b']);
    expect(found.has('ab')).toBe(true);
    for (const candidate of found) expect(candidate.isWellFormed()).toBe(true);
  });
});
