import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { ApiError } from '../../shared/api/errors';
import { recordSchemas, type RecordOf, type RecordType } from '../../shared/model/records';
import type { EventBus } from '../bus/event-bus';
import type { NotebookStore } from '../notebook/notebook-store';
import { applyJournaled, type JournaledMerge } from '../notebook/exchange-journal';
import { recordsChanged } from '../notebook/records/records-changed';
import type { ArchiveLimits } from './archive-limits';
import { planMerge } from './merge-plan';
import { openConflictsOf } from './open-conflicts';
import type { MergeReport } from '../../shared/exchange/merge-report';
import { readAllRecords, recordTypes, type RecordSet } from './record-set';
import { stageExchangeFile } from './staged-bundle';

export interface MergeOptions {
  passphrase?: string;
  /** Check and report, write nothing. */
  dryRun?: boolean;
  limits?: ArchiveLimits;
  /** Told which records changed, so open views refresh. */
  events?: EventBus;
  /** Stops the merge while it reads and checks the file; once its journal is written, it finishes. */
  signal?: AbortSignal;
  /** Told how far the merge has got: entries of the file read, then kinds of record written. */
  progress?(done: number, total: number, message: string): void;
}

/**
 * Merge an exchange file into the open notebook, all or nothing: the file is
 * read, checked and staged, and the merge is planned and every resulting
 * record validated, before anything is written. A file that fails any check
 * leaves the notebook as it was; a merge that passes is journaled before its
 * first write, so it is finished even if this process stops partway.
 */
export async function mergeExchangeFile(store: NotebookStore, file: string, options: MergeOptions = {}): Promise<MergeReport> {
  if (store.readOnly && !options.dryRun) throw new ApiError('INTERNAL', 'The notebook was opened read-only; it cannot be merged into.');
  const known = new Set(await store.blobs.list());
  const bundle = await stageExchangeFile(file, {
    ...(options.passphrase ? { passphrase: options.passphrase } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    stagingParent: options.dryRun ? os.tmpdir() : store.info.path,
    // Listed once: a stat for each of 100,000 blobs, most of them absent, cost more than copying them.
    hasBlob: (sha256) => known.has(sha256),
    watch: { ...(options.signal ? { signal: options.signal } : {}), progress: (done, total) => options.progress?.(done, total, 'Checking the file') },
  });
  try {
    const plan = planMerge(await readAllRecords(store), bundle.records);
    validateWrites(plan.writes);
    if (!options.dryRun) {
      const startedAt = new Date().toISOString();
      const merge: JournaledMerge = {
        id: randomUUID(),
        startedAt,
        staging: path.basename(bundle.dir),
        blobs: [...bundle.blobs.keys()],
        writes: plan.writes,
        moves: [...plan.moves].map(([from, ids]) => ({ from, ids })),
        conflicts: plan.textConflicts.map((conflict) => ({ ...conflict, mergedAt: startedAt, fileAuthor: bundle.manifest.author })),
      };
      // The last moment to stop: from the journal on, the merge is finished whatever happens.
      if (options.signal?.aborted) throw new ApiError('CANCELLED', 'The merge was cancelled. Nothing was imported.');
      const writing = recordTypes.filter((type) => plan.writes[type].length > 0).length;
      let written = 0;
      await applyJournaled(store, store.exchangeJournal, merge, {
        written: (type, records, movedFrom) => {
          options.events?.emit('records.changed', recordsChanged(type, records, movedFrom));
          options.progress?.((written += 1), writing, 'Writing the merged records');
        },
        addConflicts: (conflicts) => openConflictsOf(store).add(conflicts),
      });
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

function validateWrites(writes: RecordSet): void {
  for (const type of recordTypes) {
    for (const record of writes[type] as RecordOf<RecordType>[]) {
      const parsed = recordSchemas[type].safeParse(record);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new ApiError('CONFLICT', `Merging would make the ${type} record ${record.id} invalid (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}), for instance a comment too long once both versions are kept. Nothing was imported.`);
      }
    }
  }
}
