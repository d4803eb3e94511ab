import { franc } from 'franc-min';
import { iso6393To1 } from 'iso-639-3';

/**
 * franc names individual languages (ISO 639-3); BCP 47 prefers the shortest
 * tag, so a code with a two-letter ISO 639-1 equivalent becomes that, and the
 * individual languages franc returns for a macrolanguage become the
 * macrolanguage's tag they are written under (Standard Arabic is "ar").
 * Codes with no shorter tag ("ckb", "ceb") are already BCP 47.
 */
const MACROLANGUAGE_MEMBERS: Readonly<Record<string, string>> = {
  arb: 'ar', pes: 'fa', prs: 'fa', cmn: 'zh', zlm: 'ms', swh: 'sw', uzn: 'uz', azj: 'az', plt: 'mg', npi: 'ne', pbu: 'ps',
};

function toBcp47(code: string): string {
  return MACROLANGUAGE_MEMBERS[code] ?? iso6393To1[code] ?? code;
}

/**
 * Below this many characters franc's guesses are noise: two short English
 * lines come out as Romanian, Igbo or Kinyarwanda. Such texts get no label.
 */
const MIN_RELIABLE_LENGTH = 50;

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

const LTR = 1;
const RTL = 2;

/** Each UTF-16 code unit's strong direction (0 for neither), looked up rather than tested against ranges: search indexing asks this of every passage. */
const DIRECTION_OF_UNIT = (() => {
  const table = new Uint8Array(0x10000);
  for (const [from, to] of LTR_RANGES) table.fill(LTR, from, to + 1);
  for (const [from, to] of RTL_RANGES) table.fill(RTL, from, to + 1);
  return table;
})();

/** The direction of a text by its strong letters: the script that dominates wins. */
export function detectDirection(text: string): 'ltr' | 'rtl' {
  let rtl = 0;
  let ltr = 0;
  const end = Math.min(text.length, SAMPLE);
  for (let i = 0; i < end; i++) {
    const direction = DIRECTION_OF_UNIT[text.charCodeAt(i)];
    if (direction === LTR) ltr++;
    else if (direction === RTL) rtl++;
  }
  return rtl > ltr ? 'rtl' : 'ltr';
}

/**
 * Language (franc's trigram model, on a sample so long documents cost the
 * same) and direction. Direction is decided by script, not by the language
 * guess, so an unrecognised Arabic-script text is still right to left.
 */
export function detectLanguage(text: string): DetectedLanguage {
  const sample = text.slice(0, SAMPLE);
  const code = franc(sample, { minLength: MIN_RELIABLE_LENGTH });
  return { language: code === 'und' ? undefined : toBcp47(code), direction: detectDirection(sample) };
}
