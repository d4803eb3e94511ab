/// <reference lib="dom" />
import type { DOMWindow } from 'jsdom';
import { ApiError } from '../../../shared/api/errors';

/**
 * An EPUB's package: META-INF/container.xml names the package document
 * (.opf), whose metadata describes the book, whose manifest lists its files
 * and whose spine gives the reading order. EPUB 2 and 3 agree on all of
 * this; namespaces are matched loosely, as reading systems do.
 */

export interface EpubPackage {
  title?: string;
  authors: string[];
  language?: string;
  date?: string;
  /** The spine's files, in reading order, as paths in the archive. */
  spine: string[];
  /** Set when the book says its pages progress right to left. */
  direction?: 'rtl' | 'ltr';
}

const CONTAINER = 'META-INF/container.xml';

function damaged(fileName: string, why: string): ApiError {
  return new ApiError('DAMAGED_FILE', `${fileName} is not a readable e-book (${why}).`);
}

function parseXml(window: DOMWindow, bytes: Uint8Array | undefined): Document | undefined {
  if (bytes === undefined) return undefined;
  const document = new window.DOMParser().parseFromString(new TextDecoder().decode(bytes), 'application/xml');
  return document.getElementsByTagName('parsererror').length > 0 ? undefined : document;
}

function byLocalName(root: Document | Element, name: string): Element[] {
  return Array.from(root.getElementsByTagNameNS('*', name));
}

const textOf = (element: Element | undefined): string | undefined => element?.textContent?.replace(/\s+/g, ' ').trim() || undefined;

/** `href` (as the package writes it, URL-encoded and relative to the package document) as a path in the archive. */
export function resolvePartPath(href: string, from: string): string | undefined {
  const base = 'https://book.invalid/';
  try {
    const url = new URL(href, base + from);
    return url.origin === new URL(base).origin ? decodeURIComponent(url.pathname.slice(1)) : undefined;
  } catch {
    return undefined;
  }
}

export function readEpubPackage(window: DOMWindow, parts: ReadonlyMap<string, Uint8Array>, fileName: string): EpubPackage {
  const container = parseXml(window, parts.get(CONTAINER));
  const packagePath = container === undefined ? undefined : (byLocalName(container, 'rootfile')[0]?.getAttribute('full-path') ?? undefined);
  if (container === undefined || packagePath === undefined) throw damaged(fileName, `it has no readable ${CONTAINER}`);
  const opf = parseXml(window, parts.get(packagePath));
  if (opf === undefined) throw damaged(fileName, `its package document ${packagePath} is missing or not XML`);

  const manifest = new Map<string, string>();
  for (const item of byLocalName(opf, 'item')) {
    const id = item.getAttribute('id');
    const path = resolvePartPath(item.getAttribute('href') ?? '', packagePath);
    if (id !== null && path !== undefined) manifest.set(id, path);
  }
  const spineElement = byLocalName(opf, 'spine')[0];
  const spine: string[] = [];
  for (const itemref of spineElement === undefined ? [] : byLocalName(spineElement, 'itemref')) {
    const idref = itemref.getAttribute('idref') ?? '';
    const path = manifest.get(idref);
    if (path === undefined || !parts.has(path)) {
      throw damaged(fileName, `its reading order names ${path ?? `“${idref}”`}, which is not in the book`);
    }
    spine.push(path);
  }
  if (spine.length === 0) throw damaged(fileName, 'its reading order is empty');

  const metadata = byLocalName(opf, 'metadata')[0] ?? opf.documentElement;
  const title = textOf(byLocalName(metadata, 'title')[0]);
  const language = textOf(byLocalName(metadata, 'language')[0]);
  const date = textOf(byLocalName(metadata, 'date')[0]);
  const progression = spineElement?.getAttribute('page-progression-direction');
  return {
    authors: byLocalName(metadata, 'creator').map(textOf).filter((name): name is string => name !== undefined),
    spine,
    ...(title === undefined ? {} : { title }),
    ...(language === undefined ? {} : { language }),
    ...(date === undefined ? {} : { date }),
    ...(progression === 'rtl' || progression === 'ltr' ? { direction: progression } : {}),
  };
}
