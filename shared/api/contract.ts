import { z } from 'zod';
import { EventTypeList } from '../timeline/event-types';
import { ConflictChoice, ConflictKey, OpenConflict } from '../exchange/conflicts';
import { MergeReport } from '../exchange/merge-report';
import { AnnotationExportArgs, Download, DownloadOutcome, ExportArgs, ExportOutcome, MergeArgs } from '../exchange/transfer';
import { ActorMerge } from '../actors/merge';
import { MentionList, MentionTagResult, MentionTarget } from '../actors/mentions';
import { ActorNetwork, ActorProfile, EventEvidence, NetworkFilter, TimelineEntry } from '../actors/view-models';
import { AppInfo } from '../model/app';
import { DocumentStructure } from '../model/document-structure';
import { HighlightPage, HighlightPageArgs } from '../model/highlight-page';
import { ImportSummary } from '../model/import';
import { LibraryCollection, LibraryCounts, LibraryPage } from '../model/library';
import { NotebookHandle, NotebookInfo, NotebookName, NotebookState, RecentNotebookEntry } from '../model/notebook';
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
  NoteAttachment,
  NoteCreate,
  NotePatch,
  NoteRecord,
  RecordId,
  RecordType,
  Sha256,
  TagCreate,
  TagPatch,
  TagRecord,
} from '../model/records';
import { Settings } from '../model/settings';
import { Backlink } from '../notes/backlinks';
import { LinkCandidate } from '../notes/link-candidates';
import { LinkRefSchema, ResolvedLink } from '../notes/link-resolution';
import { SearchArgs, SearchResult, SearchStatus } from '../search/results';
import { TaskProgress } from '../model/task';

/**
 * The one list of calls the renderer can make. Both transports (Electron IPC
 * and the browser host's HTTP) carry exactly these; main validates the
 * arguments of every call against them, since the renderer is untrusted.
 */
