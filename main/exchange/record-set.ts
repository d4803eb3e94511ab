import { RecordType, type RecordOf } from '../../shared/model/records';
import type { NotebookStore } from '../notebook/notebook-store';

/** Records of every kind, tombstones included: what an exchange file carries and what a merge compares. */
export type RecordSet = { [T in RecordType]: RecordOf<T>[] };

export const recordTypes: readonly RecordType[] = RecordType.options;

export function emptyRecordSet(): RecordSet {
  return { documents: [], highlights: [], actors: [], events: [], notes: [], tags: [] };
}

/** Every record of the notebook, deleted ones too, since deletions must travel. */
export async function readAllRecords(store: NotebookStore): Promise<RecordSet> {
  const set = emptyRecordSet();
  await Promise.all(
    recordTypes.map(async (type) => {
      (set as Record<RecordType, unknown[]>)[type] = await store.collection(type).all();
    }),
  );
  return set;
}

/** The blobs a document needs: its original, canonical text, structure, reader HTML and images. */
export function blobsOfDocument(document: RecordOf<'documents'>): { sha256: string; size: number; mediaType: string }[] {
  return [document.original, document.text, document.structure, document.html, ...(document.assets ?? [])].filter((ref) => ref !== undefined);
}
