// An extraction worker that starts and then never answers, as one deep in a long file would not.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', () => undefined);
parentPort.postMessage({ type: 'ready' });
