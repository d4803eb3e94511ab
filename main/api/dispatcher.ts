import type { Readable } from 'node:stream';
import type { z } from 'zod';
import { isMethodName, methods, type MethodName, type MethodResult, type ParsedArgs } from '../../shared/api/contract';
import { ApiError, type ResponseEnvelope } from '../../shared/api/errors';

export type Handlers = {
  [M in MethodName]: (args: ParsedArgs<M>) => Promise<MethodResult<M>> | MethodResult<M>;
};

export type Dispatch = (method: unknown, args: unknown) => Promise<ResponseEnvelope>;

/** Files handed over for import travel outside the JSON contract, as bytes or a stream, to the same checks. */
export type Upload = (batch: string, relativePath: string, content: Readable | Uint8Array) => Promise<ResponseEnvelope>;

/** Answer an upload with the same envelope as a call, whatever goes wrong. */
export function createUploader(save: (batch: string, relativePath: string, content: Readable | Uint8Array) => Promise<void>): Upload {
  return async (batch, relativePath, content) => {
    try {
      await save(batch, relativePath, content);
      return { ok: true, result: { batch } };
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, error: error.toShape() };
      return { ok: false, error: { code: 'INTERNAL', message: `Could not keep the uploaded file: ${error instanceof Error ? error.message : String(error)}` } };
    }
  };
}

/**
 * Turns an untrusted (method, args) pair from any transport into an envelope.
 * It never throws: a malformed call, a failing service or a result that breaks
 * the contract each become a typed error, and internal details stay in main.
 */
export function createDispatcher(handlers: Handlers, log: (message: string, error: unknown) => void = console.error): Dispatch {
  return async (method, args) => {
    try {
      if (!isMethodName(method)) {
        const name = typeof method === 'string' ? `"${method.slice(0, 80)}"` : `a ${typeof method}`;
        throw new ApiError('UNKNOWN_METHOD', `There is no API call named ${name}.`);
      }
      const contract = methods[method];
      const parsed = contract.args.safeParse(args ?? {});
      if (!parsed.success) throw badArguments(method, parsed.error);
      const handler = handlers[method] as (args: unknown) => unknown;
      const result = contract.result.safeParse(await handler(parsed.data));
      if (!result.success) {
        log(`Result of ${method} breaks the contract`, result.error);
        throw new ApiError('INTERNAL', `Fieldbook produced an invalid answer to ${method}; this is a bug.`);
      }
      return { ok: true, result: result.data };
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, error: error.toShape() };
      log(`Call ${String(method)} failed`, error);
      return { ok: false, error: { code: 'INTERNAL', message: `Something went wrong in ${String(method)}: ${error instanceof Error ? error.message : String(error)}` } };
    }
  };
}

function badArguments(method: string, error: z.ZodError): ApiError {
  const details = error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(arguments)', message: issue.message }));
  const summary = details.map((detail) => `${detail.path}: ${detail.message}`).join('; ');
  return new ApiError('BAD_REQUEST', `Invalid arguments for ${method}: ${summary}`, details);
}
