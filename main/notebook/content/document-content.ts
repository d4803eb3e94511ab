import { ApiError } from '../../../shared/api/errors';
import { readStructureBlob, type Block, type DocumentStructure } from '../../../shared/model/document-structure';
import type { DocumentRecord } from '../../../shared/model/records';
import type { NotebookParts } from './notebook-parts';

/** What the reader needs to show a document: its canonical text, its structure and, for web pages and Markdown, the sanitised HTML. */
export interface DocumentContent {
  text: string;
  structure: DocumentStructure;
  html?: string;
}

/**
 * `current` brings a document stored in an older form up to date before it is
 * read (the import layer's PDF text upgrade): passed in, because the notebook's
 * storage sits below the importers and must not import them.
 */
export async function readDocumentContent(
  notebook: NotebookParts,
  id: string,
  current: (document: DocumentRecord) => Promise<DocumentRecord>,
): Promise<DocumentContent> {
  const document = await current(await liveDocument(notebook, id));
  const [text, structure, html] = await Promise.all([
    notebook.texts.get(document.text.sha256),
    document.structure ? notebook.store.blobs.getText(document.structure.sha256) : undefined,
    document.html ? notebook.store.blobs.getText(document.html.sha256) : undefined,
  ]);
  return { text, structure: structure === undefined ? paragraphsOf(text) : parseStructure(document, structure), ...(html === undefined ? {} : { html }) };
}

/**
 * One of the document's own blobs (its original file, an image of a saved
 * page…), as base64 so that it travels in the JSON contract over both
 * transports. Only blobs the document refers to are served: the renderer
 * cannot read arbitrary content by guessing hashes.
 */
export async function readDocumentBlob(notebook: NotebookParts, id: string, sha256: string): Promise<{ mediaType: string; base64: string }> {
  const document = await liveDocument(notebook, id);
  const ref = [document.original, document.text, document.structure, document.html, ...(document.assets ?? [])].find((blob) => blob?.sha256 === sha256);
  if (!ref) throw new ApiError('NOT_FOUND', `“${document.title}” has no content ${sha256}.`);
  const bytes = await notebook.store.blobs.get(sha256);
  return { mediaType: ref.mediaType, base64: bytes.toString('base64') };
}

async function liveDocument(notebook: NotebookParts, id: string): Promise<DocumentRecord> {
  const document = await notebook.records.get('documents', id);
  if (document.deletedAt) throw new ApiError('NOT_FOUND', `The document “${document.title}” was deleted.`);
  return document;
}

function parseStructure(document: DocumentRecord, json: string): DocumentStructure {
  const structure = readStructureBlob(json);
  if (!structure) throw new ApiError('NOTEBOOK_INVALID', `The structure of “${document.title}” is damaged; run "fieldbook doctor".`);
  return structure;
}

/** Documents created from bare text have no structure blob: their blocks are the text's paragraphs, split on the "\n\n" convention. */
export function paragraphsOf(text: string): DocumentStructure {
  const blocks: Block[] = [];
  let start = 0;
  for (;;) {
    const next = text.indexOf('\n\n', start);
    const end = next === -1 ? text.length : next;
    if (end > start) blocks.push({ type: 'paragraph', start, end });
    if (next === -1) break;
    start = next + 2;
  }
  return { blocks };
}
