import { imageSize } from 'image-size';
import { ApiError } from '../../../shared/api/errors';
import type { ExtractedDocument, ImportLimits } from '../extracted-document';
import { ocrText } from '../ocr/ocr-text';
import { openOcrEngine, type OcrEngine } from '../ocr/recognise';
import type { OcrLanguage } from '../ocr/ocr-languages';

/** The image formats tesseract's decoder (leptonica) reads, by what image-size names them. */
const readableTypes: Readonly<Record<string, string>> = { png: 'image/png', jpg: 'image/jpeg' };

/**
 * Both models at once: one pass reads English, Arabic and pages that mix
 * them, with English words as good as with English alone (measured in the
 * OCR bench); choosing a language first would need a pass of its own.
 */
export const imageLanguages: readonly OcrLanguage[] = ['ara', 'eng'];

export interface ExtractImageOptions {
  fileName: string;
  limits: ImportLimits;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** The engine to read with; otherwise one is opened for this image and closed after. */
  engine?: OcrEngine;
}

/** What the image is, from its header alone, so an image too large to decode safely is refused before it is. */
function inspect(bytes: Uint8Array, fileName: string, limits: ImportLimits): { width: number; height: number; mediaType: string } {
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch {
    throw new ApiError('DAMAGED_FILE', `“${fileName}” is not an image Fieldbook can read.`);
  }
  const mediaType = size.type === undefined ? undefined : readableTypes[size.type];
  if (mediaType === undefined) throw new ApiError('UNSUPPORTED_FILE', `“${fileName}” is a ${size.type ?? 'kind of'} image Fieldbook cannot read yet: save it as PNG or JPEG.`);
  if (size.width * size.height > limits.maxImagePixels) {
    throw new ApiError('FILE_TOO_LARGE', `“${fileName}” is ${size.width} × ${size.height} pixels, more than the ${Math.round(limits.maxImagePixels / 1e6)} million Fieldbook reads text from.`);
  }
  return { width: size.width, height: size.height, mediaType };
}

/** A photo or scan (PNG, JPEG) as a one-page document whose text is what OCR reads on it, each word's box kept. */
export async function extractImage(bytes: Uint8Array, options: ExtractImageOptions): Promise<ExtractedDocument> {
  const { width, height, mediaType } = inspect(bytes, options.fileName, options.limits);
  options.onProgress?.(0, 1);
  const engine = options.engine ?? (await openOcrEngine(imageLanguages, options.signal));
  let paragraphs;
  try {
    paragraphs = await engine.recognise(bytes);
  } finally {
    if (!options.engine) await engine.close();
  }
  options.onProgress?.(1, 1);
  const { text, blocks, pages, ocr } = ocrText([{ width, height, languages: [...imageLanguages], paragraphs }]);
  return {
    kind: 'image',
    title: '',
    authors: [],
    text,
    structure: { blocks, pages, ocr },
    assets: [],
    notices: text === '' ? [`No text was found on “${options.fileName}”.`] : [],
    mediaType,
  };
}
