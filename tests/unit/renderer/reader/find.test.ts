import { describe, expect, it } from 'vitest';
import { foldWithOffsets } from '../../../../shared/text/fold';
import { findMatches } from '../../../../renderer/src/reader/find';

describe('find in the document', () => {
  it('ignores case and accents and gives ranges in the original text', () => {
    const text = 'Qāʾānī met Qaani; QAANI left.';
    const matches = findMatches(foldWithOffsets(text), 'qaani');
    expect(matches.map(({ start, end }) => text.slice(start, end))).toEqual(['Qāʾānī', 'Qaani', 'QAANI']);
  });

  it('finds Arabic with or without its vowel marks', () => {
    const text = 'قالَ المُتَحَدِّثُ إنَّ المتحدث غادر.';
    const matches = findMatches(foldWithOffsets(text), 'المتحدث');
    expect(matches.map(({ start, end }) => text.slice(start, end))).toEqual(['المُتَحَدِّثُ', 'المتحدث']);
  });

  it('finds nothing for an empty query', () => {
    expect(findMatches(foldWithOffsets('Some text.'), '   ')).toEqual([]);
  });
});
