import { describe, expect, it } from 'vitest';
import { GramIndex, INDEXED_NEEDLE_LENGTH, scanningFinder } from '../../../../shared/anchoring/occurrence-index';
import { findExactOccurrences } from '../../../../shared/anchoring/text-quote';
import { generatedProse, seededRandom } from './generated-prose';

describe('GramIndex', () => {
  it('finds exactly the occurrences a scan finds', () => {
    const text = generatedProse(200_000, 4);
    const index = new GramIndex(text);
    const random = seededRandom(8);
    for (let i = 0; i < 300; i += 1) {
      const start = Math.floor(random() * (text.length - 100));
      const needle = text.slice(start, start + 1 + Math.floor(random() * 60));
      expect(index.occurrences(needle)).toEqual(findExactOccurrences(text, needle));
    }
    // Either side of the length from which the index is used, at both ends of the text.
    const edges = [INDEXED_NEEDLE_LENGTH - 1, INDEXED_NEEDLE_LENGTH, INDEXED_NEEDLE_LENGTH + 1].flatMap((length) => [text.slice(0, length), text.slice(-length)]);
    for (const needle of ['the of the', 'near the said', 'no such phrase anywhere', ...edges]) {
      expect(index.occurrences(needle)).toEqual(findExactOccurrences(text, needle));
    }
  });

  it('finds overlapping occurrences, in order', () => {
    const text = `${'a'.repeat(40)}b${'a'.repeat(12)}`;
    const index = new GramIndex(text);
    expect(index.occurrences('a'.repeat(10))).toEqual([...Array.from({ length: 31 }, (_, i) => i), 41, 42, 43]);
    expect(index.occurrences('aaaaaaaab')).toEqual([32]);
  });

  it('works on texts shorter than a gram and on astral characters', () => {
    expect(new GramIndex('short').occurrences('short')).toEqual([0]);
    expect(new GramIndex('').occurrences('anything')).toEqual([]);
    const emoji = '🔥 fire 🔥 fire 🔥 fire and smoke 🔥';
    expect(new GramIndex(emoji).occurrences('🔥 fire 🔥')).toEqual([0, 8]);
  });
});

describe('scanningFinder', () => {
  it('scans the text for each look-up', () => {
    const finder = scanningFinder('one two one two one');
    expect(finder.occurrences('one')).toEqual([0, 8, 16]);
    expect(finder.occurrences('three')).toEqual([]);
  });
});
