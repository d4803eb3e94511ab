import type { z } from 'zod';
import { ApiError } from '../../../shared/api/errors';
import type { DocumentCreate, DocumentRecord } from '../../../shared/model/records';
import type { RecordService } from './record-service';

/**
 * Add a document from its canonical text. The text is stored NFC-normalised
 * as a blob; the same content twice is one document, reported as a duplicate.
 */
export async function createTextDocument(records: RecordService, input: z.output<typeof DocumentCreate>): Promise<DocumentRecord> {
  const { text, ...fields } = input;
  const canonical = text.normalize('NFC');
  const mediaType = input.kind === 'markdown' ? 'text/markdown; charset=utf-8' : 'text/plain; charset=utf-8';
  const blob = await records.store.blobs.put(canonical, mediaType);
  const existing = await findDocumentByContent(records, blob.sha256);
  if (existing) throw new ApiError('CONFLICT', `This content is already in the notebook as “${existing.title}” (${existing.id}).`);
  return records.create('documents', { ...fields, original: blob, text: blob });
}

/** The live document whose original file has this SHA-256: the same content is one document, however it arrives. */
export async function findDocumentByContent(records: RecordService, sha256: string): Promise<DocumentRecord | undefined> {
  return (await records.list('documents')).find((document) => document.original.sha256 === sha256);
}
