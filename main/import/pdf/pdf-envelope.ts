import { ApiError } from '../../../shared/api/errors';
import type { FileLabel } from './pdf-errors';

// Readers accept the header anywhere in the first 1,024 bytes and the end
// marker anywhere in the last 1,024 (ISO 32000-1, annex H), so these are the
// windows to search.
const WINDOW = 1024;
const HEADER = Buffer.from('%PDF-', 'latin1');
const END_MARKER = Buffer.from('%%EOF', 'latin1');

function contains(bytes: Uint8Array, needle: Buffer, from: number, to: number): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).includes(needle);
}

/**
 * Cheap checks before pdf.js sees the file. pdf.js repairs what it can, and
 * from a file cut short (an interrupted download or copy) it would recover
 * whichever pages survived: we want the user to know the file is
 * incomplete rather than import part of it.
 */
export function checkPdfEnvelope(bytes: Uint8Array, label: FileLabel): void {
  if (!contains(bytes, HEADER, 0, Math.min(bytes.length, WINDOW))) {
    throw new ApiError('DAMAGED_FILE', `${label.file} is not a PDF (it has no PDF header).`);
  }
  if (!contains(bytes, END_MARKER, Math.max(0, bytes.length - WINDOW), bytes.length)) {
    throw new ApiError('DAMAGED_FILE', `${label.subject} is incomplete: it stops before the end of the PDF (was a download or copy interrupted?).`);
  }
}
