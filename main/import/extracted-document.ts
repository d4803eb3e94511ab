import type { DocumentStructure } from '../../shared/model/document-structure';
import type { DocumentRecord } from '../../shared/model/records';

/** An image or other file kept with a web page (found in its saved `_files` folder). */
export interface ExtractedAsset {
  /** Path relative to the saved page, as the page referred to it. */
  name: string;
  mediaType: string;
  bytes: Uint8Array;
}

/**
 * What every extractor (PDF, web page, Markdown, text) returns: everything
 * the notebook stores about the file except what the pipeline adds itself
 * (ids, hashes, the original file's blob).
 */
export interface ExtractedDocument {
  kind: DocumentRecord['kind'];
  title: string;
  authors: string[];
  /** ISO 8601 date or date-time, or a partial date (YYYY or YYYY-MM), as precise as the source says. */
  publishedAt?: string;
  sourceUrl?: string;
  siteName?: string;
  /** BCP 47, only when the file declares it (HTML lang); otherwise the pipeline detects it from the text. */
  language?: string;
  /** Only when the file declares it (HTML dir); otherwise the pipeline detects it. */
  direction?: 'ltr' | 'rtl';
  /** The canonical text: NFC, conventions in shared/model/document-structure.ts. */
  text: string;
  structure: DocumentStructure;
  /** Sanitised HTML for the reader (web pages and Markdown). Images point at `asset:N`, N indexing `assets`. */
  html?: string;
  assets: ExtractedAsset[];
  /** Things the user should know that did not stop the import, e.g. "This PDF has no text layer (a scan?)". */
  notices: string[];
  pdf?: DocumentRecord['pdf'];
  /** The original file's media type, for kinds that cover several (images). */
  mediaType?: string;
}

/** Limits that keep one hostile or enormous file from exhausting memory. */
export interface ImportLimits {
  maxFileBytes: number;
  maxPdfPages: number;
  /** Deepest element nesting accepted in HTML (and Markdown rendered to HTML). */
  maxHtmlDepth: number;
  /** Largest total a zip-based document (.docx) may unpack to: a zip bomb stops here. */
  maxUnpackedBytes: number;
  /** Largest image (width × height) read by OCR: a small PNG can decode to gigabytes. */
  maxImagePixels: number;
}

export const defaultImportLimits: ImportLimits = {
  maxFileBytes: 200 * 1024 * 1024,
  maxPdfPages: 5_000,
  maxHtmlDepth: 512,
  // Large reports full of images stay well under it.
  maxUnpackedBytes: 1024 * 1024 * 1024,
  // An A4 page at 600 dpi is 35 million pixels; tesseract holds a few copies of it.
  maxImagePixels: 40_000_000,
};
