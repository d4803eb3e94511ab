import { describe, expect, it } from 'vitest';
import { foldText, foldWithOffsets, originalRange } from '../../../../shared/text/fold';

describe('foldText: Latin', () => {
  it('lower-cases and strips accents', () => {
    expect(foldText('Café Élysée ÇA')).toBe('cafe elysee ca');
    expect(foldText('Qāʾānī')).toBe('qaani');
  });

  it('drops apostrophes and transliteration marks for ʿayn and hamza', () => {
    for (const spelling of ["Kata'ib", 'Kata’ib', 'Kataʾib', 'Kataʿib', 'Kata‘ib', 'Kataib']) expect(foldText(spelling)).toBe('kataib');
    expect(foldText("Qa'ani")).toBe(foldText('Qaani'));
  });

  it('expands compatibility forms and keeps digits and punctuation', () => {
    expect(foldText('ﬁnal ² 2019-11')).toBe('final 2 2019-11');
    expect(foldText('Straße')).toBe('strasse');
    expect(foldText('İstanbul')).toBe('istanbul');
  });
});

describe('foldText: Arabic script', () => {
  it('unifies alef forms, hamza carriers, ya and ta marbuta', () => {
    expect(foldText('أإآٱا')).toBe('ااااا');
    expect(foldText('مؤتمر')).toBe('موتمر');
    expect(foldText('رئيس')).toBe('رييس');
    expect(foldText('على')).toBe('علي');
    expect(foldText('مدينة')).toBe('مدينه');
  });

  it('strips harakat, shadda, superscript alef and tatweel', () => {
    expect(foldText('الحَشْدُ الشَّعْبِيّ')).toBe('الحشد الشعبي');
    expect(foldText('هٰذا')).toBe('هذا');
    expect(foldText('كتـــائب')).toBe(foldText('كتائب'));
  });

  it('keeps Persian letters and folds Persian kaf and yeh to their Arabic twins', () => {
    expect(foldText('پچژگ')).toBe('پچژگ');
    expect(foldText('کی')).toBe('كي');
    expect(foldText('قاآنی')).toBe(foldText('قاآني'));
  });

  it('maps Arabic-Indic and Persian digits to ASCII', () => {
    expect(foldText('٢٠١٩ ۱۳۹۸')).toBe('2019 1398');
  });

  it('drops zero-width joiners, as Persian writes some words with them and some without', () => {
    expect(foldText('می‌خواهم')).toBe(foldText('میخواهم'));
  });

  it('expands presentation forms', () => {
    expect(foldText('ﻻ')).toBe('لا');
  });
});

describe('foldWithOffsets', () => {
  it('maps every folded unit back to the character it came from', () => {
    const text = "Kata'ib é";
    const map = foldWithOffsets(text);
    expect(map.folded).toBe('kataib e');
    expect(map.toOriginal).toEqual([0, 1, 2, 3, 5, 6, 7, 8, 9]);
  });

  it('agrees with foldText', () => {
    for (const text of ['الحَشْدُ الشَّعْبِيّ', 'Qāʾānī said', '😀 emoji ١٢', '']) expect(foldWithOffsets(text).folded).toBe(foldText(text));
  });

  it('maps a match in the folded text to the original range, marks included', () => {
    const text = 'قال الحَشْدُ الشَّعْبِيّ أمس';
    const map = foldWithOffsets(text);
    const at = map.folded.indexOf('الشعبي');
    const range = originalRange(map, at, at + 'الشعبي'.length);
    expect(text.slice(range.start, range.end)).toBe('الشَّعْبِيّ');
  });

  it('maps a Latin match across a dropped apostrophe and decomposed accents', () => {
    const text = "The Kata'ib Hezbollah and Qāʾānī.";
    const map = foldWithOffsets(text);
    const kataib = map.folded.indexOf('kataib');
    expect(text.slice(...Object.values(originalRange(map, kataib, kataib + 6)))).toBe("Kata'ib");
    const qaani = map.folded.indexOf('qaani');
    expect(text.slice(...Object.values(originalRange(map, qaani, qaani + 5)))).toBe('Qāʾānī');
  });

  it('keeps surrogate pairs whole and handles decomposed input', () => {
    const text = 'a😀b e\u0301t';
    const map = foldWithOffsets(text);
    expect(map.folded).toBe('a😀b et');
    const emoji = map.folded.indexOf('😀');
    expect(originalRange(map, emoji, emoji + 2)).toEqual({ start: 1, end: 3 });
    const e = map.folded.indexOf('e');
    expect(text.slice(...Object.values(originalRange(map, e, e + 1)))).toBe('e\u0301');
  });

  it('includes a ligature matched in part', () => {
    const text = 'the ﬁnal';
    const map = foldWithOffsets(text);
    expect(originalRange(map, 4, 5)).toEqual({ start: 4, end: 5 });
  });

  it('gives an empty range at the end for an empty match', () => {
    const map = foldWithOffsets('abc');
    expect(originalRange(map, 3, 3)).toEqual({ start: 3, end: 3 });
  });
});
