import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { OpenConflict } from '../../shared/exchange/conflicts';
import { ActorRecord, DocumentRecord, EventRecord, HighlightRecord, NoteRecord, RecordId, Sha256, TagRecord, type RecordOf, type RecordType } from '../../shared/model/records';
import { fsyncDirectory } from './storage/atomic-write';
import type { BlobStore } from './storage/blob-store';
import { eachConcurrently } from './storage/each-concurrently';
import { RecordFile } from './storage/record-file';
import { changeOpenConflicts, withConflictsAdded } from './open-conflicts-file';
import { STAGING_NAME, stagedBlobPath } from './staging-folders';

export const EXCHANGE_JOURNAL_FILE = 'exchange-journal.json';

/**
 * Everything a merge writes, decided and checked before the first write: it
 * goes into the journal durably before any record changes, so a merge cut
 * short at any moment is finished, from here, when the notebook next opens.
 * Every step is a rename or a put of a whole record, so doing one again is
 * harmless.
 */
export const JournaledMerge = z.object({
  id: z.uuid(),
  startedAt: z.iso.datetime(),
  /** The staging folder (a name in the notebook folder) whose blobs are renamed into the blob store. */
  staging: z.string().regex(STAGING_NAME),
  blobs: z.array(Sha256),
  writes: z.object({
    documents: z.array(DocumentRecord),
    highlights: z.array(HighlightRecord),
    actors: z.array(ActorRecord),
    events: z.array(EventRecord),
    notes: z.array(NoteRecord),
    tags: z.array(TagRecord),
  }),
  /** Highlights among the writes that leave the shard holding them now (their document was merged into another), by that shard. */
  moves: z.array(z.object({ from: RecordId, ids: z.array(RecordId) })),
  conflicts: z.array(OpenConflict),
});
export type JournaledMerge = z.infer<typeof JournaledMerge>;

/** What a merge writes into: the open notebook's store (structurally, so this module stays below it). */
export interface MergeTarget {
  readonly info: { readonly path: string };
  readonly blobs: BlobStore;
  collection<T extends RecordType>(type: T): { put(record: RecordOf<T>): Promise<void>; move(records: readonly RecordOf<T>[], fromShard: string): Promise<void> };
}

export interface ApplyHooks {
  /** Told each kind of record once its writes are durable, so open views refresh. */
  written?(type: RecordType, records: readonly RecordOf<RecordType>[], movedFrom: readonly string[]): void;
  /** Records the merge's open conflicts; by default straight into the notebook's list. */
  addConflicts?(conflicts: readonly OpenConflict[]): Promise<void>;
}

/** Renames and syncs side by side: a file of 100,000 blobs is 100,000 renames. */
const AT_ONCE = 16;

/** Blobs before the records that name them; documents before their highlights. */
const applyOrder: readonly RecordType[] = ['tags', 'actors', 'documents', 'events', 'notes', 'highlights'];

/** The journal, which keeps no backups: an older state of it brought back would replay a merge over the work done since. */
export function openExchangeJournal(notebookDir: string, readOnly: boolean): Promise<RecordFile<JournaledMerge>> {
  return RecordFile.open(path.join(notebookDir, EXCHANGE_JOURNAL_FILE), JournaledMerge, readOnly ? undefined : false);
}

/** Journal the merge, apply it, then strike it from the journal: from the moment `journal.put` returns, the merge happens whatever stops this process. */
export async function applyJournaled(target: MergeTarget, journal: RecordFile<JournaledMerge>, merge: JournaledMerge, hooks: ApplyHooks = {}): Promise<void> {
  await journal.put(merge);
  await applyMerge(target, merge, hooks);
  await journal.remove(merge.id);
  await journal.deleteIfEmpty();
}

/** Finish every merge the journal holds, oldest first: a process stopped mid-merge left it there. */
export async function finishInterruptedMerges(target: MergeTarget, journal: RecordFile<JournaledMerge>): Promise<void> {
  const interrupted = journal.all().sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  if (interrupted.length === 0) return;
  for (const merge of interrupted) {
    await applyMerge(target, merge);
    await journal.remove(merge.id);
  }
  await journal.deleteIfEmpty();
}

async function applyMerge(target: MergeTarget, merge: JournaledMerge, hooks: ApplyHooks = {}): Promise<void> {
  await moveBlobsIn(target, merge);
  const moves = new Map(merge.moves.map(({ from, ids }) => [from, ids]));
  const moving = new Set(merge.moves.flatMap(({ ids }) => ids));
  for (const type of applyOrder) {
    const records = merge.writes[type] as RecordOf<RecordType>[];
    if (records.length === 0) continue;
    const collection = target.collection(type);
    // Puts to one file are coalesced into few writes by the store, so they are issued together.
    await Promise.all(records.filter((record) => !(type === 'highlights' && moving.has(record.id))).map((record) => collection.put(record)));
    if (type === 'highlights') await moveHighlights(target, merge.writes.highlights, moves);
    // Highlights moved out of a retired copy's shard change what a reader of that copy shows too.
    hooks.written?.(type, records, type === 'highlights' ? [...moves.keys()] : []);
  }
  const addConflicts = hooks.addConflicts ?? ((conflicts) => changeOpenConflicts(target.info.path, (open) => withConflictsAdded(open, conflicts)));
  if (merge.conflicts.length > 0) await addConflicts(merge.conflicts);
}

/** Staged blobs are on the notebook's disk, so each is renamed into place: whole or absent, whenever the merge stops. */
async function moveBlobsIn(target: MergeTarget, merge: JournaledMerge): Promise<void> {
  const folders = new Set(merge.blobs.map((sha256) => path.dirname(target.blobs.pathOf(sha256))));
  await eachConcurrently(folders, AT_ONCE, async (folder) => void (await mkdir(folder, { recursive: true })));
  await eachConcurrently(merge.blobs, AT_ONCE, (sha256) =>
    rename(stagedBlobPath(path.join(target.info.path, merge.staging), sha256), target.blobs.pathOf(sha256)).catch((error: NodeJS.ErrnoException) => {
      // Moved already, by the merge this one finishes.
      if (error.code !== 'ENOENT') throw error;
    }),
  );
  await eachConcurrently(folders, AT_ONCE, fsyncDirectory);
}

/** Highlights of a retired copy of a document go to the survivor's shard, after the documents are written, so each always has its document. */
async function moveHighlights(target: MergeTarget, highlights: readonly RecordOf<'highlights'>[], moves: ReadonlyMap<string, readonly string[]>): Promise<void> {
  if (moves.size === 0) return;
  const collection = target.collection('highlights');
  const written = new Map(highlights.map((highlight) => [highlight.id, highlight]));
  await Promise.all([...moves].map(([from, ids]) => collection.move(ids.flatMap((id) => written.get(id) ?? []), from)));
}
