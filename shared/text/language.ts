import { franc } from 'franc-min';

/** ISO 639-3 codes franc returns, as the shorter BCP 47 tags where one exists. */
const toBcp47: Readonly<Record<string, string>> = {
  eng: 'en', arb: 'ar', pes: 'fa', prs: 'fa', urd: 'ur', fra: 'fr', deu: 'de', spa: 'es', rus: 'ru', tur: 'tr',
  ita: 'it', por: 'pt', nld: 'nl', pol: 'pl', ukr: 'uk', heb: 'he', hin: 'hi', ben: 'bn', ind: 'id', zlm: 'ms',
  cmn: 'zh', jpn: 'ja', kor: 'ko', swh: 'sw', hau: 'ha', som: 'so', amh: 'am', ckb: 'ckb', kmr: 'kmr',
};

// Strong right-to-left letters: Hebrew, Arabic (with its supplements and presentation forms), Syriac, Thaana, NKo.
const rtlLetter = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/gu;
const ltrLetter = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u0900-\u097F\u3040-\u30FF\u4E00-\u9FFF]/gu;

const SAMPLE = 20_000;

export interface DetectedLanguage {
  /** BCP 47 (for example "en", "ar", "fa"), or undefined when the text is too short or mixed to tell. */
  language: string | undefined;
  direction: 'ltr' | 'rtl';
}

/** The direction of a text by its strong letters: the script that dominates wins. */
export function detectDirection(text: string): 'ltr' | 'rtl' {
  const sample = text.slice(0, SAMPLE);
  const rtl = sample.match(rtlLetter)?.length ?? 0;
  const ltr = sample.match(ltrLetter)?.length ?? 0;
  return rtl > ltr ? 'rtl' : 'ltr';
}

/**
 * Language (franc's trigram model, on a sample so long documents cost the
 * same) and direction. Direction is decided by script, not by the language
 * guess, so an unrecognised Arabic-script text is still right to left.
 */
export function detectLanguage(text: string): DetectedLanguage {
  const sample = text.slice(0, SAMPLE);
  const code = franc(sample, { minLength: 20 });
  return { language: code === 'und' ? undefined : (toBcp47[code] ?? code), direction: detectDirection(sample) };
}
