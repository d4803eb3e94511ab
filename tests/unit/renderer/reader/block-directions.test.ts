import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { toCanonicalText } from '../../../../shared/text/canonical-text';
import { applyBlockDirections } from '../../../../renderer/src/reader/text/block-directions';
import { TextMap } from '../../../../renderer/src/reader/text/text-map';

/** An Arabic page (the reader's page element says rtl) with its blocks' directions applied as the reader does. */
function shown(html: string) {
  const document = new JSDOM(`<!DOCTYPE html><html><body><div id="page" dir="rtl"><div id="root">${html}</div></div></body></html>`).window.document;
  const root = document.getElementById('root') as HTMLElement;
  const canonical = toCanonicalText(root, { trackOrigins: true, documentDirection: 'rtl' });
  const map = new TextMap(root, canonical.origins ?? []);
  applyBlockDirections(root, map, canonical.structure);
  /** The direction the browser lays the block out in: the nearest dir attribute above its first character. */
  const directionOf = (words: string) => {
    const start = canonical.text.indexOf(words);
    let element = map.pointAt(start, 'start')?.node.parentElement ?? null;
    while (element && !element.hasAttribute('dir')) element = element.parentElement;
    return element?.getAttribute('dir');
  };
  return { root, text: canonical.text, map, directionOf };
}

const byline = 'Filed from Basra by the newsroom staff';
const first = 'خرج الصيادون إلى البحر قبل الفجر كعادتهم.';
const second = 'وعادوا بعد الظهر بصيد قليل.';

describe('block directions in the reader', () => {
  it('gives an English paragraph of an Arabic page its own direction', () => {
    const { directionOf } = shown(`<p>${first}</p><p>The catch was weighed at the harbour.</p><p>${second}</p>`);
    expect(directionOf(first)).toBe('rtl');
    expect(directionOf('The catch')).toBe('ltr');
    expect(directionOf(second)).toBe('rtl');
  });

  it('turns only the loose English line around, not the Arabic paragraphs beside it in the same element', () => {
    const { root, text, map, directionOf } = shown(`<article><h2>الصيد في الخليج</h2>${byline}<p>${first}</p><p>${second}</p></article>`);
    expect(directionOf(byline)).toBe('ltr');
    expect(directionOf(first)).toBe('rtl');
    expect(directionOf(second)).toBe('rtl');
    expect(directionOf('الصيد في الخليج')).toBe('rtl');
    // The wrapper moved the text nodes, not copied them: the map still finds the words.
    const at = text.indexOf(byline);
    expect(map.range(at, at + byline.length)?.toString()).toBe(byline);
    expect(root.querySelector('article')?.hasAttribute('dir')).toBe(false);
  });

  it('wraps a loose run with its inline markup and line breaks, up to the blocks on either side', () => {
    const { root, directionOf } = shown(`<div><p>${first}</p>Photo: <em>the harbour at dawn</em><br>by a staff photographer<p>${second}</p></div>`);
    expect(directionOf('Photo:')).toBe('ltr');
    expect(directionOf('the harbour at dawn')).toBe('ltr');
    expect(directionOf(second)).toBe('rtl');
    expect(root.querySelector('div[dir="ltr"]')?.textContent).toBe('Photo: the harbour at dawnby a staff photographer');
  });

  it('keeps a direction the page itself declares on the element', () => {
    const { root, directionOf } = shown(`<p>${first}</p><p dir="ltr">Weather: wind from the north-west.</p>`);
    expect(directionOf('Weather')).toBe('ltr');
    expect(root.querySelectorAll('[dir]')).toHaveLength(1);
  });
});
