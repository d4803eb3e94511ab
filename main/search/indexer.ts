import { randomBytes } from 'node:crypto';
import { ApiError } from '../../shared/api/errors';
import type { RecordOf } from '../../shared/model/records';
import type { SearchStatus } from '../../shared/search/results';
import type { RecordService } from '../notebook/records/record-service';
import type { TextCache } from '../notebook/records/text-cache';
import { actorEntry, documentEntries, eventEntry, highlightEntry, INDEXED_TYPES, type IndexedType, noteEntry } from './entries';
import { IndexStore } from './index-store';
import type { EntryKind, EntrySource } from './entry-meta';
import { Segment } from './segment';
import type { BuildSegment } from './segment-builder';
import { SegmentedIndex } from './segmented-index';

/** Entries per segment built in one go: big enough to keep segments few, small enough to load in a blink. */
const BATCH_ENTRIES = 5000;
/** Merging stops growing a segment past this many entries: bigger ones cost too much to rebuild for a few changes. */
const MAX_MERGED_ENTRIES = 20_000;
/** This many small segments are merged into one. */
const MERGE_FACTOR = 6;
/** Changes that arrive together (an import's documents) go into one segment. */
const FLUSH_DELAY_MS = 40;

const typeOfKind: Readonly<Record<EntryKind, IndexedType>> = { document: 'documents', passage: 'documents', highlight: 'highlights', note: 'notes', actor: 'actors', event: 'events' };

export interface IndexSources {
  readonly records: RecordService;
  readonly texts: TextCache;
}

export interface IndexOptions {
  build: BuildSegment;
  /** For merges, which may take seconds: elsewhere than `build`, so they never hold a change up. Default: `build`. */
  buildInBackground?: BuildSegment;
  /** Keep the index on disk (false for a read-only notebook: it is built in memory). */
  writable: boolean;
  flushDelayMs?: number;
  /** Catch up with the records at open (default); off when the caller is about to rebuild anyway. */
  catchUpAtOpen?: boolean;
  /** Told after each change to what is searchable. */
  onChange?: (status: SearchStatus) => void;
}

export type Progress = (done: number, total: number) => void;

/** A segment just built, with its bytes until they are saved. */
interface Built {
  segment: Segment;
  bytes: Uint8Array;
}

/**
 * Keeps a notebook's search index in step with its records: loads the saved
 * segments at open, catches up with what changed while it was closed,
 * indexes each change in a small new segment (masking what it replaces),
 * and merges small segments in the background. Every change to the set of
 * segments runs in one queue, so they never interleave.
 */
export class SearchIndexer {
  readonly index = new SegmentedIndex();
  readonly #sources: IndexSources;
  readonly #store: IndexStore;
  readonly #build: BuildSegment;
  readonly #buildInBackground: BuildSegment;
  readonly #flushDelayMs: number;
  readonly #onChange: ((status: SearchStatus) => void) | undefined;
  readonly #pending = new Map<string, IndexedType>();
  #queue: Promise<unknown> = Promise.resolve();
  /** Every update a flush has started, settled or not. */
  #flushed: Promise<void> = Promise.resolve();
  #timer: NodeJS.Timeout | undefined;
  #merging: Promise<void> | undefined;
  #busy = 0;
  #closed = false;
  /** Why the last update or merge failed; cleared by the next update or rebuild that succeeds. */
  #failure: string | undefined;
  /** Segments whose files are written: only these may be named in the manifest. */
  readonly #saved = new Set<Segment>();
  /** Resolves when the saved segments are loaded: searches wait for it, not for catching up. */
  readonly loaded: Promise<void>;
  /** Resolves when the index has caught up with the records as they were at open. */
  readonly caughtUp: Promise<void>;

  constructor(notebookDir: string, sources: IndexSources, options: IndexOptions) {
    this.#sources = sources;
    this.#store = new IndexStore(notebookDir, { writable: options.writable });
    this.#build = options.build;
    this.#buildInBackground = options.buildInBackground ?? options.build;
    this.#flushDelayMs = options.flushDelayMs ?? FLUSH_DELAY_MS;
    this.#onChange = options.onChange;
    this.loaded = this.#serial(async () => {
      for (const segment of (await this.#store.load()) ?? []) {
        this.index.add(segment);
        this.#saved.add(segment);
      }
    });
    this.caughtUp = this.loaded.then(() => (options.catchUpAtOpen === false ? undefined : this.catchUp())).catch((error: unknown) => this.#failed('Bringing the search index up to date failed', error));
  }

