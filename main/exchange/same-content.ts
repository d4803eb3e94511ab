import type { DocumentRecord, NoteRecord, RecordOf, RecordType } from '../../shared/model/records';
import { retargetLinks } from '../../shared/notes/link-syntax';
import { mergedVersions } from './merge-records';
import { recordTypes, type RecordSet } from './record-set';

/** A retired copy's id → the id of the document it became part of. */
export type Survivors = ReadonlyMap<string, string>;

/**
 * The same content is one document, whoever imported it and under whatever
 * id. Of the copies of one original file (by SHA-256) in the notebook and the
 * file together, the live one with the smallest id survives. The rule looks
 * only at the two sides' records, never at which side is which, so merging A
 * into B and B into A keep the same id. Every other copy, live or deleted, is
 * retired: what refers to it moves to the survivor. Deleted copies count too,
 * so references that arrive later (an older file, a merge a crash cut short)
 * still find the survivor.
 */
export function sameContentSurvivors(local: readonly DocumentRecord[], incoming: readonly DocumentRecord[]): Map<string, string> {
  const versions = mergedVersions('documents', [...local, ...incoming]);
  const copies = new Map<string, DocumentRecord[]>();
  for (const document of versions.values()) copies.set(document.original.sha256, [...(copies.get(document.original.sha256) ?? []), document]);
  const survivors = new Map<string, string>();
  for (const group of copies.values()) {
    const live = group.filter((document) => !document.deletedAt).map((document) => document.id);
    if (group.length < 2 || live.length === 0) continue;
    const survivor = live.reduce((smallest, id) => (id < smallest ? id : smallest));
    for (const document of group) if (document.id !== survivor) survivors.set(document.id, survivor);
  }
  return survivors;
}

/**
 * One side's records as they stand once the retired copies are folded in:
 * a live retired copy becomes a version of its survivor (merged with the
 * others like any two versions of one record) and leaves a tombstone under
 * its own id; highlights are filed under the survivor; notes attached to or
 * linking a retired copy point at the survivor. Times other than the
 * tombstone's are kept, so both sides re-key a record to the same value.
 */
export function refiled(set: RecordSet, survivors: Survivors): RecordSet {
  if (survivors.size === 0) return set;
  return {
    ...set,
    documents: set.documents.flatMap((document) => {
      const survivor = survivors.get(document.id);
      if (!survivor) return [document];
      return document.deletedAt ? [document] : [retired(document), { ...document, id: survivor }];
    }),
    highlights: set.highlights.map((highlight) => {
      const survivor = survivors.get(highlight.documentId);
      return survivor ? { ...highlight, documentId: survivor } : highlight;
    }),
    notes: set.notes.map((note) => relinked(note, survivors)),
  };
}

/** Several versions of one id (a retired copy next to its survivor, or a record a cut-short merge left in two shards) merged into one. */
export function collapsed(set: RecordSet): RecordSet {
  const result = { ...set };
  for (const type of recordTypes) {
    const byId = mergedVersions(type, set[type] as RecordOf<RecordType>[]);
    if (byId.size !== set[type].length) (result as Record<RecordType, unknown[]>)[type] = [...byId.values()];
  }
  return result;
}

/**
 * The tombstone a live copy leaves. Its time is one millisecond after the
 * copy's last change, derived from the copy alone so that every notebook
 * writes the same tombstone, and later than that version, so meeting the
 * copy again (in an older file) keeps it retired.
 */
function retired(document: DocumentRecord): DocumentRecord {
  const at = new Date(Date.parse(document.updatedAt) + 1).toISOString();
  return { ...document, updatedAt: at, deletedAt: at };
}

function relinked(note: NoteRecord, survivors: Survivors): NoteRecord {
  const attached = note.attachedTo?.kind === 'document' ? survivors.get(note.attachedTo.id) : undefined;
  const body = retargetLinks(note.body, 'document', (id) => survivors.get(id) ?? id);
  if (!attached && body === note.body) return note;
  return { ...note, body, ...(attached ? { attachedTo: { kind: 'document' as const, id: attached } } : {}) };
}
