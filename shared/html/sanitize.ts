/// <reference lib="dom" />
import createDOMPurify, { type Config, type UponSanitizeAttributeHookEvent, type WindowLike } from 'dompurify';
import { ApiError } from '../api/errors';

/**
 * The one sanitiser profile for web pages and Markdown, applied twice: at
 * import (on jsdom, in main) and again by the reader (in the page) on the
 * stored HTML, which a merged file may have altered. Everything the reader
 * may show is on an allow-list: text structure, links and images. Nothing
 * that runs code, submits, embeds another document, styles, or loads
 * anything: no scripts or handlers, no forms or inputs, frames, objects,
 * media, SVG or MathML, no <style>, style attributes, <base>, <meta> or
 * <link>, no srcset, poster or background. URLs go through a policy the
 * caller gives: at import images keep only a `src` into the saved page's own
 * folder, in the reader only one of the document's own blobs; links keep
 * only an http(s) href.
 */

export interface UrlPolicy {
  /** The `src` an <img> may keep, or undefined to take it away. */
  imageSource(src: string): string | undefined;
  /** The href an <a> may keep (absolute http or https), or undefined to take it away. */
  linkTarget(href: string): string | undefined;
}

const ALLOWED_TAGS = [
  'a', 'abbr', 'address', 'article', 'aside', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption', 'cite', 'code', 'col', 'colgroup', 'data',
  'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'main', 'mark', 'nav', 'ol', 'p', 'pre', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'section',
  'small', 'span', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul', 'var', 'wbr',
];

const ALLOWED_ATTR = ['href', 'src', 'alt', 'title', 'dir', 'lang', 'colspan', 'rowspan', 'start', 'reversed', 'datetime', 'scope', 'rel'];

/**
 * Removed elements whose text goes with them. DOMPurify already drops the
 * content of script, style, svg, math, noscript, template, iframe and the
 * like; a control's label or an embed's fallback is not the article's text.
 */
const DROP_WITH_CONTENT = ['button', 'select', 'option', 'optgroup', 'datalist', 'textarea', 'object', 'embed', 'applet', 'canvas', 'map', 'dialog', 'frameset', 'frame'];

/** Which elements each attribute belongs on; on any other it goes. */
const ATTRIBUTE_ELEMENTS: Readonly<Record<string, ReadonlySet<string>>> = {
  href: new Set(['a']),
  src: new Set(['img']),
  alt: new Set(['img']),
  // A tooltip matters for abbreviations ("PMF" → Popular Mobilization Forces), nowhere else.
  title: new Set(['abbr', 'dfn']),
  colspan: new Set(['td', 'th']),
  rowspan: new Set(['td', 'th']),
  scope: new Set(['th']),
  start: new Set(['ol']),
  reversed: new Set(['ol']),
  datetime: new Set(['time', 'del', 'ins']),
  rel: new Set(['a']),
};

const VALID_VALUES: Readonly<Record<string, RegExp>> = {
  dir: /^(?:ltr|rtl|auto)$/i,
  lang: /^[a-z]{1,8}(?:-[a-z0-9]{1,8})*$/i,
  // Bounded, so a colspan of a billion cannot make the reader's table enormous.
  colspan: /^[1-9]\d{0,2}$/,
  rowspan: /^\d{1,4}$/,
  start: /^-?\d{1,9}$/,
  scope: /^(?:row|col|rowgroup|colgroup)$/i,
  reversed: /^(?:|reversed)$/i,
  datetime: /^[0-9T:+\-.Z ]{1,40}$/i,
};

const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOW_ARIA_ATTR: false,
  ALLOW_DATA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // Behind the policy, a second lock: http(s), the document's own blobs, or a relative URL (no scheme).
  ALLOWED_URI_REGEXP: /^(?:https?:|fieldbook-asset:[a-f0-9]{64}$|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  ALLOW_SELF_CLOSE_IN_ATTR: false,
  ADD_FORBID_CONTENTS: DROP_WITH_CONTENT,
  KEEP_CONTENT: true,
  SAFE_FOR_XML: true,
  SANITIZE_DOM: true,
  WHOLE_DOCUMENT: false,
  RETURN_DOM: false,
  RETURN_DOM_FRAGMENT: false,
};

/** Passes over the output until it no longer changes; one more than this and the page is refused. */
const MAX_PASSES = 4;

function filterAttribute(element: Element, event: UponSanitizeAttributeHookEvent, policy: UrlPolicy): void {
  const name = event.attrName;
  const tag = element.localName.toLowerCase();
  const allowedOn = ATTRIBUTE_ELEMENTS[name];
  const value = event.attrValue;
  let keep = allowedOn === undefined || allowedOn.has(tag);
  // "<" or ">" in a kept attribute is how mutation-XSS payloads hide markup
  // in plain sight; no alt text or tooltip needs them.
  if (keep && /[<>]/.test(value)) keep = false;
  const pattern = VALID_VALUES[name];
  if (keep && pattern !== undefined && !pattern.test(value.trim())) keep = false;
  if (keep && name === 'rel') keep = false; // Set afresh for every link below.
  if (keep && name === 'href') {
    const target = policy.linkTarget(value);
    if (target === undefined) keep = false;
    else event.attrValue = target;
  }
  if (keep && name === 'src') {
    const source = policy.imageSource(value);
    if (source === undefined) keep = false;
    else event.attrValue = source;
  }
  if (keep && name === 'dir') event.attrValue = value.trim().toLowerCase();
  event.keepAttr = keep;
  if (!keep) event.forceKeepAttr = undefined;
}

/**
 * Sanitises `dirty` HTML (a fragment) in `window`, the inert jsdom window it
 * was parsed in. Sanitising again until the output stops changing defeats
 * mutation XSS: markup that means something different once serialised and
 * parsed again is caught on the next pass, and the HTML returned is exactly
 * what the reader will parse.
 */
export function sanitizeHtml(window: WindowLike, dirty: string, policy: UrlPolicy, fileName: string): string {
  const purify = createDOMPurify(window);
  purify.addHook('uponSanitizeAttribute', (node, event) => filterAttribute(node, event, policy));
  purify.addHook('afterSanitizeElements', (node) => {
    // A parser drops one newline right after <pre>, and serialising does not
    // put it back, so each save-and-reopen would lose one: drop them all now.
    if (node.nodeType === 1 && ((node as Element).localName === 'pre' || (node as Element).localName === 'listing')) {
      const first = node.firstChild;
      if (first !== null && first.nodeType === 3) first.nodeValue = (first.nodeValue ?? '').replace(/^(?:\r?\n)+/, '');
    }
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.localName === 'a' && node.hasAttribute('href')) node.setAttribute('rel', 'noopener noreferrer');
  });
  let html = purify.sanitize(dirty, CONFIG);
  for (let pass = 1; pass < MAX_PASSES; pass += 1) {
    const again = purify.sanitize(html, CONFIG);
    if (again === html) return html;
    html = again;
  }
  throw new ApiError('DAMAGED_FILE', `${fileName} contains markup that cannot be made safe to show.`);
}
