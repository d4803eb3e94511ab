import { JSDOM } from 'jsdom';
import { expect } from 'vitest';

/** Attributes the sanitiser may leave, by element ("*" for any). */
const ALLOWED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  '*': ['dir', 'lang'],
  a: ['href', 'rel'],
  img: ['src', 'alt'],
  abbr: ['title'],
  dfn: ['title'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan', 'scope'],
  ol: ['start', 'reversed'],
  time: ['datetime'],
  del: ['datetime'],
  ins: ['datetime'],
};

const FORBIDDEN_MARKUP = [
  /<script/i, /<iframe/i, /<frame/i, /<object/i, /<embed/i, /<applet/i, /<form/i, /<input/i, /<button/i, /<textarea/i, /<select/i,
  /<svg/i, /<math/i, /<base/i, /<meta/i, /<link/i, /<style/i, /<template/i, /<noscript/i, /<video/i, /<audio/i, /<source/i,
  /<picture/i, /<param/i,
];

/**
 * Asserts that reader HTML can do nothing but show text, links and the
 * page's own images: checked as text (what an attacker would grep for) and
 * as the DOM a browser parses it into.
 */
export function expectSafeReaderHtml(html: string): void {
  // Text is serialised with "<" escaped, so these can only match markup.
  for (const pattern of FORBIDDEN_MARKUP) expect(html, `${pattern} in ${html}`).not.toMatch(pattern);

  const body = new JSDOM(`<!DOCTYPE html><body>${html}`).window.document.body;
  // The markup without its text: an article may well quote "onerror=" or "javascript:" in its words.
  const skeleton = body.cloneNode(true) as HTMLElement;
  const walker = skeleton.ownerDocument.createTreeWalker(skeleton, 4 /* text */ | 128 /* comments */);
  const textNodes: Node[] = [];
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) textNodes.push(node);
  for (const node of textNodes) node.parentNode?.removeChild(node);
  const markup = skeleton.innerHTML;
  expect(markup).not.toMatch(/\son[a-z]+\s*=/i);
  expect(markup).not.toMatch(/javascript:|vbscript:|data:/i);
  expect(markup).not.toMatch(/\s(?:style|srcset|poster|background|target|action|formaction|xlink:href|id|name|class)\s*=/i);

  for (const element of Array.from(body.querySelectorAll('*'))) {
    const tag = element.localName;
    const allowed = [...(ALLOWED_ATTRIBUTES['*'] ?? []), ...(ALLOWED_ATTRIBUTES[tag] ?? [])];
    for (const attribute of Array.from(element.attributes)) {
      expect(allowed, `<${tag} ${attribute.name}="${attribute.value}">`).toContain(attribute.name);
    }
    const src = element.getAttribute('src');
    if (src !== null) expect(src).toMatch(/^asset:\d+$/);
    const href = element.getAttribute('href');
    if (href !== null) {
      expect(href).toMatch(/^https?:\/\//);
      expect(element.getAttribute('rel')).toBe('noopener noreferrer');
    }
  }
}
