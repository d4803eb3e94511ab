import path from 'node:path';
import { ApiError } from '../../shared/api/errors';
import { decodeText } from './decode-text';
import type { ExtractedDocument, ImportLimits } from './extracted-document';
import type { ImportKind } from './file-kind';
import type { ExtractPdfOptions, PageChunk } from './pdf/extract-pdf';
import { readSavedPageResource } from './saved-page-resources';
import { extractText } from './text/extract-text';

// Each extractor is loaded on first use: jsdom alone takes a second to load, and a worker reading PDFs never needs it.
const pdfExtractor = () => import('./pdf/extract-pdf');

export interface ExtractRequest {
  file: string;
  kind: ImportKind;
  bytes: Uint8Array;
  limits: ImportLimits;
  password?: string;
}

export interface ExtractControl {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** Lets another worker read pages of a long PDF alongside (see extractPdf). */
  sharePages?: ExtractPdfOptions['sharePages'];
}

/** One file's extraction, by kind. Runs in an extraction worker; plain Node, so tests call it directly. */
export async function extractFile(request: ExtractRequest, control: ExtractControl = {}): Promise<ExtractedDocument> {
  const fileName = path.basename(request.file);
  switch (request.kind) {
    case 'pdf':
      return (await pdfExtractor()).extractPdf(request.bytes, {
        limits: request.limits,
        fileName,
        ...(request.password === undefined ? {} : { password: request.password }),
        ...(control.signal ? { signal: control.signal } : {}),
        ...(control.onProgress ? { onProgress: control.onProgress } : {}),
        ...(control.sharePages ? { sharePages: control.sharePages } : {}),
      });
    case 'html':
      return (await import('./html/extract-html')).extractHtml({
        html: decodeText(request.bytes, fileName, true),
        fileName,
        readResource: (relative) => readSavedPageResource(request.file, relative, request.limits),
        limits: request.limits,
      });
    case 'markdown':
      return (await import('./markdown/extract-markdown')).extractMarkdown({ source: decodeText(request.bytes, fileName, false), fileName, limits: request.limits });
    case 'text':
      return extractText(decodeText(request.bytes, fileName, false));
    case 'docx':
      return (await import('./docx/extract-docx')).extractDocx(request.bytes, fileName, request.limits);
    case 'epub':
      return (await import('./epub/extract-epub')).extractEpub(request.bytes, fileName, request.limits);
    case 'image':
      return (await import('./image/extract-image')).extractImage(request.bytes, {
        fileName,
        limits: request.limits,
        ...(control.signal ? { signal: control.signal } : {}),
        ...(control.onProgress ? { onProgress: control.onProgress } : {}),
      });
    default:
      throw new ApiError('UNSUPPORTED_FILE', `Cannot import “${fileName}”.`);
  }
}

/** Loads pdf.js (about a second) before a PDF arrives. */
export async function preparePdfReader(): Promise<void> {
  await (await import('./pdf/pdfjs')).loadPdfjs();
}

/** Pages of a PDF that another worker is extracting, claimed from `claims` and read alongside it (see readSharedPages). */
export async function extractSharedPages(request: ExtractRequest, claims: SharedArrayBuffer, control: Pick<ExtractControl, 'signal' | 'onProgress'>): Promise<PageChunk[]> {
  return (await pdfExtractor()).readSharedPages(request.bytes, claims, {
    limits: request.limits,
    fileName: path.basename(request.file),
    ...control,
    ...(request.password === undefined ? {} : { password: request.password }),
  });
}
