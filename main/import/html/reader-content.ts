/// <reference lib="dom" />
import type { DOMWindow } from 'jsdom';
import { ApiError } from '../../../shared/api/errors';
import type { DocumentStructure } from '../../../shared/model/document-structure';
import type { ExtractedAsset } from '../extracted-document';
import { toCanonicalText } from '../../../shared/text/canonical-text';
import { embedLocalImages, type ReadResource } from './image-assets';
import type { SavedPageLocation } from './saved-page-paths';
import type { TextDirection } from '../../../shared/text/canonical-direction';

export interface ReaderContent {
  /** The HTML the reader shows, images pointing at `asset:N`. */
  html: string;
  text: string;
  structure: DocumentStructure;
  assets: ExtractedAsset[];
  notices: string[];
  /** Images left out because they were not files saved with the page. */
  imagesOutsideFolder: number;
}

const SHOW_TEXT = 4;

function parseBody(window: DOMWindow, html: string): HTMLElement {
  // A document of its own, so nothing in the page (a <base>, say) can change how this parses.
  const body = window.document.implementation.createHTMLDocument('').body;
  body.innerHTML = html;
  return body;
}

/** NFC in the DOM too, so the text the reader shows is the text highlights count in. */
function normaliseTextNodes(root: HTMLElement): void {
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const value = node.nodeValue ?? '';
    const normalised = value.normalize('NFC');
    if (normalised !== value) node.nodeValue = normalised;
  }
}

/**
 * Turns sanitised HTML into what is stored: the reader's HTML with the page's
 * own images embedded, and the canonical text computed from exactly that HTML
 * as the reader will parse it, so what is shown and what highlights anchor to
 * cannot drift apart.
 */
export async function buildReaderContent(
  window: DOMWindow,
  sanitisedHtml: string,
  options: { page: SavedPageLocation; readResource?: ReadResource; maxAssetBytes: number; documentDirection?: TextDirection; fileName: string },
): Promise<ReaderContent> {
  const body = parseBody(window, sanitisedHtml);
  const images = await embedLocalImages(body, { page: options.page, readResource: options.readResource, maxBytes: options.maxAssetBytes });
  normaliseTextNodes(body);
  const html = body.innerHTML;
  const reparsed = parseBody(window, html);
  if (reparsed.innerHTML !== html) {
    // The sanitiser reached a fixed point, so this means a parser quirk we do not know: refuse rather than guess.
    throw new ApiError('DAMAGED_FILE', `${options.fileName} contains markup that does not survive being saved and reopened.`);
  }
  const canonical = toCanonicalText(reparsed, options.documentDirection === undefined ? {} : { documentDirection: options.documentDirection });
  return { html, text: canonical.text, structure: canonical.structure, assets: images.assets, notices: images.notices, imagesOutsideFolder: images.outsideFolder };
}
