/// <reference lib="dom" />
import { Readability } from '@mozilla/readability';
import { cleanText, declaredDirection } from './metadata';
import type { TextDirection } from '../../../shared/text/canonical-direction';

/** The article Readability found in a page, still unsanitised. */
export interface ReadableArticle {
  html: string;
  title?: string;
  byline?: string;
  direction?: TextDirection;
  siteName?: string;
  publishedTime?: string;
}

const SHOW_COMMENT = 128;

/**
 * A copy of `document` without its HTML comments. Readability ends a
 * paragraph at any node that is not phrasing content, comments included, so
 * `<div>A<!-- -->22 people</div>` (frameworks leave such markers inside text)
 * would come out as two paragraphs. The sanitiser drops comments anyway.
 */
function copyWithoutComments(document: Document): Document {
  const copy = document.cloneNode(true) as Document;
  const walker = copy.createTreeWalker(copy, SHOW_COMMENT);
  const comments: Node[] = [];
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) comments.push(node);
  for (const comment of comments) comment.parentNode?.removeChild(comment);
  // Join the text the comments split, so nothing downstream sees a seam.
  copy.normalize();
  return copy;
}

/**
 * Mozilla Readability's article: the page without its header, navigation,
 * ads, comments and related links. Readability rewrites the DOM it is given,
 * so it works on a copy and `document` stays whole for the fallback.
 * Undefined when it finds no article (or fails on a strange page).
 */
export function readableArticle(document: Document): ReadableArticle | undefined {
  let parsed: ReturnType<Readability['parse']>;
  try {
    parsed = new Readability(copyWithoutComments(document)).parse();
  } catch {
    return undefined;
  }
  if (parsed === null || typeof parsed.content !== 'string' || parsed.content.trim() === '') return undefined;
  const article: ReadableArticle = { html: parsed.content };
  const title = cleanText(parsed.title);
  const byline = cleanText(parsed.byline);
  const direction = declaredDirection(parsed.dir);
  const siteName = cleanText(parsed.siteName);
  const publishedTime = cleanText(parsed.publishedTime);
  if (title !== undefined) article.title = title;
  if (byline !== undefined) article.byline = byline;
  if (direction !== undefined) article.direction = direction;
  if (siteName !== undefined) article.siteName = siteName;
  if (publishedTime !== undefined) article.publishedTime = publishedTime;
  return article;
}

/**
 * The page's whole body when there is no article, minus what the page hides
 * (sanitising removes the `hidden` attributes and styles that hid it, so a
 * cookie banner or "skip to content" link would otherwise show).
 */
export function visibleBodyHtml(document: Document): string {
  const body = document.body?.cloneNode(true) as HTMLElement | undefined;
  if (body === undefined) return '';
  for (const element of Array.from(body.querySelectorAll('[hidden], [aria-hidden="true" i], [style]'))) {
    if (isHiddenFromView(element) || element.getAttribute('aria-hidden')?.toLowerCase() === 'true') element.remove();
  }
  return body.innerHTML;
}

/** Whether the page hides `element` itself, by attribute or inline style (stylesheets are not read). */
export function isHiddenFromView(element: Element): boolean {
  const style = (element.getAttribute('style') ?? '').toLowerCase().replace(/\s+/g, '');
  return element.hasAttribute('hidden') || /(?:^|;)display:none|(?:^|;)visibility:hidden/.test(style);
}
