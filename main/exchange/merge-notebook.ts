import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ApiError } from '../../shared/api/errors';
import { recordSchemas, type RecordOf, type RecordType } from '../../shared/model/records';
import type { EventBus } from '../events/event-bus';
import type { NotebookStore } from '../notebook/notebook-store';
import { applyJournaled, type JournaledMerge } from '../notebook/exchange-journal';
import { recordsChanged } from '../records/records-changed';
import type { ArchiveLimits } from './archive-limits';
import { planMerge } from './merge-plan';
import { openConflictsOf } from './open-conflicts';
import type { MergeReport } from '../../shared/exchange/merge-report';
import { readAllRecords, recordTypes, type RecordSet } from './record-set';
import { stageExchangeFile, type StagedBundle } from './staged-bundle';

export interface MergeOptions {
  passphrase?: string;
  /** Check and report, write nothing. */
  dryRun?: boolean;
  limits?: ArchiveLimits;
  /** Told which records changed, so open views refresh. */
  events?: EventBus;
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
      await applyJournaled(store, store.exchangeJournal, merge, {
        written: (type, records, movedFrom) => options.events?.emit('records.changed', recordsChanged(type, records, movedFrom)),
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

async function hasBlob(store: NotebookStore, sha256: string): Promise<boolean> {
  return (await stat(store.blobs.pathOf(sha256)).catch(() => undefined))?.isFile() === true;
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
