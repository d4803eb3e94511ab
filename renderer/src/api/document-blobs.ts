import type { FieldbookApi } from '../../../shared/api/contract';

export interface DocumentBlob {
  bytes: Uint8Array;
  mediaType: string;
}

/** One of a document's blobs (its original file, a saved page's image), the same way over IPC and HTTP. */
export async function fetchDocumentBlob(api: FieldbookApi, documentId: string, sha256: string): Promise<DocumentBlob> {
  const { base64, mediaType } = await api.call('documents.blob', { id: documentId, sha256 });
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return { bytes, mediaType };
}

/** An object URL for the blob; the caller revokes it. */
export async function documentBlobUrl(api: FieldbookApi, documentId: string, sha256: string): Promise<string> {
  const { bytes, mediaType } = await fetchDocumentBlob(api, documentId, sha256);
  return URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mediaType }));
}
