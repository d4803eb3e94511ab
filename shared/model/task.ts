import { z } from 'zod';

export const TaskState = z.enum(['running', 'done', 'failed', 'cancelled']);
export type TaskState = z.infer<typeof TaskState>;

/** A long piece of work in main (an import, an index build) as the UI sees it. */
export const TaskProgress = z.object({
  taskId: z.string().min(1),
  kind: z.string().min(1),
  label: z.string(),
  state: TaskState,
  done: z.number().nonnegative(),
  /** Unknown until the work has been sized. */
  total: z.number().nonnegative().nullable(),
  message: z.string().optional(),
});
export type TaskProgress = z.infer<typeof TaskProgress>;
