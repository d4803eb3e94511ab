import { ApiError } from '../../../shared/api/errors';

/** How messages name the file: by its name when the caller gave one. */
export interface FileLabel {
  /** Sentence start: “report.pdf” / This PDF. */
  subject: string;
  /** Mid-sentence: “report.pdf” / this PDF. */
  object: string;
  /** Sentence start, before we know it is a PDF: “report.pdf” / This file. */
  file: string;
}

export function fileLabel(fileName?: string): FileLabel {
  if (!fileName) return { subject: 'This PDF', object: 'this PDF', file: 'This file' };
  const quoted = `“${fileName}”`;
  return { subject: quoted, object: quoted, file: quoted };
}

// pdf.js's PasswordResponses: why it wants a password.
const INCORRECT_PASSWORD = 2;

function errorName(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && typeof (error as { name?: unknown }).name === 'string' ? (error as { name: string }).name : undefined;
}

function reason(error: unknown): string {
  const message = error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error) ? String((error as { message: unknown }).message) : String(error);
  return message.trim().replace(/\.$/, '') || 'unknown error';
}

export function cancelledError(): ApiError {
  return new ApiError('CANCELLED', 'The import was cancelled.');
}

/**
 * Any failure while pdf.js reads the file, as the error the user sees.
 * pdf.js reports damage with several error types (and, through its message
 * port, as UnknownErrorException), so everything that is not a password
 * problem is a damaged file, with pdf.js's reason attached for support.
 */
export function pdfjsFailure(error: unknown, label: FileLabel): ApiError {
  if (error instanceof ApiError) return error;
  if (errorName(error) === 'PasswordException') {
    const code = (error as { code?: unknown }).code;
    return code === INCORRECT_PASSWORD
      ? new ApiError('PASSWORD_INCORRECT', `The password for ${label.object} is wrong.`)
      : new ApiError('PASSWORD_REQUIRED', `${label.subject} is password protected.`);
  }
  return new ApiError('DAMAGED_FILE', `${label.subject} is damaged and could not be read (${reason(error)}).`);
}
