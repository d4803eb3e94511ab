import { z } from 'zod';

export const NOTEBOOK_FORMAT = 'fieldbook-notebook';
export const NOTEBOOK_FORMAT_VERSION = 1;

export const NotebookName = z.string().trim().min(1, 'A notebook needs a name').max(200);

export const NotebookInfo = z.object({
  path: z.string(),
  name: NotebookName,
  formatVersion: z.number().int().positive(),
  createdAt: z.iso.datetime(),
});
export type NotebookInfo = z.infer<typeof NotebookInfo>;

export const RecentNotebook = z.object({ path: z.string(), name: z.string(), openedAt: z.iso.datetime() });
export type RecentNotebook = z.infer<typeof RecentNotebook>;
