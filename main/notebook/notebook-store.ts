import path from 'node:path';
import type { NotebookInfo } from '../../shared/model/notebook';
import { ActorRecord, DocumentRecord, EventRecord, HighlightRecord, NoteRecord, TagRecord, type RecordOf, type RecordType } from '../../shared/model/records';
import { Backups } from './storage/backups';
import { BlobStore } from './storage/blob-store';
import { acquireNotebookLock, type HeldLock } from './storage/notebook-lock';
import { RecordFile, type InvalidRecord } from './storage/record-file';
import { ShardedRecords } from './storage/sharded-records';
import { finishInterruptedMerges, openExchangeJournal, type JournaledMerge } from './exchange-journal';
import { openNotebookFolder, renameNotebookFolder, type OpenNotebookOptions } from './notebook-folder';
import { removeStagingLeftovers } from './staging-folders';

/** Where each kind of record lives in the notebook folder. */
export const notebookLayout = {
  documents: 'documents.json',
  actors: 'actors.json',
  events: 'events.json',
  tags: 'tags.json',
  highlights: 'highlights',
  notes: 'notes',
  blobs: 'blobs',
} as const;

/** The same operations over a single file or a folder of shards. */
export interface RecordCollection<T> {
  get(id: string): Promise<T | undefined>;
  all(): Promise<T[]>;
  put(record: T): Promise<void>;
  invalid(): Promise<InvalidRecord[]>;
  /** How many records are not deleted, without reading what need not be read (ShardedRecords.countLive). */
  countLive(): Promise<number>;
  /** The records of one shard (one document's highlights) without reading the others. */
  inShard(key: string): Promise<T[]>;
  /** Save records whose shard changed (highlights of a document merged into another), taking them out of `fromShard`. */
  move(records: readonly T[], fromShard: string): Promise<void>;
}

function fileCollection<T extends { id: string; deletedAt?: string | undefined }>(file: RecordFile<T>): RecordCollection<T> {
  return {
    get: async (id) => file.get(id),
    all: async () => file.all(),
    put: (record) => file.put(record),
    invalid: async () => file.invalid,
    countLive: async () => file.all().filter((record) => !record.deletedAt).length,
    inShard: async () => file.all(),
    // One file is one shard: moving is saving.
    move: (records) => file.put(...records),
  };
}

type Collections = { [T in RecordType]: RecordCollection<RecordOf<T>> };

export interface OpenStoreOptions extends OpenNotebookOptions {
  /** Read without taking the lock (listing, checking); every write is refused. */
  readOnly?: boolean;
}

/**
 * An open notebook: its manifest, its records by kind and its content blobs.
 * Opening reads the small per-kind files; highlights and notes are read per
 * file, on first use, so opening does not grow with their number.
 */
export class NotebookStore {
  #info: NotebookInfo;
  readonly blobs: BlobStore;
  readonly backups: Backups;
  readonly readOnly: boolean;
  /** Merges from exchange files, each journaled before it changes a record (exchange-journal.ts). */
  readonly exchangeJournal: RecordFile<JournaledMerge>;
  readonly #collections: Collections;
  readonly #lock: HeldLock | undefined;

  private constructor(info: NotebookInfo, backups: Backups, collections: Collections, exchangeJournal: RecordFile<JournaledMerge>, lock: HeldLock | undefined) {
    this.#info = info;
    this.backups = backups;
    this.exchangeJournal = exchangeJournal;
    this.blobs = new BlobStore(path.join(info.path, notebookLayout.blobs));
    this.#collections = collections;
    this.#lock = lock;
    this.readOnly = lock === undefined;
  }

  static async open(dir: string, options: OpenStoreOptions = {}): Promise<NotebookStore> {
    const info = await openNotebookFolder(dir, options.readOnly ? {} : options);
    const lock = options.readOnly ? undefined : await acquireNotebookLock(info.path);
    try {
      const backups = new Backups(info.path);
      const writer = options.readOnly ? undefined : backups;
      const at = (name: string) => path.join(info.path, name);
      const [documents, actors, events, tags] = await Promise.all([
        RecordFile.open(at(notebookLayout.documents), DocumentRecord, writer),
        RecordFile.open(at(notebookLayout.actors), ActorRecord, writer),
        RecordFile.open(at(notebookLayout.events), EventRecord, writer),
        RecordFile.open(at(notebookLayout.tags), TagRecord, writer),
      ]);
      const collections: Collections = {
        documents: fileCollection(documents),
        actors: fileCollection(actors),
        events: fileCollection(events),
        tags: fileCollection(tags),
        highlights: new ShardedRecords(at(notebookLayout.highlights), HighlightRecord, (highlight) => highlight.documentId, writer),
        notes: new ShardedRecords(at(notebookLayout.notes), NoteRecord, (note) => note.id, writer),
      };
      const store = new NotebookStore(info, backups, collections, await openExchangeJournal(info.path, !lock), lock);
      if (lock) {
        // A merge cut short is finished first: its staging folder holds blobs it still has to move in.
        await finishInterruptedMerges(store, store.exchangeJournal);
        await removeStagingLeftovers(info.path);
      }
      return store;
    } catch (error) {
      await lock?.release();
      throw error;
    }
  }

  get info(): NotebookInfo {
    return this.#info;
  }

  async rename(name: string): Promise<NotebookInfo> {
    this.#info = await renameNotebookFolder(this.#info.path, name);
    return this.#info;
  }

  collection<T extends RecordType>(type: T): RecordCollection<RecordOf<T>> {
    return this.#collections[type] as RecordCollection<RecordOf<T>>;
  }

  /** Records that failed their schema in the files read so far: reported, kept aside, not served. */
  async problems(): Promise<InvalidRecord[]> {
    const lists = await Promise.all(Object.values(this.#collections).map((collection) => collection.invalid()));
    return lists.flat();
  }

  async close(): Promise<void> {
    await this.#lock?.release();
  }
}
