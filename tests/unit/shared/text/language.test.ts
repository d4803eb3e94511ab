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

  it('decides direction by the dominant script, even when the language is unknown', () => {
    expect(detectLanguage('نعم').language).toBeUndefined();
    expect(detectDirection('نعم')).toBe('rtl');
    expect(detectDirection('Kata\'ib Hezbollah (كتائب حزب الله) said on Monday that the attack on the base was not theirs')).toBe('ltr');
    expect(detectDirection('')).toBe('ltr');
  });
});
