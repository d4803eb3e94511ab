import type { EntrySource } from '../entry-meta';

/**
 * What the index and its build worker say to each other. A build's entries
 * come in parts, the last one saying so: copying twenty thousand passages to
 * the worker in one message would hold the main thread for a tenth of a
 * second, and a search typed meanwhile with it.
 */
export interface ToBuildWorker {
  id: number;
  sources: EntrySource[];
  last: boolean;
}

/**
 * The worker's code has loaded (one that dies before saying so could not start);
 * then each build's segment bytes (what is written to disk), or why it failed.
 */
export type FromBuildWorker = { type: 'ready' } | { type: 'built'; id: number; bytes: Uint8Array } | { type: 'failed'; id: number; error: string };
