import { ApiError } from '../../../shared/api/errors';
import type { ExtractedDocument, ImportLimits } from '../extracted-document';
import { splitByline } from '../html/byline';
import { normaliseDate } from '../dates';
import { cleanText } from '../html/metadata';
import { assertNestingWithin } from '../html/nesting-depth';
import { parseInertHtml } from '../html/parse-document';
import { buildReaderContent } from '../html/reader-content';
import { sanitizeHtml } from '../../../shared/html/sanitize';
import { linkTarget, savedPageLocation } from '../html/saved-page-paths';
import { assertImportableText } from '../html/text-input';
import { splitFrontMatter } from './front-matter';
import { renderMarkdown } from './render-markdown';

export interface MarkdownInput {
  source: string;
  fileName: string;
  limits: ImportLimits;
}

/**
 * Extracts a Markdown file through the same sanitiser and canonical-text
 * walk as web pages, so a Markdown document and a web page with the same
 * headings and paragraphs have the same text and structure. Images are
 * dropped: a Markdown file brings no folder of its own, and remote ones would
 * be a network load.
 */
export async function extractMarkdown(input: MarkdownInput): Promise<ExtractedDocument> {
  const { source, fileName, limits } = input;
  assertImportableText(source, fileName, limits);
  const { frontMatter, body } = splitFrontMatter(source);
  // One level past the limit, so a file markdown-it had to cut short renders too deep and is refused.
  const rendered = renderMarkdown(body, limits.maxHtmlDepth + 1);
  assertNestingWithin(rendered, limits.maxHtmlDepth, fileName);

  const page = savedPageLocation(fileName);
  const dom = parseInertHtml('', page.documentUrl);
  try {
    const sanitised = sanitizeHtml(dom.window, rendered, { imageSource: () => undefined, linkTarget: (href) => linkTarget(href, page) }, fileName);
    const content = await buildReaderContent(dom.window, sanitised, { page, maxAssetBytes: limits.maxFileBytes, fileName });
    if (content.text === '') throw new ApiError('DAMAGED_FILE', `${fileName} has no readable text.`);

    const firstTitle = content.structure.blocks.find((block) => block.type === 'heading' && block.level === 1);
    const title = firstTitle === undefined ? cleanText(frontMatter.title) : cleanText(content.text.slice(firstTitle.start, firstTitle.end));
    const result: ExtractedDocument = {
      kind: 'markdown',
      title: title ?? '',
      authors: frontMatter.authors.flatMap((author) => splitByline(author)),
      text: content.text,
      structure: content.structure,
      html: content.html,
      assets: [],
      notices:
        content.imagesOutsideFolder === 0
          ? []
          : [`${content.imagesOutsideFolder} ${content.imagesOutsideFolder === 1 ? 'image is' : 'images are'} not shown: images in Markdown are not imported, and Fieldbook never loads anything from the network.`],
    };
    const publishedAt = normaliseDate(frontMatter.date);
    if (publishedAt !== undefined) result.publishedAt = publishedAt;
    return result;
  } finally {
    dom.window.close();
  }
}
