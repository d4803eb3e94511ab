import type { EntrySource } from '../entry-meta';

/** What the index and its build worker say to each other. */
export interface ToBuildWorker {
  id: number;
  sources: EntrySource[];
}

/** The built segment's bytes (what is written to disk), or why it failed. */
export type FromBuildWorker = { id: number; bytes: Uint8Array } | { id: number; error: string };
