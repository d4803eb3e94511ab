import path from 'node:path';
import { ApiError } from '../../shared/api/errors';
import { decodeText } from './decode-text';
import type { ExtractedDocument, ImportLimits } from './extracted-document';
import type { ImportKind } from './file-kind';
import { extractHtml } from './html/extract-html';
import { extractMarkdown } from './markdown/extract-markdown';
import { extractPdf } from './pdf/extract-pdf';
import { readSavedPageResource } from './saved-page-resources';
import { extractText } from './text/extract-text';

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
}

/** One file's extraction, by kind. Runs in an extraction worker; plain Node, so tests call it directly. */
export async function extractFile(request: ExtractRequest, control: ExtractControl = {}): Promise<ExtractedDocument> {
  const fileName = path.basename(request.file);
  switch (request.kind) {
    case 'pdf':
      return extractPdf(request.bytes, {
        limits: request.limits,
        fileName,
        ...(request.password === undefined ? {} : { password: request.password }),
        ...(control.signal ? { signal: control.signal } : {}),
        ...(control.onProgress ? { onProgress: control.onProgress } : {}),
      });
    case 'html':
      return extractHtml({
        html: decodeText(request.bytes, fileName, true),
        fileName,
        readResource: (relative) => readSavedPageResource(request.file, relative, request.limits),
        limits: request.limits,
      });
    case 'markdown':
      return extractMarkdown({ source: decodeText(request.bytes, fileName, false), fileName, limits: request.limits });
    case 'text':
      return extractText(decodeText(request.bytes, fileName, false));
    default:
      throw new ApiError('UNSUPPORTED_FILE', `Cannot import “${fileName}”.`);
  }
}