  status(): SearchStatus {
    const status = { entries: this.index.liveEntries, segments: this.index.segments.length, pending: this.#pending.size, building: this.#busy > 0 };
    return this.#failure === undefined ? status : { ...status, error: this.#failure };
  }

  /** Records changed: they become searchable (or stop being) once the next flush has run. */
  notify(type: string, ids: readonly string[]): void {
    if (this.#closed || !(INDEXED_TYPES as readonly string[]).includes(type)) return;
    for (const id of ids) this.#pending.set(id, type as IndexedType);
    this.#timer ??= setTimeout(() => void this.flush(), this.#flushDelayMs);
  }

  /**
   * Index what is pending now; resolves when everything notified so far is searchable. That includes changes an
   * earlier flush (the timer's) took and is still building: those are in no queue yet, so they are chained here.
   */
  flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const changes = new Map(this.#pending);
    this.#pending.clear();
    if (changes.size > 0) {
      const update = this.#update(changes).catch((error: unknown) => this.#failed('Indexing changes for search failed', error));
      this.#flushed = Promise.all([this.#flushed, update]).then(() => undefined);
    }
    return this.#flushed.then(() => this.#queue).then(() => undefined);
  }

  /** Index every record whose indexed version differs from its current one, and drop what is gone. */
  async catchUp(onProgress?: Progress, signal?: AbortSignal): Promise<void> {
    const live = await this.#liveRecords();
    const versions = this.index.versions();
    const changes = new Map<string, IndexedType>();
    for (const [id, { type, version }] of live) if (versions.get(id) !== version) changes.set(id, type);
    for (const id of versions.keys()) if (!live.has(id)) changes.set(id, 'documents');
    await this.#update(changes, onProgress, signal);
  }

  /** Build the whole index again from the records, then put it in place of the old one, which serves searches meanwhile. */
  async rebuild(onProgress?: Progress, signal?: AbortSignal): Promise<void> {
    await this.loaded;
    const live = await this.#liveRecords();
    const built: Segment[] = [];
    this.#busy++;
    try {
      await this.#buildBatches(new Map([...live].map(([id, { type }]) => [id, type])), onProgress, signal, async (segment) => {
        if (!segment) return;
        await this.#save(segment);
        built.push(segment.segment);
      });
      if (signal?.aborted) {
        await this.#removeFiles(built);
        return;
      }
      await this.#serial(async () => {
        const old = [...this.index.segments];
        this.index.replace(old, undefined);
        for (const segment of built) this.index.add(segment);
        this.#failure = undefined;
        this.#onChange?.(this.status());
        await this.#writeManifest();
        await this.#removeFiles(old);
      });
    } finally {
      this.#busy--;
    }
    // What changed while rebuilding was read at some version or other: catch up.
    await this.catchUp();
  }

  async close(): Promise<void> {
    await this.flush();
    this.#closed = true;
    await this.#merging;
    await this.#queue;
  }

  #serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #update(changes: Map<string, IndexedType>, onProgress?: Progress, signal?: AbortSignal): Promise<void> {
    await this.loaded;
    if (changes.size === 0) return;
    this.#busy++;
    try {
      await this.#buildBatches(changes, onProgress, signal, (built, ids) => {
        // Searchable at once; saved after, in turn. Each batch masks the old entries of its own records only,
        // so the others stay searchable until theirs are ready.
        this.index.remove(ids);
        if (built) this.index.add(built.segment);
        this.#onChange?.(this.status());
        return this.#serial(async () => {
          if (built) await this.#save(built);
          await this.#writeManifest();
        });
      });
    } finally {
      this.#busy--;
    }
    if (this.#failure !== undefined) {
      this.#failure = undefined;
      this.#onChange?.(this.status());
    }
    this.#mergeLater();
  }

  /**
   * A notebook closed mid-update is caught up when it next opens: that is no failure. Others are logged and kept
   * for the status, since a search that misses new records must be explained.
   */
  #failed(what: string, error: unknown): void {
    if (error instanceof ApiError && error.code === 'CANCELLED') return;
    console.error(what, error);
    this.#failure = `${what}: ${error instanceof Error ? error.message : String(error)}`;
    this.#onChange?.(this.status());
  }

  /**
   * Read the changed records, cut their entries into batches and build (and
   * save) one segment per batch; `done` receives each with the ids of the
   * records it covers, or no segment when those records have no entries.
   */
  async #buildBatches(changes: Map<string, IndexedType>, onProgress: Progress | undefined, signal: AbortSignal | undefined, done: (built: Built | undefined, ids: string[]) => Promise<void>): Promise<void> {
    let batch: EntrySource[] = [];
    let ids: string[] = [];
    let count = 0;
    const send = async () => {
      const built = batch.length > 0 ? await this.#buildOne(batch) : undefined;
      await done(built, ids);
      batch = [];
      ids = [];
    };
    for (const [id, type] of changes) {
      if (signal?.aborted) break;
      batch.push(...(await this.#entriesOf(type, id)));
      ids.push(id);
      onProgress?.(++count, changes.size);
      if (batch.length >= BATCH_ENTRIES) await send();
    }
    if (ids.length > 0) await send();
  }

  /** Build a segment in a worker; it is saved by #save, and made part of the saved index by the manifest after that. */
  async #buildOne(batch: EntrySource[], build = this.#build): Promise<Built> {
    const id = `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
    const bytes = await build(batch);
    return { segment: new Segment(id, bytes), bytes };
  }

  async #save({ segment, bytes }: Built): Promise<void> {
    await this.#store.writeSegment(segment.id, bytes);
    this.#saved.add(segment);
  }

  /** The manifest names only segments whose files are written: one built but not yet saved is left to the next catch-up if the app stops. */
  async #writeManifest(): Promise<void> {
    await this.#store.writeManifest(this.index.segments.filter((segment) => this.#saved.has(segment)));
  }

  async #removeFiles(segments: readonly Segment[]): Promise<void> {
    for (const segment of segments) this.#saved.delete(segment);
    await this.#store.removeSegments(segments.map((segment) => segment.id));
  }

  /** The entries of a record as it is now; none when it is gone or deleted. */
  async #entriesOf(type: IndexedType, id: string): Promise<EntrySource[]> {
    const { records, texts } = this.#sources;
    const record = await records.store.collection(type).get(id);
    if (!record || record.deletedAt) return [];
    try {
      switch (type) {
        case 'documents': {
          const document = record as RecordOf<'documents'>;
          return await documentEntries(document, await texts.get(document.text.sha256), records.store.blobs);
        }
        case 'highlights': {
          const highlight = record as RecordOf<'highlights'>;
          const document = await records.store.collection('documents').get(highlight.documentId);
          return document?.deletedAt ? [] : [highlightEntry(highlight, document)];
        }
        case 'notes':
          return [noteEntry(record as RecordOf<'notes'>)];
        case 'actors':
          return [actorEntry(record as RecordOf<'actors'>)];
        case 'events':
          return [eventEntry(record as RecordOf<'events'>)];
      }
    } catch (error) {
      // One unreadable text (a missing blob) must not keep the rest of the notebook out of search; doctor reports it.
      console.error(`Could not index ${type} ${id}`, error);
      return [];
    }
  }

  async #liveRecords(): Promise<Map<string, { type: IndexedType; version: string }>> {
    const live = new Map<string, { type: IndexedType; version: string }>();
    for (const type of INDEXED_TYPES) for (const record of await this.#sources.records.list(type)) live.set(record.id, { type, version: record.updatedAt });
    return live;
  }

  #mergeLater(): void {
    if (this.#merging || this.#closed) return;
    const victims = mergeCandidates(this.index.segments);
    if (victims.length === 0) return;
    this.#merging = this.#merge(victims).then(
      () => {
        this.#merging = undefined;
        this.#mergeLater();
      },
      // Not tried again at once (it would fail alike, in a loop): the next update tries.
      (error: unknown) => {
        this.#merging = undefined;
        this.#failed('Merging search segments failed', error);
      },
    );
  }

  /** Rebuild several segments into one from the records they hold, then swap it in. */
  async #merge(victims: Segment[]): Promise<void> {
    this.#busy++;
    try {
      const held = new Map<string, { type: IndexedType; version: string }>();
      for (const segment of victims) {
        for (const [local, meta] of segment.entries.entries()) if (!segment.masked.has(local)) held.set(meta.id, { type: typeOfKind[meta.kind], version: meta.version });
      }
      // Only records still at the version indexed: newer ones are on their way to a segment of their own.
      const sources: EntrySource[] = [];
      for (const [id, { type, version }] of held) {
        const entries = await this.#entriesOf(type, id);
        if (entries.every((entry) => entry.meta.version === version)) sources.push(...entries);
      }
      const built = sources.length > 0 ? await this.#buildOne(sources, this.#buildInBackground) : undefined;
      if (built) await this.#save(built);
      await this.#serial(async () => {
        if (built) {
          // Masked while the merge was building: mask here too.
          const stillLive = new Set<string>();
          for (const segment of victims) for (const [local, meta] of segment.entries.entries()) if (!segment.masked.has(local)) stillLive.add(meta.id);
          for (const [local, meta] of built.segment.entries.entries()) if (!stillLive.has(meta.id)) built.segment.mask(local);
        }
        this.index.replace(victims, built?.segment);
        await this.#writeManifest();
        await this.#removeFiles(victims);
      });
    } finally {
      this.#busy--;
    }
  }
}

/** Small segments, smallest first, once there are enough of them; and any segment mostly masked. */
export function mergeCandidates(segments: readonly Segment[]): Segment[] {
  const wasteful = segments.filter((segment) => segment.masked.size * 2 > segment.size);
  const small = segments.filter((segment) => segment.live < MAX_MERGED_ENTRIES && !wasteful.includes(segment)).sort((a, b) => a.live - b.live);
  const picked: Segment[] = [...wasteful];
  if (small.length >= MERGE_FACTOR) {
    let total = 0;
    for (const segment of small) {
      if (picked.length >= 2 && total + segment.live > MAX_MERGED_ENTRIES) break;
      picked.push(segment);
      total += segment.live;
    }
  }
  return picked;
}
