import { describe, expect, it } from 'vitest';
import { errorBudget, matchQuote, MIN_SCORE } from '../../../../shared/anchoring/match-quote';
import { GramIndex, scanningFinder } from '../../../../shared/anchoring/occurrence-index';
import { generatedProse } from './generated-prose';

const report = [
  generatedProse(3000, 1),
  'At noon the delegation reached the northern crossing, where the guards checked every vehicle twice.',
  generatedProse(3000, 2),
  'By evening the delegation reached the southern crossing, where nobody checked anything at all.',
  generatedProse(3000, 3),
].join(' ');
const finder = scanningFinder(report);
const context = (prefix: string, suffix: string, hint = 0) => ({ prefix, suffix, hint });

describe('errorBudget', () => {
  it('allows about one edit per twelve characters, none under 24, at most 31', () => {
    expect([errorBudget(10), errorBudget(23), errorBudget(24), errorBudget(80), errorBudget(384), errorBudget(20_000)]).toEqual([0, 0, 1, 5, 31, 31]);
  });
});

describe('matchQuote', () => {
  it('finds an exact match with a perfect score', () => {
    const quote = 'reached the northern crossing';
    const match = matchQuote(finder, quote, context('At noon the delegation ', ', where the guards', report.indexOf(quote)));
    expect(match).toMatchObject({ start: report.indexOf(quote), errors: 0 });
    expect(match?.score).toBeCloseTo(1, 9);
  });

  it('finds an approximate match, with its edits counted', () => {
    const match = matchQuote(finder, 'reached the nothern crosing, where the guard', context('the delegation ', ' checked every'));
    expect(match && report.slice(match.start, match.end)).toBe('reached the northern crossing, where the guard');
    expect(match?.errors).toBe(2);
  });

  it('scores closer quotes higher', () => {
    const quotes = [
      'reached the northern crossing, where the guards checked every',
      'reached the northen crossing, where the guards checked every',
      'reached teh nothern crossing, where the guards checked every',
      'reachd teh nothern crossing, where the guards chcked every',
    ];
    const scores = quotes.map((quote) => matchQuote(finder, quote, context('', ''))?.score ?? 0);
    expect(scores.every((score, i) => i === 0 || score < (scores[i - 1] as number))).toBe(true);
  });

  it('chooses between similar passages by the context on either side', () => {
    // One substitution away from both 'northern' and 'southern'.
    const quote = 'the delegation reached the nouthern crossing, where';
    const northern = matchQuote(finder, quote, context('At noon ', ' the guards checked'));
    const southern = matchQuote(finder, quote, context('By evening ', ' nobody checked'));
    expect(northern && report.slice(northern.start, northern.end)).toContain('northern');
    expect(southern && report.slice(southern.start, southern.end)).toContain('southern');
  });

  it('breaks ties by closeness to the hint', () => {
    const quote = 'the delegation reached the nouthern crossing';
    const first = report.indexOf('the delegation');
    const second = report.lastIndexOf('the delegation');
    expect(matchQuote(finder, quote, context('', '', first))?.start).toBe(first);
    expect(matchQuote(finder, quote, context('', '', second))?.start).toBe(second);
  });

  it('gives the same result with an index as with scanning', () => {
    const quote = 'the delegation reached the sothern crossing, where nobody chcked';
    const hint = report.length / 2;
    expect(matchQuote(new GramIndex(report), quote, context('evening ', ' anything', hint))).toEqual(matchQuote(finder, quote, context('evening ', ' anything', hint)));
  });

  it('returns undefined when nothing is close enough, or when the context does not support the match', () => {
    expect(matchQuote(finder, 'a sentence that appears nowhere in this generated report', context('', ''))).toBeUndefined();
    expect(matchQuote(finder, '', context('', ''))).toBeUndefined();
    const lonely = matchQuote(finder, 'reached the northern crossing', context('Nothing like this came before it ', ' and nothing similar after'));
    expect(lonely).toBeUndefined();
    expect(MIN_SCORE).toBeGreaterThan(0.5);
  });

  it('matches at the ends of the text, where context is cut short', () => {
    const text = 'after the storm the river rose quickly overnight';
    const match = matchQuote(scanningFinder(text), 'after the storm the rivr rose quickly overnight', context('', ' and flooded the fields'));
    expect(match).toMatchObject({ start: 0, end: text.length, errors: 1 });
  });
});
