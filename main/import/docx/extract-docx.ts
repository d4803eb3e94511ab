/// <reference lib="dom" />
import type { DOMWindow } from 'jsdom';
import mammoth from 'mammoth';
import { ApiError } from '../../../shared/api/errors';
import type { ExtractedDocument, ImportLimits } from '../extracted-document';
import { relativeUrlFor } from '../html/image-assets';
import { packagedContent } from '../html/packaged-content';
import { parseInertHtml } from '../html/parse-document';
import { savedPageLocation } from '../html/saved-page-paths';
import { readZipParts } from '../zip-parts';

const DUBLIN_CORE = 'http://purl.org/dc/elements/1.1/';
const CORE_PROPERTIES = 'docProps/core.xml';
/** The one part read here besides what mammoth reads, a few hundred bytes in a real file. */
const MAX_CORE_PROPERTIES_BYTES = 1024 * 1024;

interface CoreProperties {
  title?: string;
  authors: string[];
  language?: string;
}

/** Title, authors and language from docProps/core.xml, whatever of them Word filled in. */
function readCoreProperties(window: DOMWindow, xml: string | undefined): CoreProperties {
  if (xml === undefined) return { authors: [] };
  const document = new window.DOMParser().parseFromString(xml, 'application/xml');
  const value = (name: string): string | undefined => document.getElementsByTagNameNS(DUBLIN_CORE, name)[0]?.textContent?.replace(/\s+/g, ' ').trim() || undefined;
  const title = value('title');
  const language = value('language');
  const authors = (value('creator') ?? '').split(/\s*;\s*/).filter(Boolean);
  return { authors, ...(title === undefined ? {} : { title }), ...(language === undefined ? {} : { language }) };
}

/**
 * Extracts a Word document (.docx): mammoth turns its paragraphs, headings,
 * lists, tables, footnotes and endnotes into plain HTML, which then goes the
 * way of a saved web page's article (sanitised, images kept as assets, the
 * canonical text taken from what the reader shows). mammoth follows no
 * links to files outside the document.
 */
export async function extractDocx(bytes: Uint8Array, fileName: string, limits: ImportLimits): Promise<ExtractedDocument> {
  const parts = await readZipParts(bytes, {
    fileName,
    format: 'Word document',
    maxUnpackedBytes: limits.maxUnpackedBytes,
    keep: (name, size) => name === CORE_PROPERTIES && size <= MAX_CORE_PROPERTIES_BYTES,
  });
  const coreBytes = parts.get(CORE_PROPERTIES);
  const coreProperties = coreBytes === undefined ? undefined : Buffer.from(coreBytes).toString('utf8');
  // The document's images take the place of a saved page's folder of files.
  const page = savedPageLocation(fileName);
  const images = new Map<string, Uint8Array>();
  const convertImage = mammoth.images.imgElement(async (image) => {
    const path = `${page.resourceFolder}/image-${images.size + 1}`;
    images.set(path, new Uint8Array(await image.readAsBuffer()));
    return { src: relativeUrlFor(path) };
  });
  let converted: string;
  try {
    converted = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }, { convertImage, externalFileAccess: false })).value;
  } catch {
    throw new ApiError('DAMAGED_FILE', `${fileName} is not a readable Word document.`);
  }
  // The "↑" links back from each note to its reference would end every note's text.
  converted = converted.replace(/\s*<a href="#(?:footnote|endnote)-ref-[\w-]+">↑<\/a>/g, '');

  const dom = parseInertHtml('', page.documentUrl);
  try {
    const { window } = dom;
    const properties = readCoreProperties(window, coreProperties);
    const content = await packagedContent(window, { html: converted, page, readResource: async (path) => images.get(path), fileName, container: 'document', limits });
    const result: ExtractedDocument = { kind: 'docx', title: properties.title ?? '', authors: properties.authors, ...content };
    if (properties.language !== undefined) result.language = properties.language;
    return result;
  } finally {
    dom.window.close();
  }
}
