import { ApiError } from '../../../shared/api/errors';
import type { ImportLimits } from '../extracted-document';

/** How much of the start of a file is inspected for binary content. */
const SAMPLE_LENGTH = 64 * 1024;
/** Above this share of control characters or U+FFFD in the sample, the file is not text. */
const MAX_SUSPICIOUS_SHARE = 0.05;
/** …and there must be at least this many, so one stray character in a tiny file is forgiven. */
const MIN_SUSPICIOUS_COUNT = 8;

/** C0 controls other than tab, line feed, form feed and carriage return; DEL; U+FFFD from undecodable bytes. */
const SUSPICIOUS = /[\u0001-\u0008\u000b\u000e-\u001f\u007f\ufffd]/g;

/**
 * Refuses what cannot be a web page or Markdown: over the size limit, or
 * binary (a PDF or image renamed .html, a UTF-16 file decoded as UTF-8).
 * A NUL never occurs in real text, and parsers would silently drop or
 * replace it, so one is enough.
 */
export function assertImportableText(text: string, fileName: string, limits: ImportLimits): void {
  if (Buffer.byteLength(text, 'utf8') > limits.maxFileBytes) {
    throw new ApiError('FILE_TOO_LARGE', `${fileName} is larger than the import limit of ${limits.maxFileBytes} bytes.`);
  }
  if (text.includes('\u0000')) {
    throw new ApiError('UNSUPPORTED_FILE', `${fileName} is not a text file (it contains binary data).`);
  }
  const sample = text.slice(0, SAMPLE_LENGTH);
  const suspicious = sample.match(SUSPICIOUS)?.length ?? 0;
  if (suspicious >= MIN_SUSPICIOUS_COUNT && suspicious / sample.length > MAX_SUSPICIOUS_SHARE) {
    throw new ApiError('UNSUPPORTED_FILE', `${fileName} is not a text file (it contains binary data).`);
  }
}
