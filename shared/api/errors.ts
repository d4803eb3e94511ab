import { z } from 'zod';
import { ApiErrorCode, ApiErrorShape } from '../model/error-code';

// Part of the contract: every caller of the API meets them here.
export { ApiErrorCode, ApiErrorShape };

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
