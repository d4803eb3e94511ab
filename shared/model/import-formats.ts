import type { DocumentRecord } from './records';

type DocumentKind = DocumentRecord['kind'];

/**
 * The files Fieldbook imports, by extension: main detects a file's kind from
 * it (the bytes outrank it for PDFs), and the renderer's and Electron's file
 * pickers offer exactly these, so a new format is added in one place.
 */
export const importExtensions: Readonly<Record<string, DocumentKind>> = {
  '.pdf': 'pdf',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.text': 'text',
  '.docx': 'docx',
  '.epub': 'epub',
  '.png': 'image',
  '.jpg': 'image',
  '.jpeg': 'image',
};

export const importMediaTypes: Readonly<Record<DocumentKind, string>> = {
  pdf: 'application/pdf',
  html: 'text/html',
  markdown: 'text/markdown',
  text: 'text/plain',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  epub: 'application/epub+zip',
  // Each image keeps its own type (ExtractedDocument.mediaType); this one lets file pickers offer PNG and JPEG.
  image: 'image/png',
};

/** What a file picker names the choice: "PDFs, web pages, Word documents, EPUB books, images, Markdown and text". */
export const importFormatsLabel = 'PDFs, web pages, Word documents, EPUB books, images, Markdown and text';
