import type { ApiErrorShape } from '../../../shared/api/errors';
import type { ExtractedDocument } from '../extracted-document';
import type { ExtractRequest } from '../extract-file';
import type { PageSpan } from '../pdf/extract-pdf';

/** What the import pipeline and an extraction worker say to each other. */
export type ToWorker =
  | { type: 'extract'; id: number; request: ExtractRequest }
  /** Read these pages for another worker's job. */
  | { type: 'pages'; id: number; request: ExtractRequest; span: PageSpan }
  /** The answer to this worker's `delegate`: the texts, or nothing when no worker was free or it failed. */
  | { type: 'delegated'; id: number; texts?: string[]; error?: ApiErrorShape }
  | { type: 'cancel'; id: number };

export type FromWorker =
  | { type: 'progress'; id: number; done: number; total: number }
  /** Job `id` offers pages to another worker. */
  | { type: 'delegate'; id: number; span: PageSpan }
  | { type: 'done'; id: number; result: ExtractedDocument }
  | { type: 'pages-done'; id: number; texts: string[] }
  | { type: 'failed'; id: number; error: ApiErrorShape };
