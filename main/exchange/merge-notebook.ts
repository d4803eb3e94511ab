import { mkdir, rename, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ApiError } from '../../shared/api/errors';
import { recordSchemas, type RecordOf, type RecordType } from '../../shared/model/records';
import type { EventBus } from '../bus/event-bus';
import type { NotebookStore } from '../notebook/notebook-store';
import { recordsChanged } from '../notebook/records/records-changed';
import { fsyncDirectory } from '../notebook/storage/atomic-write';
import type { ArchiveLimits } from './archive-limits';
import { planMerge, type MergePlan } from './merge-plan';
import { openConflictsOf } from './open-conflicts';
import type { MergeReport } from '../../shared/exchange/merge-report';
import { readAllRecords, type RecordSet } from './record-set';
import { stageExchangeFile, type StagedBundle } from './staged-bundle';

export interface MergeOptions {
  passphrase?: string;
  /** Check and report, write nothing. */
  dryRun?: boolean;
  limits?: ArchiveLimits;
  /** Told which records changed, so open views refresh. */
  events?: EventBus;
}

/** Blobs before the records that name them; documents before their highlights. */
const applyOrder: readonly RecordType[] = ['tags', 'actors', 'documents', 'events', 'notes', 'highlights'];

/**
 * Merge an exchange file into the open notebook, all or nothing: the file is
 * read, checked and staged, and the merge is planned and every resulting
 * record validated, before anything is written. A file that fails any check
 * leaves the notebook as it was.
 */
export async function mergeExchangeFile(store: NotebookStore, file: string, options: MergeOptions = {}): Promise<MergeReport> {
  if (store.readOnly && !options.dryRun) throw new ApiError('INTERNAL', 'The notebook was opened read-only; it cannot be merged into.');
  const bundle = await stageExchangeFile(file, {
    ...(options.passphrase ? { passphrase: options.passphrase } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    stagingParent: options.dryRun ? os.tmpdir() : store.info.path,
    hasBlob: (sha256) => hasBlob(store, sha256),
  });
  try {
    const plan = planMerge(await readAllRecords(store), bundle.records);
    validateWrites(plan.writes);
    if (!options.dryRun) {
      await applyBlobs(store, bundle);
      await applyRecords(store, plan, options.events);
      const mergedAt = new Date().toISOString();
      await openConflictsOf(store).add(plan.textConflicts.map((conflict) => ({ ...conflict, mergedAt, fileAuthor: bundle.manifest.author })));
    }
    return {
      dryRun: options.dryRun === true,
      file: {
        author: bundle.manifest.author,
        createdAt: bundle.manifest.createdAt,
        appVersion: bundle.manifest.appVersion,
        notebookName: bundle.manifest.notebookName,
        selection: bundle.manifest.selection,
        encrypted: bundle.encrypted,
      },
      ...plan.outcome,
      blobs: { added: bundle.blobs.size, bytes: [...bundle.blobs.values()].reduce((sum, blob) => sum + blob.size, 0) },
    };
  } finally {
    await bundle.discard();
  }
}

async function hasBlob(store: NotebookStore, sha256: string): Promise<boolean> {
  return (await stat(store.blobs.pathOf(sha256)).catch(() => undefined))?.isFile() === true;
}

function validateWrites(writes: RecordSet): void {
  for (const type of applyOrder) {
    for (const record of writes[type] as RecordOf<RecordType>[]) {
      const parsed = recordSchemas[type].safeParse(record);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new ApiError('CONFLICT', `Merging would make the ${type} record ${record.id} invalid (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}), for instance a comment too long once both versions are kept. Nothing was imported.`);
      }
    }
  }
}

/** Staged blobs are on the notebook's disk, so each is renamed into place: a crash leaves it whole or absent. */
async function applyBlobs(store: NotebookStore, bundle: StagedBundle): Promise<void> {
  const folders = new Set<string>();
  for (const [sha256, staged] of bundle.blobs) {
    const target = store.blobs.pathOf(sha256);
    await mkdir(path.dirname(target), { recursive: true });
    await rename(staged.file, target);
    folders.add(path.dirname(target));
  }
  for (const folder of folders) await fsyncDirectory(folder);
}

async function applyRecords(store: NotebookStore, plan: MergePlan, events: EventBus | undefined): Promise<void> {
  const moving = new Set([...plan.moves.values()].flat());
  for (const type of applyOrder) {
    const records = plan.writes[type] as RecordOf<RecordType>[];
    if (records.length === 0) continue;
    const collection = store.collection(type);
    // Puts to one file are coalesced into few writes by the store, so they are issued together.
    await Promise.all(records.filter((record) => !(type === 'highlights' && moving.has(record.id))).map((record) => collection.put(record)));
    if (type === 'highlights') await moveHighlights(store, plan);
    // Highlights moved out of a retired copy's shard change what a reader of that copy shows too.
    events?.emit('records.changed', recordsChanged(type, records, type === 'highlights' ? [...plan.moves.keys()] : []));
  }
}

/** Highlights of a retired copy of a document go to the survivor's shard, after the documents are written, so each always has its document. */
async function moveHighlights(store: NotebookStore, plan: MergePlan): Promise<void> {
  if (plan.moves.size === 0) return;
  const highlights = store.collection('highlights');
  const written = new Map(plan.writes.highlights.map((highlight) => [highlight.id, highlight]));
  await Promise.all([...plan.moves].map(([from, ids]) => highlights.move(ids.flatMap((id) => written.get(id) ?? []), from)));
}
