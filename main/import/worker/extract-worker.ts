// Entry point of an extraction worker thread: parsing (pdf.js, jsdom) runs
// here so the process that answers the UI never stalls on a large file.
import { parentPort } from 'node:worker_threads';
import { ApiError } from '../../../shared/api/errors';
import { extractFile, extractSharedPages, preparePdfReader } from '../extract-file';
import type { PageChunk } from '../pdf/extract-pdf';
import type { FromWorker, ToWorker } from './messages';

const port = parentPort;
if (!port) throw new Error('extract-worker must run as a worker thread');
const running = new Map<number, AbortController>();
const shares = new Map<number, (chunks: PageChunk[] | undefined) => void>();
const post = (reply: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer);

function failure(id: number, error: unknown): FromWorker {
  const shape = error instanceof ApiError ? error.toShape() : { code: 'DAMAGED_FILE' as const, message: `Could not read the file: ${error instanceof Error ? error.message : String(error)}` };
  return { type: 'failed', id, error: shape };
}

/** Runs a job cancellable by its id, and posts its outcome (transferring `transfer` of a success). */
function runJob<T>(id: number, work: (signal: AbortSignal) => Promise<T>, reply: (result: T) => FromWorker, transfer: (result: T) => ArrayBuffer[] = () => []): void {
  const controller = new AbortController();
  running.set(id, controller);
  work(controller.signal)
    .then(
      (result) => post(reply(result), transfer(result)),
      (error: unknown) => post(failure(id, error)),
    )
    .finally(() => {
      running.delete(id);
      // An invitation nobody took is forgotten with its job.
      shares.delete(id);
    });
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'warm') {
    // A failure here will be met, and reported, by the PDF itself.
    preparePdfReader().catch(() => undefined);
    return;
  }
  const { id } = message;
  const onProgress = (done: number, total: number) => post({ type: 'progress', id, done, total });
  switch (message.type) {
    case 'cancel':
      running.get(id)?.abort();
      return;
    case 'shared':
      shares.get(id)?.(message.chunks);
      shares.delete(id);
      return;
    case 'pages':
      runJob(id, (signal) => extractSharedPages(message.request, message.claims, { signal, onProgress }), (chunks) => ({ type: 'pages-done', id, chunks }));
      return;
    case 'extract': {
      const sharePages = (claims: SharedArrayBuffer) =>
        new Promise<PageChunk[] | undefined>((resolve) => {
          shares.set(id, resolve);
          post({ type: 'share', id, claims });
        });
      runJob(
        id,
        (signal) => extractFile(message.request, { signal, onProgress, sharePages }),
        (result) => ({ type: 'done', id, result }),
        (result) => result.assets.map((asset) => asset.bytes.buffer as ArrayBuffer),
      );
    }
  }
});
