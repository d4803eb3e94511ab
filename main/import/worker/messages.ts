import type { ApiErrorShape } from '../../../shared/api/errors';
import type { ExtractedDocument } from '../extracted-document';
import type { ExtractRequest } from '../extract-file';

/** What the import pipeline and an extraction worker say to each other. */
export type ToWorker = { type: 'extract'; id: number; request: ExtractRequest } | { type: 'cancel'; id: number };

export type FromWorker =
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'done'; id: number; result: ExtractedDocument }
  | { type: 'failed'; id: number; error: ApiErrorShape };
