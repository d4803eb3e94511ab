import { conflictTextFields } from '../../shared/exchange/conflicts';
import type { RecordOf, RecordType } from '../../shared/model/records';
import { canonicalJson, sameValue } from './canonical-json';

type AnyRecord = RecordOf<RecordType>;

/** Free text a person wrote: when both sides changed it, both versions are kept and the conflict reported. */
const textFields: { [T in RecordType]: readonly string[] } = {
  documents: [],
  highlights: [conflictTextFields.highlights],
  actors: [conflictTextFields.actors],
  events: [conflictTextFields.events],
  notes: [conflictTextFields.notes],
  tags: [],
};

/** Links and names: merged as sets, since dropping one side's link or alias loses work and keeping both costs nothing. */
const setFields: { [T in RecordType]: readonly string[] } = {
  documents: ['tags'],
  highlights: ['tags', 'actorIds', 'eventIds'],
  actors: ['aliases', 'affiliations'],
  events: ['participants', 'evidence'],
  notes: [],
  tags: [],
};

/** Fields that say what a record is, not what someone wrote about it; the receiving notebook's value stands (highlights are filed by document). */
export const identityFields: { [T in RecordType]: readonly string[] } = {
  documents: ['kind', 'original'],
  highlights: ['documentId'],
  actors: [],
  events: [],
  notes: [],
  tags: [],
};

const stamps = new Set(['id', 'createdAt', 'updatedAt', 'deletedAt']);

export interface RecordMerge<T> {
  record: T;
  /** Text fields whose two versions were both kept. */
  keptBoth: string[];
  /** One side deleted the record, the other changed or restored it later: it stays live, and the person is told. */
  editedAfterDeletion: boolean;
}

/**
 * Merge two versions of one record. Symmetric, so A into B and B into A
 * agree: the later version (by updatedAt, ties broken by content) wins each
 * field both changed, and decides whether the record is deleted; text both
 * wrote is kept twice; sets are united. Idempotent, so merging the result with either input again
 * changes nothing: kept-both text contains each version, and a version that
 * already contains the other is taken as it is.
 */
export function mergeRecord<T extends AnyRecord>(type: RecordType, a: T, b: T): RecordMerge<T> {
  // The common case when files go back and forth: nothing changed.
  if (sameValue(a, b)) return { record: a, keptBoth: [], editedAfterDeletion: false };
  const [newer, older] = isNewer(a, b) ? [a, b] : [b, a];
  const tie = a.updatedAt === b.updatedAt;
  const merged: Record<string, unknown> = { ...newer };
  const keptBoth: string[] = [];
  const newerFields = newer as Record<string, unknown>;
  const olderFields = older as Record<string, unknown>;
  for (const field of new Set([...Object.keys(newer), ...Object.keys(older)])) {
    if (stamps.has(field)) continue;
    const [mine, theirs] = [newerFields[field], olderFields[field]];
    if (sameValue(mine, theirs)) continue;
    if (textFields[type].includes(field) && typeof mine === 'string' && typeof theirs === 'string') {
      const text = mergeText(mine, theirs, tie, older.updatedAt);
      merged[field] = text.value;
      if (text.keptBoth) keptBoth.push(field);
    } else if (setFields[type].includes(field) && Array.isArray(mine) && Array.isArray(theirs)) {
      merged[field] = unite(mine, theirs);
    }
  }
  merged.createdAt = a.createdAt < b.createdAt ? a.createdAt : b.createdAt;
  // Deleted or not is the later side's state too: a deletion travels to a copy nobody touched since, and a later restore travels back.
  const editedAfterDeletion = older.deletedAt !== undefined && newer.deletedAt === undefined;
  return { record: merged as T, keptBoth, editedAfterDeletion };
}

/** One record per id, the versions of each id merged (in any order: mergeRecord is symmetric). */
export function mergedVersions<T extends AnyRecord>(type: RecordType, records: Iterable<T>): Map<string, T> {
  const byId = new Map<string, T>();
  for (const record of records) {
    const known = byId.get(record.id);
    byId.set(record.id, known ? mergeRecord(type, known, record).record : record);
  }
  return byId;
}

function isNewer(a: AnyRecord, b: AnyRecord): boolean {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt;
  return canonicalJson(a) >= canonicalJson(b);
}

function mergeText(newer: string, older: string, tie: boolean, olderSavedAt: string): { value: string; keptBoth: boolean } {
  // One version containing the other is an append, a cut, or an earlier merge: no second copy is needed.
  if (newer.includes(older)) return { value: newer, keptBoth: false };
  if (older.includes(newer)) return { value: tie ? older : newer, keptBoth: false };
  return { value: `${newer}${conflictSeparator(olderSavedAt)}${older}`, keptBoth: true };
}

/** Marks where the other version starts, readable in a comment (plain text) and in a note (Markdown). */
export function conflictSeparator(olderSavedAt: string): string {
  return `\n\n——— Kept by a merge: another version, saved ${olderSavedAt} ———\n\n`;
}

function unite(newer: unknown[], older: unknown[]): unknown[] {
  const seen = new Set(newer.map((item) => canonicalJson(item)));
  const extra = older.filter((item) => !seen.has(canonicalJson(item)));
  if (extra.length === 0) return newer;
  const olderKeys = new Set(older.map((item) => canonicalJson(item)));
  // The older side holds everything: keep its order, so merging the result again is a no-op.
  if (newer.every((item) => olderKeys.has(canonicalJson(item)))) return older;
  return [...newer, ...extra];
}
