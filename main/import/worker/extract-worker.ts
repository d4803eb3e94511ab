// Entry point of an extraction worker thread: parsing (pdf.js, jsdom) runs
// here so the process that answers the UI never stalls on a large file.
import { parentPort } from 'node:worker_threads';
import { ApiError } from '../../../shared/api/errors';
import { extractFile, extractPages } from '../extract-file';
import type { FromWorker, ToWorker } from './messages';

const port = parentPort;
if (!port) throw new Error('extract-worker must run as a worker thread');
const running = new Map<number, AbortController>();
const delegations = new Map<number, (texts: string[] | undefined) => void>();
const post = (reply: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer);

function failure(id: number, error: unknown): FromWorker {
  const shape = error instanceof ApiError ? error.toShape() : { code: 'DAMAGED_FILE' as const, message: `Could not read the file: ${error instanceof Error ? error.message : String(error)}` };
  return { type: 'failed', id, error: shape };
}

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'cancel':
      running.get(message.id)?.abort();
      return;
    case 'delegated':
      delegations.get(message.id)?.(message.texts);
      delegations.delete(message.id);
      return;
    case 'pages': {
      const controller = new AbortController();
      running.set(message.id, controller);
      extractPages(message.request, message.span, controller.signal)
        .then(
          (texts) => post({ type: 'pages-done', id: message.id, texts }),
          (error: unknown) => post(failure(message.id, error)),
        )
        .finally(() => running.delete(message.id));
      return;
    }
    case 'extract': {
      const controller = new AbortController();
      running.set(message.id, controller);
      extractFile(message.request, {
        signal: controller.signal,
        onProgress: (done, total) => post({ type: 'progress', id: message.id, done, total }),
        delegatePages: (span) =>
          new Promise((resolve) => {
            delegations.set(message.id, resolve);
            post({ type: 'delegate', id: message.id, span });
          }).then((texts) => {
            // Declined (no free worker) reads the pages here; see extractPdf.
            if (!texts) throw new Error('declined');
            return texts as string[];
          }),
      })
        .then(
          (result) => post({ type: 'done', id: message.id, result }, result.assets.map((asset) => asset.bytes.buffer as ArrayBuffer)),
          (error: unknown) => post(failure(message.id, error)),
        )
        .finally(() => running.delete(message.id));
    }
  }
});