const noArgs = z.object({}).strict();
const byId = z.object({ id: RecordId }).strict();
const listArgs = z.object({ includeDeleted: z.boolean().default(false) }).strict();
/** Passwords for encrypted PDFs, by the file's path inside the uploaded batch (a name to match, never read as a path on disk). */
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
  /** The open notebook, or why none is (the chooser is shown instead of the app). */
  'notebook.current': { args: noArgs, result: NotebookState },
  /*
   * No call takes a path from the page (tests/unit/main/api/no-paths.test.ts
   * checks every one): notebooks are named by handles main gave out, new ones
   * go where main puts them, and any other folder is chosen in main's own dialog.
   */
  'notebook.recent': { args: noArgs, result: z.array(RecentNotebookEntry) },
  /** A recent notebook, or the one that could not be opened at start, by the id main gave it. */
  'notebook.open': { args: z.object({ id: NotebookHandle }).strict(), result: NotebookInfo },
  /** A new notebook in the user's data folder (notebooks/), in a folder named after it. */
  'notebook.create': { args: z.object({ name: NotebookName }).strict(), result: NotebookInfo },
  /** Open (or create in) a folder the person chooses in the host's dialog; null when they cancel. UNAVAILABLE where the host has none (app.info says). */
  'notebook.chooseFolder': { args: z.object({ create: z.boolean().default(false) }).strict(), result: NotebookInfo.nullable() },
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
  /** The reader's content: canonical text, structure (paragraphs when the import kept none) and, for web pages and Markdown, the sanitised HTML. */
  'documents.get': { args: byId, result: DocumentRecord },
  'documents.content': { args: byId, result: z.object({ text: z.string(), structure: DocumentStructure, html: z.string().optional() }) },
  /** One of a document's own blobs (original file, saved-page image), base64 so both transports carry it as JSON. */
  'documents.blob': { args: z.object({ id: RecordId, sha256: Sha256 }).strict(), result: z.object({ mediaType: z.string(), base64: z.string() }) },
  'highlights.restore': { args: byId, result: HighlightRecord },
  /** The all-highlights view: one filtered page, reading only the documents that page needs. */
  'highlights.page': { args: HighlightPageArgs, result: HighlightPage },
  ...crud('actors', ActorRecord, ActorCreate, ActorPatch),
  ...crud('events', EventRecord, EventCreate, EventPatch),
  /** Fold the loser into the survivor: names, links, tagged passages, event roles and notes move; the loser becomes a tombstone. */
  'actors.merge': { args: z.object({ survivorId: RecordId, loserId: RecordId }).strict(), result: ActorMerge },
  /** Undo a merge: what it changed goes back (see main/actors/actor-merge.ts for edits made since). */
  'actors.unmerge': { args: z.object({ mergeId: RecordId }).strict(), result: ActorMerge },
  'actors.merges': { args: noArgs, result: z.array(ActorMerge) },
  'actors.profile': { args: byId, result: ActorProfile },
  'actors.network': { args: NetworkFilter, result: ActorNetwork },
  /** Actors' names and aliases found in documents and not yet tagged with them. */
  'mentions.find': { args: z.object({ actorId: RecordId.optional(), limit: z.number().int().positive().max(10_000).default(2000) }).strict(), result: MentionList },
  /** Tag mentions: each range becomes a highlight tagged with its actor. */
  'mentions.tag': { args: z.object({ mentions: z.array(MentionTarget).min(1).max(10_000) }).strict(), result: MentionTagResult },
  /** One event, deleted or not (an event page shows a deleted one until it is left, with undo). */
  'events.get': { args: byId, result: EventRecord },
  'events.restore': { args: byId, result: EventRecord },
  'events.timeline': { args: noArgs, result: z.array(TimelineEntry) },
  'events.evidence': { args: byId, result: EventEvidence },
  /** The notebook's editable list of event types (ACLED-like until edited). */
  'events.types': { args: noArgs, result: EventTypeList },
  'events.setTypes': { args: z.object({ types: EventTypeList }).strict(), result: EventTypeList },
  ...crud('notes', NoteRecord, NoteCreate, NotePatch),
  'notes.get': { args: byId, result: NoteRecord },
  /** The notes that link to a record (link syntax: shared/notes/link-syntax.ts). */
  'notes.backlinks': { args: LinkRefSchema, result: z.array(Backlink) },
  /** The notes that belong to a document, actor or event. */
  'notes.attached': { args: NoteAttachment.strict(), result: z.array(NoteRecord) },
  /** Link targets by their current names, so a rename shows everywhere it is linked. */
  'notes.resolve': { args: z.object({ links: z.array(LinkRefSchema).max(10_000) }).strict(), result: z.array(ResolvedLink) },
  /** What the editor offers after `[[`: every actor, event, document, highlight and note with the names it is found by. */
  'notes.linkCandidates': { args: noArgs, result: z.array(LinkCandidate) },
  ...crud('tags', TagRecord, TagCreate, TagPatch),
  /** Import a batch the UI uploaded (files by path are imported by main itself: menu, command line). Progress arrives as task.progress, the summary as import.finished. */
  'import.start': { args: z.object({ batch: RecordId, passwords: importPasswords.optional() }).strict(), result: z.object({ taskId: z.string() }) },
  /** Import again, with its password, a file main imported by path, by the retryId its result carried. */
  'import.retry': { args: z.object({ retryId: RecordId, password: z.string().min(1).max(1024) }).strict(), result: z.object({ taskId: z.string() }) },
  'settings.get': { args: noArgs, result: Settings },
  'settings.update': { args: Settings.partial().strict(), result: Settings },
  'tasks.list': { args: noArgs, result: z.array(TaskProgress) },
  'tasks.cancel': { args: z.object({ taskId: z.string().min(1) }).strict(), result: z.object({ cancelled: z.boolean() }) },
  /** Search documents (by passage), highlights, notes, actors and events; query syntax in shared/search/query-syntax.ts. */
  'search.query': { args: SearchArgs, result: SearchResult },
  'search.status': { args: noArgs, result: SearchStatus },
  /** Rebuild the search index from the records; progress arrives as task.progress. */
  'search.reindex': { args: noArgs, result: z.object({ taskId: z.string() }) },
  /** Write the notebook, or a selection, to a .fieldbook file (encrypted with a passphrase when given); the host hands it over with FieldbookApi.download. */
  'exchange.export': { args: ExportArgs, result: ExportOutcome },
  /** Highlights as W3C Web Annotations, events as CSV, or a Markdown report, handed over like an export. */
  'exchange.exportAnnotations': { args: AnnotationExportArgs, result: Download },
  /** Merge a .fieldbook file uploaded with FieldbookApi.upload (see EXCHANGE_UPLOAD_NAME), all or nothing; a dry run only reports. */
  'exchange.merge': { args: MergeArgs, result: MergeReport },
  /** Let go of an uploaded file that will not be merged. */
  'exchange.discardUpload': { args: z.object({ batch: RecordId }).strict(), result: z.object({ discarded: z.literal(true) }) },
  /** Texts merges kept in two versions that nobody has chosen between yet. */
  'exchange.conflicts': { args: noArgs, result: z.array(OpenConflict) },
  /** Keep one version of a conflicting text (or both, as merged); answers the conflicts still open. */
  'exchange.resolveConflict': { args: ConflictKey.extend({ keep: ConflictChoice }).strict(), result: z.array(OpenConflict) },
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
export const AppCommand = z.enum(['focus-search', 'show-documents', 'show-actors', 'show-events', 'show-notes', 'export-notebook', 'merge-notebook']);
export type AppCommand = z.infer<typeof AppCommand>;

/** Everything main pushes to the renderer unasked. */
export const events = {
  'task.progress': TaskProgress,
  'settings.changed': Settings,
  'notebook.changed': NotebookInfo,
  /** For highlights, `documentIds` names the documents they belong to, so a reader reloads only for its own. */
  'records.changed': z.object({ type: RecordType, ids: z.array(RecordId), documentIds: z.array(RecordId).optional() }),
  'app.command': z.object({ command: AppCommand }),
  'import.finished': z.object({ taskId: z.string(), summary: ImportSummary }),
  /** The search index changed (records indexed or dropped): open results may ask again. */
  'search.updated': SearchStatus,
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
  /** Hand a file main prepared (an export) to the person: a save dialog in Electron, a download in the browser (see FieldbookBridge.download). */
  download(download: Download): Promise<DownloadOutcome>;
}
