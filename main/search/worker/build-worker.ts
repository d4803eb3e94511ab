// Entry point of the index-building worker thread: analysing text and building
// lunr indexes is CPU-bound, so it runs here, never where the UI is answered.
import { parentPort } from 'node:worker_threads';
import { buildSegment } from '../segment';
import type { FromBuildWorker, ToBuildWorker } from './messages';

const port = parentPort;
if (!port) throw new Error('build-worker must run as a worker thread');

port.on('message', (message: ToBuildWorker) => {
  let bytes: Uint8Array;
  try {
    bytes = buildSegment(message.sources);
  } catch (error) {
    port.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) } satisfies FromBuildWorker);
    return;
  }
  // Handed over, not copied: a big segment is tens of megabytes.
  port.postMessage({ id: message.id, bytes } satisfies FromBuildWorker, [bytes.buffer as ArrayBuffer]);
});
