import { franc } from 'franc-min';

/** ISO 639-3 codes franc returns, as the shorter BCP 47 tags where one exists. */
const toBcp47: Readonly<Record<string, string>> = {
  eng: 'en', arb: 'ar', pes: 'fa', prs: 'fa', urd: 'ur', fra: 'fr', deu: 'de', spa: 'es', rus: 'ru', tur: 'tr',
  ita: 'it', por: 'pt', nld: 'nl', pol: 'pl', ukr: 'uk', heb: 'he', hin: 'hi', ben: 'bn', ind: 'id', zlm: 'ms',
  cmn: 'zh', jpn: 'ja', kor: 'ko', swh: 'sw', hau: 'ha', som: 'so', amh: 'am', ckb: 'ckb', kmr: 'kmr',
};

// Strong right-to-left letters: Hebrew, Arabic (with its supplements and presentation forms), Syriac, Thaana, NKo.
const RTL_RANGES: readonly (readonly [number, number])[] = [[0x0590, 0x08ff], [0xfb1d, 0xfdff], [0xfe70, 0xfeff]];
// Strong left-to-right letters: Latin, Greek, Cyrillic, Devanagari, kana, CJK ideographs.
const LTR_RANGES: readonly (readonly [number, number])[] = [[0x41, 0x5a], [0x61, 0x7a], [0xc0, 0x24f], [0x370, 0x4ff], [0x900, 0x97f], [0x3040, 0x30ff], [0x4e00, 0x9fff]];

const SAMPLE = 20_000;

export interface DetectedLanguage {
  /** BCP 47 (for example "en", "ar", "fa"), or undefined when the text is too short or mixed to tell. */
  language: string | undefined;
  direction: 'ltr' | 'rtl';
}

/** The direction of a text by its strong letters: the script that dominates wins. */
export function detectDirection(text: string): 'ltr' | 'rtl' {
  // Counted by code unit, not matched: search indexing asks this of every passage, and a match array per letter was most of its cost.
  let rtl = 0;
  let ltr = 0;
  const end = Math.min(text.length, SAMPLE);
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (inRanges(code, LTR_RANGES)) ltr++;
    else if (inRanges(code, RTL_RANGES)) rtl++;
  }
  return rtl > ltr ? 'rtl' : 'ltr';
}

function inRanges(code: number, ranges: readonly (readonly [number, number])[]): boolean {
  for (const [from, to] of ranges) if (code >= from && code <= to) return true;
  return false;
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
