// Entry point of an extraction worker thread: parsing (pdf.js, jsdom) runs
// here so the process that answers the UI never stalls on a large file.
import { parentPort } from 'node:worker_threads';
import { ApiError } from '../../../shared/api/errors';
import { extractFile } from '../extract-file';
import type { FromWorker, ToWorker } from './messages';

const port = parentPort;
if (!port) throw new Error('extract-worker must run as a worker thread');
const running = new Map<number, AbortController>();

port.on('message', (message: ToWorker) => {
  if (message.type === 'cancel') {
    running.get(message.id)?.abort();
    return;
  }
  const controller = new AbortController();
  running.set(message.id, controller);
  const post = (reply: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer);
  extractFile(message.request, { signal: controller.signal, onProgress: (done, total) => post({ type: 'progress', id: message.id, done, total }) })
    .then(
      (result) => post({ type: 'done', id: message.id, result }, result.assets.map((asset) => asset.bytes.buffer as ArrayBuffer)),
      (error: unknown) => {
        const shape = error instanceof ApiError ? error.toShape() : { code: 'DAMAGED_FILE' as const, message: `Could not read the file: ${error instanceof Error ? error.message : String(error)}` };
        post({ type: 'failed', id: message.id, error: shape });
      },
    )
    .finally(() => running.delete(message.id));
});
