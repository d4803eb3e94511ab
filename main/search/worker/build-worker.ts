// Entry point of the index-building worker thread: analysing text and building
// lunr indexes is CPU-bound, so it runs here, never where the UI is answered.
import { parentPort } from 'node:worker_threads';
import type { EntrySource } from '../entry-meta';
import { buildSegment } from '../segment';
import type { FromBuildWorker, ToBuildWorker } from './messages';

const port = parentPort;
if (!port) throw new Error('build-worker must run as a worker thread');

/** Entries received so far, by build. */
const received = new Map<number, EntrySource[]>();

port.on('message', (message: ToBuildWorker) => {
  const sources = received.get(message.id) ?? [];
  sources.push(...message.sources);
  if (!message.last) {
    received.set(message.id, sources);
    return;
  }
  received.delete(message.id);
  let bytes: Uint8Array;
  try {
    bytes = buildSegment(sources);
  } catch (error) {
    port.postMessage({ type: 'failed', id: message.id, error: error instanceof Error ? error.message : String(error) } satisfies FromBuildWorker);
    return;
  }
  // Handed over, not copied: a big segment is tens of megabytes.
  port.postMessage({ type: 'built', id: message.id, bytes } satisfies FromBuildWorker, [bytes.buffer as ArrayBuffer]);
});

// Every import above has loaded by now (imports are evaluated before this module's body).
port.postMessage({ type: 'ready' } satisfies FromBuildWorker);
