import { z } from 'zod';

/** The four kinds of record a researcher browses from the sidebar. */
export const LibraryCollection = z.enum(['documents', 'actors', 'events', 'notes']);
export type LibraryCollection = z.infer<typeof LibraryCollection>;

export const LibraryItem = z.object({
  id: z.string().min(1),
  title: z.string(),
  subtitle: z.string().optional(),
  /** A document's date of publication as its source gave it: the page shows it in the reader's own way. */
  publishedAt: z.string().optional(),
  updatedAt: z.iso.datetime(),
});
export type LibraryItem = z.infer<typeof LibraryItem>;

export const LibraryPage = z.object({
  items: z.array(LibraryItem),
  total: z.number().int().nonnegative(),
});
export type LibraryPage = z.infer<typeof LibraryPage>;

export const LibraryCounts = z.record(LibraryCollection, z.number().int().nonnegative());
export type LibraryCounts = z.infer<typeof LibraryCounts>;
