/// <reference lib="dom" />
import { ApiError } from '../../../shared/api/errors';
import type { ExtractedDocument, ImportLimits } from '../extracted-document';
import { splitByline } from './byline';
import { normaliseDate } from '../dates';
import { relativeUrlFor, type ReadResource } from './image-assets';
import { replaceFormulasWithText } from './formulas';
import { readPageMetadata } from './metadata';
import { assertNestingWithin } from './nesting-depth';
import { parseInertHtml } from './parse-document';
import { readableArticle, visibleBodyHtml } from './readable-article';
import { buildReaderContent, type ReaderContent } from './reader-content';
import { sanitizeHtml, type UrlPolicy } from '../../../shared/html/sanitize';
import { linkTarget, localResourcePath, savedPageLocation, type SavedPageLocation } from './saved-page-paths';
import { assertImportableText } from './text-input';
import type { TextDirection } from '../../../shared/text/canonical-direction';

export interface HtmlInput {
  html: string;
  fileName: string;
  /** Reads a file saved beside the page (e.g. `Page_files/img.png`); undefined when it is not there. */
  readResource?: ReadResource;
  limits: ImportLimits;
}

/** Deeper than this, the page is not given to Readability (see extractHtml). */
const READABILITY_MAX_DEPTH = 160;

/** Images only from the page's own folder, links only to the web (see saved-page-paths). */
export function urlPolicy(page: SavedPageLocation, sourceUrl: string | undefined): UrlPolicy {
  return {
    imageSource: (src) => {
      const path = localResourcePath(src, page);
      return path === undefined ? undefined : relativeUrlFor(path);
    },
    linkTarget: (href) => linkTarget(href, page, sourceUrl),
  };
}

/**
 * Extracts a saved web page: its readable article as sanitised HTML for the
 * reader, the canonical text highlights anchor to, and its metadata. Nothing
 * in the page runs and nothing is fetched; the only files read are the
 * page's own saved images, through `readResource`.
 */
export async function extractHtml(input: HtmlInput): Promise<ExtractedDocument> {
  const { html, fileName, readResource, limits } = input;
  assertImportableText(html, fileName, limits);
  // Before jsdom parses: a page nested 100,000 deep must not reach anything recursive.
  const depth = assertNestingWithin(html, limits.maxHtmlDepth, fileName);

  const page = savedPageLocation(fileName);
  const dom = parseInertHtml(html, page.documentUrl);
  try {
    const { window } = dom;
    const { document } = window;
    // A <base> would redirect every relative URL, and with it the page's own images, elsewhere.
    for (const base of Array.from(document.querySelectorAll('base'))) base.remove();
    replaceFormulasWithText(document);

    const metadata = readPageMetadata(document);
    // Readability slows down steeply with depth (seconds at a few hundred
    // levels); no real article page nests that deep, so such a page is read whole.
    const article = depth <= READABILITY_MAX_DEPTH ? readableArticle(document) : undefined;
    const sourceUrl = metadata.canonicalUrl;
    const policy = urlPolicy(page, sourceUrl);
    const direction: TextDirection | undefined = article?.direction ?? metadata.direction;

    const render = (dirty: string): Promise<ReaderContent> =>
      buildReaderContent(window, sanitizeHtml(window, dirty, policy, fileName), {
        page,
        readResource,
        maxAssetBytes: limits.maxFileBytes,
        fileName,
        ...(direction === undefined ? {} : { documentDirection: direction }),
      });

    let content = article === undefined ? undefined : await render(article.html);
    // Readability can settle on an empty container on pages it does not understand.
    if (content === undefined || content.text === '') content = await render(visibleBodyHtml(document));
    if (content.text === '') throw new ApiError('DAMAGED_FILE', `${fileName} has no readable text.`);

    const notices = [...content.notices];
    if (content.imagesOutsideFolder > 0) {
      const count = content.imagesOutsideFolder;
      notices.push(`${count} ${count === 1 ? 'image is' : 'images are'} not shown because ${count === 1 ? 'it is' : 'they are'} not saved in the page's folder (Fieldbook never loads anything from the network).`);
    }
    const authors = splitByline(article?.byline ?? metadata.author);
    const result: ExtractedDocument = {
      kind: 'html',
      title: article?.title ?? metadata.ogTitle ?? metadata.documentTitle ?? metadata.firstHeading ?? '',
      authors,
      text: content.text,
      structure: content.structure,
      html: content.html,
      assets: content.assets,
      notices,
    };
    const publishedAt = metadata.publishedAt ?? normaliseDate(article?.publishedTime);
    const siteName = metadata.siteName ?? article?.siteName;
    if (publishedAt !== undefined) result.publishedAt = publishedAt;
    if (sourceUrl !== undefined) result.sourceUrl = sourceUrl;
    if (siteName !== undefined) result.siteName = siteName;
    if (metadata.language !== undefined) result.language = metadata.language;
    if (direction !== undefined) result.direction = direction;
    return result;
  } finally {
    dom.window.close();
  }
}
