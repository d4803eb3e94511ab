import { z } from 'zod';
import { AppInfo } from '../model/app';
import { LibraryCollection, LibraryCounts, LibraryPage } from '../model/library';
import { NotebookInfo } from '../model/notebook';
import { Settings } from '../model/settings';
import { TaskProgress } from '../model/task';

/**
 * The one list of calls the renderer can make. Both transports (Electron IPC
 * and the browser host's HTTP) carry exactly these; main validates the
 * arguments of every call against them, since the renderer is untrusted.
 */
const noArgs = z.object({}).strict();

export const methods = {
  'app.info': { args: noArgs, result: AppInfo },
  'notebook.current': { args: noArgs, result: NotebookInfo },
  'library.counts': { args: noArgs, result: LibraryCounts },
  'library.list': {
    args: z
      .object({
        collection: LibraryCollection,
        offset: z.number().int().nonnegative().default(0),
        limit: z.number().int().positive().max(1000).default(200),
      })
      .strict(),
    result: LibraryPage,
  },
  'settings.get': { args: noArgs, result: Settings },
  'settings.update': { args: Settings.partial().strict(), result: Settings },
  'tasks.list': { args: noArgs, result: z.array(TaskProgress) },
  'tasks.cancel': { args: z.object({ taskId: z.string().min(1) }).strict(), result: z.object({ cancelled: z.boolean() }) },
} as const satisfies Record<string, { args: z.ZodType; result: z.ZodType }>;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodArgs<M extends MethodName> = z.input<Methods[M]['args']>;
export type ParsedArgs<M extends MethodName> = z.output<Methods[M]['args']>;
export type MethodResult<M extends MethodName> = z.output<Methods[M]['result']>;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}

/** Commands the host's own chrome (the Electron menu) asks the UI to carry out. */
export const AppCommand = z.enum(['focus-search', 'show-documents', 'show-actors', 'show-events', 'show-notes']);
export type AppCommand = z.infer<typeof AppCommand>;

/** Everything main pushes to the renderer unasked. */
export const events = {
  'task.progress': TaskProgress,
  'settings.changed': Settings,
  'notebook.changed': NotebookInfo,
  'app.command': z.object({ command: AppCommand }),
} as const satisfies Record<string, z.ZodType>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const EventEnvelope = z.object({ event: z.string(), payload: z.unknown() });
export type EventEnvelope = z.infer<typeof EventEnvelope>;

/** What a renderer holds, whichever transport is underneath. */
export interface FieldbookApi {
  call<M extends MethodName>(method: M, args: MethodArgs<M>): Promise<MethodResult<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
