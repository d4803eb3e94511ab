import { z } from 'zod';
import { ApiErrorCode } from './error-code';

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

/** How the user's data folder remembers a notebook it opened. */
export const RecentNotebook = z.object({ path: z.string(), name: z.string(), openedAt: z.iso.datetime() });
export type RecentNotebook = z.infer<typeof RecentNotebook>;

/**
 * The page names a notebook by a handle main gave it, never by its path: the
 * renderer is untrusted, and a path from it could open any folder on the disk.
 */
export const NotebookHandle = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'Not a notebook handle');

/** A recent notebook as the page sees it: its path is there to be shown, its id to open it. */
export const RecentNotebookEntry = RecentNotebook.extend({ id: NotebookHandle });
export type RecentNotebookEntry = z.infer<typeof RecentNotebookEntry>;

/** Why no notebook is open: the one Fieldbook tried at start (locked elsewhere, damaged, newer), what went wrong, and its id to try it again (notebook.open). */
export const NotebookProblem = z.object({ path: z.string().optional(), id: NotebookHandle.optional(), code: ApiErrorCode, message: z.string() });
export type NotebookProblem = z.infer<typeof NotebookProblem>;

/** The app can run with no notebook open, when the one it would open cannot be: the UI then shows the notebook chooser with the reason. */
export const NotebookState = z.discriminatedUnion('open', [
  z.object({ open: z.literal(true), notebook: NotebookInfo }),
  z.object({ open: z.literal(false), problem: NotebookProblem }),
]);
export type NotebookState = z.infer<typeof NotebookState>;
