import { ZipFile } from 'yazl';
import { readAllRecords } from '../../exchange/record-set';
import type { NotebookStore } from '../../notebook/notebook-store';
import { writeFileAtomic } from '../../notebook/storage/atomic-write';
import { type RefiProject, refiProject } from './project-xml';

export const QDPX_PROJECT_PATH = 'project.qde';
export const QDPX_SOURCES_FOLDER = 'sources';

export interface QdpxExportResult {
  documents: number;
  highlights: number;
  unanchored: RefiProject['unanchored'];
  bytes: number;
}

/**
 * Write the notebook as a REFI-QDA project package (.qdpx): `project.qde`
 * and, in `sources/`, each document's canonical text (UTF-8) and each PDF's
 * original. The zip's dates are the notebook's latest change, so the same
 * notebook gives the same bytes.
 */
export async function exportQdpx(store: NotebookStore, outFile: string, origin: string): Promise<QdpxExportResult> {
  const records = await readAllRecords(store);
  const liveDocuments = records.documents.filter((document) => !document.deletedAt);
  const texts = new Map(await Promise.all(liveDocuments.map(async (document) => [document.id, await store.blobs.getText(document.text.sha256)] as const)));
  const project = refiProject(records, texts, store.info.name, origin);

  const latest = [...records.documents, ...records.highlights, ...records.actors, ...records.events, ...records.notes, ...records.tags].reduce((max, record) => (record.updatedAt > max ? record.updatedAt : max), '1980-01-01T00:00:00.000Z');
  const options = { mtime: new Date(latest), compress: true };
  const zip = new ZipFile();
  zip.addBuffer(Buffer.from(project.xml, 'utf8'), QDPX_PROJECT_PATH, options);
  for (const source of project.sources) {
    const content = 'text' in source ? Buffer.from(source.text, 'utf8') : await store.blobs.get(source.blob.sha256);
    // PDFs are compressed already.
    zip.addBuffer(content, `${QDPX_SOURCES_FOLDER}/${source.name}`, { ...options, compress: 'text' in source });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  await writeFileAtomic(outFile, bytes);
  const leftOut = new Set(project.unanchored.map((entry) => entry.highlightId));
  const documentIds = new Set(texts.keys());
  return {
    documents: texts.size,
    highlights: records.highlights.filter((highlight) => !highlight.deletedAt && documentIds.has(highlight.documentId) && !leftOut.has(highlight.id)).length,
    unanchored: project.unanchored,
    bytes: bytes.byteLength,
  };
}
