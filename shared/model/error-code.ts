import { z } from 'zod';

/**
 * Every failure that crosses the API carries one of these codes, so the UI and
 * scripts can react to the kind of failure and show the message to a person.
 * They live in the model, not the API, because records keep them too (an
 * import's per-file outcome, a notebook that could not open), and the API
 * is built on the model, never the other way round.
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
