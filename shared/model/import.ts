import { z } from 'zod';
import { ApiErrorCode, ApiErrorShape } from './error-code';
import { RecordId } from './records';

export const ImportFileResult = z.object({
  path: z.string(),
  status: z.enum(['imported', 'duplicate', 'failed']),
  documentId: z.string().optional(),
  title: z.string().optional(),
  /** Why a file failed or was a duplicate, for a person to read. */
  reason: z.string().optional(),
  /** Why a file failed, for the UI to act on (a password-protected PDF gets a password field). */
  code: ApiErrorCode.optional(),
  notices: z.array(z.string()).optional(),
  /** A file main imported by path (a menu, not the page) that a password could open: the page asks for import.retry with this, since it may not name paths. */
  retryId: RecordId.optional(),
});
export type ImportFileResult = z.infer<typeof ImportFileResult>;

export const ImportSummary = z.object({
  results: z.array(ImportFileResult),
  imported: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  cancelled: z.boolean(),
  /** Files not reached because the import was cancelled or stopped, by path: what to import again. */
  notReached: z.array(z.string()),
  /** Why the import stopped short with no file to blame (its workers could not start): said once, not for each file. */
  error: ApiErrorShape.optional(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;
