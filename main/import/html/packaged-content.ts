/// <reference lib="dom" />
import type { DOMWindow } from 'jsdom';
import { ApiError } from '../../../shared/api/errors';
import { sanitizeHtml } from '../../../shared/html/sanitize';
import type { TextDirection } from '../../../shared/text/canonical-direction';
import type { ExtractedDocument, ImportLimits } from '../extracted-document';
import { urlPolicy } from './extract-html';
import type { ReadResource } from './image-assets';
import { assertNestingWithin } from './nesting-depth';
import { buildReaderContent } from './reader-content';
import type { SavedPageLocation } from './saved-page-paths';

export interface PackagedHtml {
  /** The document's HTML, unsanitised, its images pointing into `page.resourceFolder`. */
  html: string;
  page: SavedPageLocation;
  /** Reads an image from inside the document's own file. */
  readResource: ReadResource;
  fileName: string;
  /** What the file is, for the notice about left-out images: "document", "book". */
  container: string;
  limits: ImportLimits;
  documentDirection?: TextDirection;
}

/**
 * The reader content of a document whose HTML and images all come from
 * inside its own file (.docx, .epub): nested no deeper than a web page may
 * be, sanitised as web pages are, images kept only from the file itself.
 */
export async function packagedContent(window: DOMWindow, input: PackagedHtml): Promise<Pick<ExtractedDocument, 'text' | 'structure' | 'html' | 'assets' | 'notices'>> {
  const { html, page, readResource, fileName, limits } = input;
  assertNestingWithin(html, limits.maxHtmlDepth, fileName);
  const content = await buildReaderContent(window, sanitizeHtml(window, html, urlPolicy(page, undefined), fileName), {
    page,
    readResource,
    maxAssetBytes: limits.maxFileBytes,
    fileName,
    ...(input.documentDirection === undefined ? {} : { documentDirection: input.documentDirection }),
  });
  if (content.text === '') throw new ApiError('DAMAGED_FILE', `${fileName} has no readable text.`);
  const notices = [...content.notices];
  const outside = content.imagesOutsideFolder;
  if (outside > 0) {
    notices.push(`${outside} ${outside === 1 ? 'image is' : 'images are'} not shown because ${outside === 1 ? 'it is' : 'they are'} not in the ${input.container} (Fieldbook never loads anything from the network).`);
  }
  return { text: content.text, structure: content.structure, html: content.html, assets: content.assets, notices };
}
