/// <reference lib="dom" />
import type { DOMWindow } from 'jsdom';
import { normaliseDate } from '../dates';
import type { ExtractedDocument, ImportLimits } from '../extracted-document';
import { relativeUrlFor } from '../html/image-assets';
import { packagedContent } from '../html/packaged-content';
import { parseInertHtml } from '../html/parse-document';
import { savedPageLocation, type SavedPageLocation } from '../html/saved-page-paths';
import { readZipParts } from '../zip-parts';
import { readEpubPackage, resolvePartPath } from './epub-package';

/**
 * A chapter's body as HTML, its images pointed at the book's own files the
 * way a saved page's point at its folder. Chapters are XHTML, so they are
 * parsed as XML (where `<div/>` is empty, as the author meant); a chapter
 * that is not well-formed, as some are, is parsed as HTML instead.
 */
function chapterHtml(window: DOMWindow, bytes: Uint8Array, path: string, page: SavedPageLocation, parts: ReadonlyMap<string, Uint8Array>): string {
  const source = new TextDecoder().decode(bytes);
  let chapter = new window.DOMParser().parseFromString(source, 'application/xhtml+xml');
  if (chapter.getElementsByTagName('parsererror').length > 0 || chapter.body === null) chapter = new window.DOMParser().parseFromString(source, 'text/html');
  const body = window.document.importNode(chapter.body ?? chapter.documentElement, true);
  for (const image of Array.from(body.querySelectorAll('img'))) {
    const part = resolvePartPath(image.getAttribute('src') ?? '', path);
    // Anything else (the web, another disk) is left for the sanitiser to remove and count.
    if (part !== undefined && parts.has(part)) image.setAttribute('src', relativeUrlFor(`${page.resourceFolder}/${part}`));
  }
  const direction = chapter.documentElement.getAttribute('dir') ?? body.getAttribute('dir');
  return `<section${direction === 'rtl' || direction === 'ltr' ? ` dir="${direction}"` : ''}>${body.innerHTML}</section>`;
}

/**
 * Extracts an EPUB (2 or 3): the spine's chapters in reading order as one
 * document, each chapter's headings its structure, the book's images as
 * assets, sanitised as web pages are (scripts and remote resources go), and
 * its title, authors, language and date.
 */
export async function extractEpub(bytes: Uint8Array, fileName: string, limits: ImportLimits): Promise<ExtractedDocument> {
  // Everything is kept: the package document, read next, says which parts matter.
  const parts = await readZipParts(bytes, { fileName, format: 'e-book', maxUnpackedBytes: limits.maxUnpackedBytes, keep: () => true });
  const page = savedPageLocation(fileName);
  const dom = parseInertHtml('', page.documentUrl);
  try {
    const { window } = dom;
    const book = readEpubPackage(window, parts, fileName);
    const html = book.spine.map((path) => chapterHtml(window, parts.get(path) as Uint8Array, path, page, parts)).join('\n');
    const content = await packagedContent(window, {
      html,
      page,
      readResource: async (path) => parts.get(path.slice(page.resourceFolder.length + 1)),
      fileName,
      container: 'book',
      limits,
      ...(book.direction === undefined ? {} : { documentDirection: book.direction }),
    });
    const result: ExtractedDocument = { kind: 'epub', title: book.title ?? '', authors: book.authors, ...content };
    const publishedAt = normaliseDate(book.date);
    if (publishedAt !== undefined) result.publishedAt = publishedAt;
    if (book.language !== undefined) result.language = book.language;
    if (book.direction !== undefined) result.direction = book.direction;
    return result;
  } finally {
    dom.window.close();
  }
}
