import path from 'node:path';
import { z } from 'zod';
import { ActorMerge } from '../../shared/actors/merge';
import { RecordId } from '../../shared/model/records';
import type { NotebookStore } from '../notebook/notebook-store';
import { RecordFile } from '../notebook/storage/record-file';

export const MERGE_JOURNAL_FILE = 'actor-merges.json';

export const MergedKind = z.enum(['actors', 'highlights', 'events', 'notes']);
export type MergedKind = z.infer<typeof MergedKind>;

/** Field values before and after; `null` stands for a field that was absent (JSON has no undefined). */
const FieldValues = z.record(z.string(), z.unknown());

export const RecordChange = z.object({ type: MergedKind, id: RecordId, before: FieldValues, after: FieldValues });
export type RecordChange = z.infer<typeof RecordChange>;

/** What the journal keeps of a merge: the summary and every field it changed, so the undo puts back exactly what was there. */
export const MergeEntry = ActorMerge.extend({ changes: z.array(RecordChange) });
export type MergeEntry = z.infer<typeof MergeEntry>;

/**
 * The notebook's merges, in their own small file beside actors.json, with
 * the same durability and backups as every record file. It is written
 * before a merge touches any record, so even a merge cut short by a crash
 * can be undone.
 */
export function openMergeJournal(store: NotebookStore): Promise<RecordFile<MergeEntry>> {
  return RecordFile.open(path.join(store.info.path, MERGE_JOURNAL_FILE), MergeEntry, store.readOnly ? undefined : store.backups);
}
