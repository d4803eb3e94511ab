import { z } from 'zod';

/**
 * Every failure that crosses the API carries one of these codes, so the UI and
 * scripts can react to the kind of failure and show the message to a person.
 */
export const ApiErrorCode = z.enum([
  'BAD_REQUEST', // the call or its arguments do not match the contract
  'UNKNOWN_METHOD',
  'UNAUTHORIZED', // missing or wrong browser-host token
  'FORBIDDEN', // wrong Host, Origin or sender frame
  'NOT_FOUND',
  'CONFLICT',
  'NOTEBOOK_LOCKED',
  'NOTEBOOK_INVALID',
  'NO_NOTEBOOK', // no notebook is open (the one at start could not be): choose one first
  'UNAVAILABLE', // this host cannot do it (the browser host has no folder dialog); the message says what to do instead
  'CANCELLED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_FILE', // not a kind of file Fieldbook imports
  'FILE_TOO_LARGE', // over a configured import limit (size, pages, nesting)
  'PASSWORD_REQUIRED', // an encrypted PDF and no password given; the message says so
  'PASSWORD_INCORRECT', // an encrypted PDF and the password given does not open it
  'DAMAGED_FILE', // truncated or malformed: nothing was imported
  'WORKER_FAILED', // a worker thread could not start (its code failed to load): no file is to blame
  'INTERNAL',
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;

export const ApiErrorShape = z.object({
  code: ApiErrorCode,
  message: z.string(),
  /** Which argument was wrong, when the contract can say. */
  details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiErrorShape = z.infer<typeof ApiErrorShape>;

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly details: ApiErrorShape['details'];

  constructor(code: ApiErrorCode, message: string, details?: ApiErrorShape['details']) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }

  toShape(): ApiErrorShape {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }

  static fromShape(shape: ApiErrorShape): ApiError {
    return new ApiError(shape.code, shape.message, shape.details);
  }
}

/** What every transport (IPC, HTTP) answers to a call. */
export const ResponseEnvelope = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: ApiErrorShape }),
]);
export type ResponseEnvelope = z.infer<typeof ResponseEnvelope>;
