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
  if (error instanceof ApiError) return { type: 'failed', id, error: error.toShape() };
  const message = error instanceof Error ? error.message : String(error);
  // A reader loaded on first use (pdf.js) that is missing fails every file of its kind: the installation is at fault, not the file.
  if ((error as NodeJS.ErrnoException | null)?.code === 'ERR_MODULE_NOT_FOUND') return { type: 'failed', id, error: { code: 'WORKER_FAILED', message: `The import worker could not load its code: ${message}` } };
  return { type: 'failed', id, error: { code: 'DAMAGED_FILE', message: `Could not read the file: ${message}` } };
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

// Every import above has loaded by now (imports are evaluated before this module's body).
post({ type: 'ready' });
