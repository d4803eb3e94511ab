import { describe, expect, it } from 'vitest';
import { closeness, contextAgreement, similarityAfter, similarityBefore } from '../../../../shared/anchoring/context-similarity';

const text = 'the patrol reached the northern gate at dawn and waited';
const start = text.indexOf('the northern');
const end = start + 'the northern'.length;

describe('contextAgreement', () => {
  it('is the share of context characters that agree outward from the boundaries', () => {
    expect(contextAgreement(text, start, end, 'patrol reached ', ' gate at')).toBe(1);
    // 'xxx reached ' agrees for ' reached ' (9 of 12); ' gate on' for ' gate ' (6 of 8).
    expect(contextAgreement(text, start, end, 'xxx reached ', ' gate on')).toBe(15 / 20);
    expect(contextAgreement(text, start, end, '', '')).toBe(1);
    expect(contextAgreement(text, 0, 3, 'before the start ', '')).toBe(0);
  });
});

describe('similarityBefore and similarityAfter', () => {
  it('are 1 for identical context and fall by one per edit over its length', () => {
    expect(similarityBefore(text, start, 'patrol reached ')).toBe(1);
    expect(similarityAfter(text, end, ' gate at dawn')).toBe(1);
    expect(similarityBefore(text, start, 'patrol reeched ')).toBeCloseTo(1 - 1 / 15);
    // An inserted and a deleted character: two edits, wherever they sit.
    expect(similarityAfter(text, end, ' gaate a dawn')).toBeCloseTo(1 - 2 / 13);
  });

  it('count missing text at the ends of the document as edits', () => {
    expect(similarityBefore(text, 3, 'at the start: the')).toBeCloseTo(3 / 17);
    expect(similarityAfter(text, text.length, ' more')).toBe(0);
    expect(similarityBefore(text, start, '')).toBe(1);
  });

  it('rank closer context higher', () => {
    const candidates = ['patrol reached ', 'patrol reeched ', 'convoy reached ', 'convoy arrived at '];
    const scores = candidates.map((prefix) => similarityBefore(text, start, prefix));
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(new Set(scores).size).toBe(scores.length);
  });
});

describe('closeness', () => {
  it('is 1 at the expected offset and falls linearly to 0 a text length away', () => {
    expect(closeness(500, 500, 1000)).toBe(1);
    expect(closeness(250, 500, 1000)).toBe(0.75);
    expect(closeness(5000, 0, 1000)).toBe(0);
    expect(closeness(0, 0, 0)).toBe(1);
  });
});
