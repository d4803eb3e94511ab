import type { EntrySource } from '../segment';

/** What the index and its build worker say to each other. */
export interface ToBuildWorker {
  id: number;
  sources: EntrySource[];
}

/** The built segment as JSON (what is written to disk), or why it failed. */
export type FromBuildWorker = { id: number; json: string } | { id: number; error: string };
