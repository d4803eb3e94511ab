import { describe, expect, it } from 'vitest';
import { detectDirection, detectLanguage } from '../../../../shared/text/language';

describe('language and direction', () => {
  it('recognises English', () => {
    expect(detectLanguage('The provincial council met on Tuesday to discuss the water shortage and the protests that followed it.')).toEqual({ language: 'en', direction: 'ltr' });
  });

  it('recognises Arabic, right to left', () => {
    expect(detectLanguage('اجتمع مجلس المحافظة يوم الثلاثاء لمناقشة نقص المياه والاحتجاجات التي تلتها في المدينة')).toEqual({ language: 'ar', direction: 'rtl' });
  });

  it('recognises Persian', () => {
    expect(detectLanguage('شورای استان روز سه‌شنبه برای بررسی کمبود آب و اعتراض‌هایی که پس از آن رخ داد تشکیل جلسه داد').language).toBe('fa');
  });

  it('gives BCP 47 tags, two letters where the language has them', () => {
    expect(detectLanguage('Consiliul provincial s-a întrunit marți pentru a discuta despre lipsa apei și protestele care au urmat.').language).toBe('ro');
    expect(detectLanguage('Der Provinzrat trat am Dienstag zusammen, um über den Wassermangel und die folgenden Proteste zu beraten.').language).toBe('de');
  });

  it('leaves short texts without a language rather than guess', () => {
    for (const text of ['Ahmed Kareem\nBasra office', 'Contact list\nPhone numbers', 'Shopping list\nmilk bread eggs', 'Minutes\nAttendees: Omar, Layla']) {
      expect(detectLanguage(text).language, text).toBeUndefined();
    }
  });

  it('decides direction by the dominant script, even when the language is unknown', () => {
    expect(detectLanguage('نعم').language).toBeUndefined();
    expect(detectDirection('نعم')).toBe('rtl');
    expect(detectDirection('Kata\'ib Hezbollah (كتائب حزب الله) said on Monday that the attack on the base was not theirs')).toBe('ltr');
    expect(detectDirection('')).toBe('ltr');
  });
});
