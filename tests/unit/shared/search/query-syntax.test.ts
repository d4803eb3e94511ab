import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, MAX_QUERY_WORDS, parseQuery } from '../../../../shared/search/query-syntax';

describe('parseQuery', () => {
  it('takes plain words, the last one as a prefix while typing', () => {
    expect(parseQuery('green zon').words).toEqual([
      { text: 'green', prefix: false },
      { text: 'zon', prefix: true },
    ]);
    expect(parseQuery('green zone ').words.map((word) => word.prefix)).toEqual([false, false]);
  });

  it('takes quoted phrases, curly quotes and an unclosed quote too', () => {
    expect(parseQuery('"green zone" baghdad').phrases).toEqual([{ words: ['green', 'zone'] }]);
    expect(parseQuery('“green zone”').phrases).toEqual([{ words: ['green', 'zone'] }]);
    expect(parseQuery('"green zo').phrases).toEqual([{ words: ['green', 'zo'] }]);
    expect(parseQuery('"single"').words).toEqual([{ text: 'single', prefix: false }]);
  });

  it('excludes words and phrases', () => {
    const parsed = parseQuery('militia -iran -"green zone"');
    expect(parsed.excludedWords).toEqual(['iran']);
    expect(parsed.excludedPhrases).toEqual([['green', 'zone']]);
    expect(parsed.words.map((word) => word.text)).toEqual(['militia']);
  });

  it('reads field filters and dates', () => {
    const parsed = parseQuery('title:convoy author:"Renad Mansour" tag:militias actor:"Esmail Qaani" event:attack kind:highlight lang:ar date:2019-11..2020');
    expect(parsed.words).toEqual([{ text: 'convoy', prefix: false, field: 'title' }]);
    expect(parsed.phrases).toEqual([{ words: ['Renad', 'Mansour'], field: 'author' }]);
    expect(parsed.filters).toEqual({ kinds: ['highlight'], tags: ['militias'], actors: ['Esmail Qaani'], events: ['attack'], languages: ['ar'], from: '2019-11', to: '2020' });
    expect(parseQuery('x after:2019 before:2020-06-30').filters).toMatchObject({ from: '2019', to: '2020-06-30' });
    expect(parseQuery('x date:..2020').filters).toMatchObject({ to: '2020' });
  });

  it('reports a date it cannot read and goes on', () => {
    const parsed = parseQuery('convoy date:november');
    expect(parsed.notices[0]).toContain('not a date');
    expect(parsed.words.map((word) => word.text)).toEqual(['convoy']);
  });

  it('treats unknown fields and every special character as separators, never as syntax', () => {
    expect(parseQuery('foo:bar').words.map((word) => word.text)).toEqual(['foo', 'bar']);
    for (const special of [':', '~', '^', '+', '-', '*', '?', '(', ')', '[', ']', '{', '}', '\\', '/', '|', '&', '!', '"', "'", '<', '>', '=', '%', '$', '#', '@', '`', ',', ';', '.']) {
      const parsed = parseQuery(`con${special}voy ${special} ${special}${special}`);
      const texts = [...parsed.words.map((word) => word.text), ...parsed.phrases.flatMap((phrase) => phrase.words), ...parsed.excludedWords];
      expect(texts.every((text) => /^[\p{L}\p{N}'’]+$/u.test(text)), special).toBe(true);
    }
  });

  it('reads lunr operators typed from habit as the plain word', () => {
    expect(parseQuery('convoy~2 militia^10 +bridge').words.map((word) => word.text)).toEqual(['convoy', 'militia', 'bridge']);
  });

  it('handles empty, blank and very long input', () => {
    expect(parseQuery('').words).toEqual([]);
    expect(parseQuery('   \n\t ').words).toEqual([]);
    const long = parseQuery('word '.repeat(5000));
    expect(long.words.length).toBe(MAX_QUERY_WORDS);
    expect(long.notices.join(' ')).toContain(String(MAX_QUERY_LENGTH));
  });

  it('takes Arabic and mixed-script queries', () => {
    expect(parseQuery('الحَشْد الشعبي Qaani').words.map((word) => word.text)).toEqual(['الحَشْد', 'الشعبي', 'Qaani']);
    expect(parseQuery('"كتائب حزب الله"').phrases).toEqual([{ words: ['كتائب', 'حزب', 'الله'] }]);
  });
});
