// An extraction worker that starts, then dies on the first file it is given, as a parser crash would kill it.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', () => process.exit(3));
parentPort.postMessage({ type: 'ready' });
