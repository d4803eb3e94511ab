import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { weighTerms } from '../../../../main/search/lunr-weights';

// lunr-weights.ts relies on parts of lunr that are not its API. These checks
// compare its output with BM25 worked out here, by hand, so a lunr that
// tokenised the terms again, averaged lengths itself, applied idf, or
// numbered its vectors differently would fail them.

type Field = 'title' | 'body';
const options = {
  fields: ['title', 'body'] as const,
  fieldBoosts: { title: 3, body: 1 },
  referenceLengths: { title: 2, body: 4 },
  k1: 1.2,
  b: 0.75,
};

/** BM25 with idf 1, as lunr rounds it: to three decimals. */
function bm25(tf: number, length: number, field: Field, entryBoost = 1): number {
  const { k1, b } = options;
  const score = ((k1 + 1) * tf) / (k1 * (1 - b + b * (length / options.referenceLengths[field])) + tf);
  return Math.round(score * options.fieldBoosts[field] * entryBoost * 1000) / 1000;
}

describe('weighTerms (the lunr adapter)', () => {
  const entries = [
    { terms: { title: ['Convoy'], body: ['convoy', 'convoy', 'bridge'] } },
    { terms: { body: ['bridge', 'the', 'قافلة', 'bridge', 'x'] }, boost: 2 },
  ];

  it("weighs each term by BM25 against the reference lengths, with the field's and the entry's boosts and no idf", () => {
    const batch = weighTerms(entries, options);
    const weights = (field: Field, entry: number) => {
      const elements = batch.elements(field, entry);
      const byTerm: Record<string, number> = {};
      for (let i = 0; i < elements.length; i += 2) byTerm[batch.terms[elements[i] as number] as string] = elements[i + 1] as number;
      return byTerm;
    };
    expect(weights('title', 0)).toEqual({ Convoy: bm25(1, 1, 'title') });
    expect(weights('body', 0)).toEqual({ convoy: bm25(2, 3, 'body'), bridge: bm25(1, 3, 'body') });
    expect(weights('title', 1)).toEqual({});
    // "bridge" is in every entry: any idf would lower its weight below BM25's.
    expect(weights('body', 1)).toEqual({ bridge: bm25(2, 5, 'body', 2), the: bm25(1, 5, 'body', 2), قافلة: bm25(1, 5, 'body', 2), x: bm25(1, 5, 'body', 2) });
  });

  it('keeps the terms exactly as given (no lower-casing, stop words or stemming), sorted', () => {
    expect(weighTerms(entries, options).terms).toEqual(['Convoy', 'bridge', 'convoy', 'the', 'x', 'قافلة']);
  });

  it("puts lunr's global idf back", () => {
    const idf = (lunr as typeof lunr & { idf: unknown }).idf;
    weighTerms(entries, options);
    expect((lunr as typeof lunr & { idf: unknown }).idf).toBe(idf);
  });
});
