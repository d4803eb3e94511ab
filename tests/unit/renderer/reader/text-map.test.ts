import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { toCanonicalText } from '../../../../shared/text/canonical-text';
import { TextMap } from '../../../../renderer/src/reader/text/text-map';
import { trimmedRange } from '../../../../renderer/src/reader/text/trim-range';

function mapped(html: string) {
  const document = new JSDOM(`<!DOCTYPE html><html><body><div id="root">${html}</div></body></html>`).window.document;
  const root = document.getElementById('root') as HTMLElement;
  const canonical = toCanonicalText(root, { trackOrigins: true });
  return { document, root, text: canonical.text, map: new TextMap(root, canonical.origins ?? []) };
}

const page = '<h2>Harbour</h2>\n<p>The ferry to <strong>Umm   Qasr</strong> left\n   twice.</p>\n<p>On Tuesday it <em>stayed</em> in port.</p>';

describe('the map between DOM points and canonical offsets', () => {
  it('gives back the canonical text for any range inside a block', () => {
    const { text, map } = mapped(page);
    expect(text).toBe('Harbour\n\nThe ferry to Umm Qasr left twice.\n\nOn Tuesday it stayed in port.');
    for (const [start, end] of [[9, 18], [13, 30], [22, 35], [45, 60], [0, 7]] as const) {
      const range = map.range(start, end);
      expect(range?.toString().replace(/\s+/g, ' ')).toBe(text.slice(start, end));
    }
  });

  it('turns a range back into the same offsets, across inline elements and blocks', () => {
    const { text, map } = mapped(page);
    const start = text.indexOf('Umm');
    const end = text.indexOf('stayed') + 'stayed'.length;
    const range = map.range(start, end);
    expect(range).toBeDefined();
    if (!range) return;
    expect(map.offsetOf(range.startContainer, range.startOffset, 'start')).toBe(start);
    expect(map.offsetOf(range.endContainer, range.endOffset, 'end')).toBe(end);
  });

  it('places points between elements and inside collapsed whitespace on the nearest shown character', () => {
    const { root, text, map } = mapped(page);
    const [heading, first, second] = [...root.children] as HTMLElement[];
    if (!heading || !first || !second) throw new Error('fixture');
    // A selection that starts at a paragraph element, or ends after it, as triple-click makes.
    expect(map.offsetOf(first, 0, 'start')).toBe(text.indexOf('The ferry'));
    expect(map.offsetOf(first, first.childNodes.length, 'end')).toBe(text.indexOf('twice.') + 'twice.'.length);
    expect(map.offsetOf(root, 1, 'start')).toBe(text.indexOf('The ferry'));
    expect(map.offsetOf(root, 1, 'end')).toBe('Harbour'.length);
    // The newline-and-indent between "left" and "twice" shows as one space.
    const textNode = [...first.childNodes].find((node) => node.nodeValue?.includes('twice')) as Node;
    const spaces = (textNode.nodeValue ?? '').indexOf('twice') - 2;
    const offset = map.offsetOf(textNode, spaces, 'start') as number;
    expect(trimmedRange(text, offset, text.indexOf('.', offset) + 1)).toEqual({ start: text.indexOf('twice'), end: text.indexOf('twice.') + 6 });
  });

  it('knows nothing of points outside its root', () => {
    const { document, map } = mapped(page);
    expect(map.offsetOf(document.body, 0, 'start')).toBeUndefined();
  });

  it('gives no range over only a block separator', () => {
    const { text, map } = mapped(page);
    const separator = text.indexOf('\n\n');
    expect(map.range(separator, separator + 2)).toBeUndefined();
  });
});

describe('trimming a selection', () => {
  it('drops whitespace at both ends, and gives nothing for a selection of only whitespace', () => {
    expect(trimmedRange(' ab c \n', 0, 7)).toEqual({ start: 1, end: 5 });
    expect(trimmedRange('a \n\n b', 1, 5)).toBeUndefined();
  });
});
