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

/** The built segment's bytes (what is written to disk), or why it failed. */
export type FromBuildWorker = { id: number; bytes: Uint8Array } | { id: number; error: string };
