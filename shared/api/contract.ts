import { z } from 'zod';
import { AppInfo } from '../model/app';
import { ImportSummary } from '../model/import';
import { LibraryCollection, LibraryCounts, LibraryPage } from '../model/library';
import { NotebookInfo, NotebookName, RecentNotebook } from '../model/notebook';
import {
  ActorCreate,
  ActorPatch,
  ActorRecord,
  DocumentCreate,
  DocumentPatch,
  DocumentRecord,
  EventCreate,
  EventPatch,
  EventRecord,
  HighlightCreate,
  HighlightPatch,
  HighlightRecord,
  NoteCreate,
  NotePatch,
  NoteRecord,
  RecordId,
  RecordType,
  TagCreate,
  TagPatch,
  TagRecord,
} from '../model/records';
import { Settings } from '../model/settings';
import { TaskProgress } from '../model/task';

/**
 * The one list of calls the renderer can make. Both transports (Electron IPC
 * and the browser host's HTTP) carry exactly these; main validates the
 * arguments of every call against them, since the renderer is untrusted.
 */
const noArgs = z.object({}).strict();
const byId = z.object({ id: RecordId }).strict();
const listArgs = z.object({ includeDeleted: z.boolean().default(false) }).strict();
/** Passwords for encrypted PDFs, by the file's path (as given, or relative to the uploaded batch). */
const importPasswords = z.record(z.string().min(1).max(4096), z.string().min(1).max(1024)).refine((passwords) => Object.keys(passwords).length <= 1000, 'At most 1,000 passwords');

/** list, create, update and delete (a tombstone) for one kind of record. */
function crud<P extends string, R extends z.ZodType, C extends z.ZodType, U extends z.ZodType, L extends z.ZodType = typeof listArgs>(prefix: P, record: R, create: C, patch: U, list?: L) {
  const update = z.object({ id: RecordId, patch }).strict();
  // Computed keys lose their literal types in TypeScript; the assertion restores exactly the four names built here.
  return {
    [`${prefix}.list`]: { args: list ?? listArgs, result: z.array(record) },
    [`${prefix}.create`]: { args: create, result: record },
    [`${prefix}.update`]: { args: update, result: record },
    [`${prefix}.delete`]: { args: byId, result: record },
  } as { [K in `${P}.list`]: { args: L; result: z.ZodArray<R> } } & { [K in `${P}.create`]: { args: C; result: R } } & {
    [K in `${P}.update`]: { args: typeof update; result: R };
  } & { [K in `${P}.delete`]: { args: typeof byId; result: R } };
}

export const methods = {
  'app.info': { args: noArgs, result: AppInfo },
  'notebook.current': { args: noArgs, result: NotebookInfo },
  'notebook.recent': { args: noArgs, result: z.array(RecentNotebook) },
  'notebook.open': { args: z.object({ path: z.string().min(1).max(4096) }).strict(), result: NotebookInfo },
  'notebook.create': { args: z.object({ path: z.string().min(1).max(4096), name: NotebookName.optional() }).strict(), result: NotebookInfo },
  'notebook.rename': { args: z.object({ name: NotebookName }).strict(), result: NotebookInfo },
  'notebook.problems': { args: noArgs, result: z.array(z.object({ file: z.string(), id: z.string().optional(), problem: z.string() })) },
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
  ...crud('documents', DocumentRecord, DocumentCreate, DocumentPatch),
  ...crud('highlights', HighlightRecord, HighlightCreate, HighlightPatch, listArgs.extend({ documentId: RecordId.optional() }).strict()),
  ...crud('actors', ActorRecord, ActorCreate, ActorPatch),
  ...crud('events', EventRecord, EventCreate, EventPatch),
  ...crud('notes', NoteRecord, NoteCreate, NotePatch),
  ...crud('tags', TagRecord, TagCreate, TagPatch),
  /** Import files and folders by path (command line, Electron's dialog), or a batch the UI uploaded. Progress arrives as task.progress, the summary as import.finished. */
  'import.start': {
    args: z.union([
      z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(10_000), passwords: importPasswords.optional() }).strict(),
      z.object({ batch: RecordId, passwords: importPasswords.optional() }).strict(),
    ]),
    result: z.object({ taskId: z.string() }),
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
  'records.changed': z.object({ type: RecordType, ids: z.array(RecordId) }),
  'app.command': z.object({ command: AppCommand }),
  'import.finished': z.object({ taskId: z.string(), summary: ImportSummary }),
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
  /** Hand a file to main for import (see FieldbookBridge.upload); throws an ApiError when refused. */
  upload(batch: string, relativePath: string, data: Blob): Promise<void>;
}
