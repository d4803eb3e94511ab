import type { ApiErrorShape } from '../../../shared/api/errors';
import type { ExtractedDocument } from '../extracted-document';
import type { ExtractRequest } from '../extract-file';
import type { PageChunk } from '../pdf/extract-pdf';

/** What the import pipeline and an extraction worker say to each other. */
export type ToWorker =
  | { type: 'extract'; id: number; request: ExtractRequest }
  /** Read pages of another worker's job alongside it, claiming them from `claims`. */
  | { type: 'pages'; id: number; request: ExtractRequest; claims: SharedArrayBuffer }
  /** The answer to this worker's `share`: the pages the other worker read, or nothing when none joined or it failed. */
  | { type: 'shared'; id: number; chunks?: PageChunk[] }
  | { type: 'cancel'; id: number }
  /** Load the PDF reader now: this worker may soon be asked to share a PDF. */
  | { type: 'warm' };

export type FromWorker =
  /** The worker's code has loaded: a worker that dies before saying so could not start, whatever file it was given. */
  | { type: 'ready' }
  | { type: 'progress'; id: number; done: number; total: number }
  /** Job `id` invites another worker to read its pages alongside. */
  | { type: 'share'; id: number; claims: SharedArrayBuffer }
  | { type: 'done'; id: number; result: ExtractedDocument }
  | { type: 'pages-done'; id: number; chunks: PageChunk[] }
  | { type: 'failed'; id: number; error: ApiErrorShape };
