import path from 'node:path';
import { ApiError } from '../../shared/api/errors';
import { importExtensions } from '../../shared/model/import-formats';
import type { DocumentRecord } from '../../shared/model/records';

export type ImportKind = DocumentRecord['kind'];

/** Formats a maintained pure-JS reader does not cover, with what to do instead. */
const convertFirst: Readonly<Record<string, string>> = {
  '.doc': 'an old Word document (.doc)',
  '.odt': 'an OpenDocument text (.odt)',
};

/** Why a file of a format Fieldbook cannot read (.doc, .odt) is not imported, and what to do; undefined for others. */
export function conversionAdvice(file: string): string | undefined {
  const legacy = convertFirst[path.extname(file).toLowerCase()];
  return legacy === undefined ? undefined : `“${path.basename(file)}” is ${legacy}, which Fieldbook cannot read: save it as a Word document (.docx) or PDF first.`;
}

export function isImportable(file: string): boolean {
  return path.extname(file).toLowerCase() in importExtensions;
}

/**
 * What kind of file this is. The bytes outrank the name: a PDF saved as
 * ".txt" is a PDF, and a file named ".pdf" that is not one is refused here
 * rather than half-parsed.
 */
export function detectKind(file: string, head: Uint8Array): ImportKind {
  const isPdf = Buffer.from(head.subarray(0, 1024)).includes('%PDF-');
  const named = importExtensions[path.extname(file).toLowerCase()];
  if (isPdf) return 'pdf';
  const advice = conversionAdvice(file);
  if (advice !== undefined) throw new ApiError('UNSUPPORTED_FILE', advice);
  if (named === 'pdf') throw new ApiError('DAMAGED_FILE', `“${path.basename(file)}” is named like a PDF but is not one.`);
  if (!named) throw new ApiError('UNSUPPORTED_FILE', `“${path.basename(file)}” is not a kind of file Fieldbook imports (PDF, web page, Word document, EPUB, PNG or JPEG image, Markdown or text).`);
  return named;
}
