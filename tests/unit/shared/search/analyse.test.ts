import { describe, expect, it } from 'vitest';
import { analyserFor, indexTerms, queryTermsOfWord, termsOfWord } from '../../../../shared/search/analyse';
import { words } from '../../../../shared/search/words';

const matches = (query: string, text: string, language?: string) => {
  const indexed = new Set(indexTerms(text, language));
  return queryTermsOfWord(query).some((term) => indexed.has(term));
};

describe('English analysis', () => {
  it('stems and drops stop words', () => {
    expect(indexTerms('The elections were held in the provinces', 'en')).toEqual(['elect', 'held', 'provinc']);
    expect(matches('election', 'The elections were held', 'en')).toBe(true);
    expect(queryTermsOfWord('the')).toEqual([]);
  });

  it('folds accents and apostrophes before stemming', () => {
    expect(matches('Kataib', "Kata'ib Hezbollah said", 'en')).toBe(true);
    expect(matches("Qa'ani", 'General Qaani arrived', 'en')).toBe(true);
    expect(matches('Qaani', 'General Qāʾānī arrived', 'en')).toBe(true);
    expect(matches('cafe', 'Le Café', 'fr')).toBe(true);
  });

  it('keeps numbers', () => {
    expect(indexTerms('In 2019, 1,200 people', 'en')).toEqual(['2019', '1', '200', 'peopl']);
    expect(matches('2019', 'Protests of ٢٠١٩', 'en')).toBe(true);
  });

  it('does not stem Latin words in a passage of another language, but still finds them', () => {
    expect(indexTerms('les élections', 'fr')).toEqual(['les', 'elections']);
    expect(matches('elections', 'les élections', 'fr')).toBe(true);
  });
});

describe('Arabic analysis', () => {
  it('finds words with or without diacritics and tatweel', () => {
    expect(matches('الحشد', 'قادة الحَشْدِ الشَّعْبِيّ', 'ar')).toBe(true);
    expect(matches('الحَشْد', 'قادة الحشد الشعبي', 'ar')).toBe(true);
    expect(matches('كتائب', 'كتـــائب حزب الله', 'ar')).toBe(true);
  });

  it('unifies alef, hamza, ya and ta marbuta forms', () => {
    expect(matches('إيران', 'ايران', 'ar')).toBe(true);
    expect(matches('كتايب', 'كتائب', 'ar')).toBe(true);
    expect(matches('مدينه', 'المدينة', 'ar')).toBe(true);
    expect(matches('مستشفى', 'مستشفي', 'ar')).toBe(true);
  });

  it('strips prefixes: the bare word finds its forms with و ب ال', () => {
    expect(matches('بغداد', 'وبغداد', 'ar')).toBe(true);
    expect(matches('الانتخابات', 'انتخابات', 'ar')).toBe(true);
  });

  it('drops Arabic stop words but keeps a name written like one once folded', () => {
    expect(termsOfWord('على', analyserFor('ar'))).toEqual([]);
    expect(termsOfWord('علي', analyserFor('ar'))).not.toEqual([]);
  });

  it('keeps Persian letters and does not apply the Arabic stemmer to Persian', () => {
    expect(termsOfWord('پژوهشگران', analyserFor('fa'))).toEqual(['پژوهشگران']);
    expect(matches('پژوهشگران', 'پژوهشگران ایرانی', 'fa')).toBe(true);
    expect(matches('ايراني', 'پژوهشگران ایرانی', 'fa')).toBe(true);
  });

  it('maps Arabic-Indic and Persian digits', () => {
    expect(indexTerms('عام ٢٠١٩ و ۱۳۹۸', 'ar')).toEqual(expect.arrayContaining(['2019', '1398']));
  });
});

describe('mixed scripts', () => {
  it('analyses each word by its script within one passage', () => {
    const text = "Kata'ib Hezbollah (كتائب حزب الله) denied it";
    expect(matches('kataib', text, 'en')).toBe(true);
    expect(matches('كتائب', text, 'en')).toBe(true);
    expect(matches('denies', text, 'en')).toBe(true);
  });

  it('cuts words at punctuation and keeps offsets into the original', () => {
    const text = 'al-Kadhimi, (Qa’ani) ٢٠١٩!';
    expect(words(text).map((word) => text.slice(word.start, word.end))).toEqual(['al', 'Kadhimi', 'Qa’ani', '٢٠١٩']);
  });
});
