import { createRequire } from 'node:module';
import path from 'node:path';

export type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<Pdfjs> | undefined;

/** pdf.js is large: load it on the first PDF, not when the import pipeline loads. */
export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= (async () => {
    await import('./pdfjs-in-thread');
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

export interface PdfjsAssetOptions {
  cMapUrl: string;
  cMapPacked: boolean;
  standardFontDataUrl: string;
}

/**
 * Where pdf.js finds the Adobe CMaps (needed to map CID fonts' codes to text)
 * and the standard font data. In Node pdf.js reads these with fs, so they are
 * plain directory paths, and pdf.js insists on the trailing separator.
 * pdfjs-dist is found from `fromUrl`, by default this module's bundle (in a
 * package, the extraction worker, which reads them from app.asar.unpacked).
 */
export function pdfjsAssetOptions(fromUrl: string = import.meta.url): PdfjsAssetOptions {
  const root = path.dirname(createRequire(fromUrl).resolve('pdfjs-dist/package.json'));
  return {
    cMapUrl: path.join(root, 'cmaps') + path.sep,
    cMapPacked: true,
    standardFontDataUrl: path.join(root, 'standard_fonts') + path.sep,
  };
}
