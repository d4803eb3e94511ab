// Images of text the tests know, drawn with @napi-rs/canvas (installed with
// pdfjs-dist) in Debian's fonts-noto-core, as a scanner or camera would give
// them: black text on white at about 300 dpi for 10-point type. The sentences are the project's own.
import { existsSync } from 'node:fs';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';

export type OcrScript = 'english' | 'arabic';

const fonts: Record<OcrScript, { family: string; file: string }> = {
  english: { family: 'Noto Sans', file: '/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf' },
  arabic: { family: 'Noto Naskh Arabic', file: '/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf' },
};

// Five lines each, as a page has many: on three-line Arabic images tesseract
// dropped the first line (tesseract.js 7, ara best_int), which a full page does not show.
export const ocrCorpus: Record<OcrScript, readonly string[]> = {
  english: [
    'The checkpoint on the north road closed at dawn.',
    'Residents were told to carry their papers',
    'and to wait for the notice at the mosque.',
    'By noon a queue of cars reached the bridge,',
    'and the market stayed shut until Thursday.',
  ],
  arabic: [
    'أغلقت نقطة التفتيش على الطريق الشمالي عند الفجر',
    'وطلب الجنود من السكان حمل أوراقهم الثبوتية',
    'وانتظار الإعلان عند باب المسجد الكبير في الساحة',
    'وعند الظهر وصل طابور السيارات إلى الجسر',
    'وبقي السوق مغلقا حتى يوم الخميس',
  ],
};

/** Why the fixtures cannot be drawn here (a font missing), or undefined when they can. */
export function missingOcrFonts(): string | undefined {
  const missing = Object.values(fonts).filter((font) => !existsSync(font.file));
  return missing.length === 0 ? undefined : `fonts-noto-core is not installed (${missing.map((font) => font.file).join(', ')})`;
}

/** `lines` of `script` drawn as a PNG or JPEG, one line under another, right-aligned for Arabic. */
export function textImage(script: OcrScript, lines: readonly string[], format: 'image/png' | 'image/jpeg' = 'image/png'): Uint8Array {
  const font = fonts[script];
  GlobalFonts.registerFromPath(font.file, font.family);
  const size = 40;
  const margin = 60;
  const canvas = createCanvas(1400, margin * 2 + lines.length * size * 1.6);
  const context = canvas.getContext('2d');
  context.fillStyle = 'white';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = 'black';
  context.font = `${size}px "${font.family}"`;
  const rtl = script === 'arabic';
  context.direction = rtl ? 'rtl' : 'ltr';
  context.textAlign = rtl ? 'right' : 'left';
  lines.forEach((line, index) => context.fillText(line, rtl ? canvas.width - margin : margin, margin + size + index * size * 1.6));
  return format === 'image/png' ? canvas.toBuffer('image/png') : canvas.toBuffer('image/jpeg', 85);
}

const wordsOf = (text: string) => text.normalize('NFC').split(/\s+/).map((word) => word.replace(/[.,،]+$/u, '')).filter((word) => word !== '');

/** The share of the known words (as a multiset, trailing punctuation aside) that the text holds. */
export function wordRecall(known: readonly string[], text: string): number {
  const left = new Map<string, number>();
  for (const word of wordsOf(text)) left.set(word, (left.get(word) ?? 0) + 1);
  const expected = known.flatMap(wordsOf);
  const found = expected.filter((word) => {
    const count = left.get(word) ?? 0;
    if (count > 0) left.set(word, count - 1);
    return count > 0;
  });
  return expected.length === 0 ? 1 : found.length / expected.length;
}
