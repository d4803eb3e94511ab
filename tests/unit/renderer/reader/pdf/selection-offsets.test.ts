// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { rangeToOffsets } from '../../../../../renderer/src/reader/pdf/selection-offsets';

// Canonical text of two pages: "Alpha beta\ngamma" (0–16) and "Delta" (18–23),
// drawn as the text layer draws them: one span per item, holding its canonical characters.
const text = 'Alpha beta\ngamma\n\nDelta';

function page(index: number, spans: Array<[string, number]>): string {
  const inner = spans.map(([content, start]) => `<span data-start="${start}" data-end="${start + content.length}">${content}</span>`).join('');
  return `<div class="pdf-page" data-page-index="${index}"><canvas></canvas><div class="pdf-text-layer">${inner}</div></div>`;
}

let root: HTMLElement;

beforeEach(() => {
  document.body.innerHTML = `<div id="root"><div class="pdf-column">${page(0, [['Alpha', 0], ['beta', 6], ['gamma', 11]])}${page(1, [['Delta', 18]])}</div></div><p id="outside">elsewhere</p>`;
  root = document.getElementById('root')!;
});

const spanText = (content: string) => [...root.querySelectorAll('span')].find((span) => span.textContent === content)!.firstChild!;

function range(start: [Node, number], end: [Node, number]): Range {
  const result = document.createRange();
  result.setStart(...start);
  result.setEnd(...end);
  return result;
}

describe('rangeToOffsets', () => {
  it('adds the offset inside a span to the span’s start', () => {
    const offsets = rangeToOffsets(root, range([spanText('Alpha'), 2], [spanText('beta'), 3]));
    expect(offsets).toEqual({ start: 2, end: 9, page: 0 });
    expect(text.slice(offsets!.start, offsets!.end)).toBe('pha bet');
  });

  it('spans pages, reporting the page the range starts on', () => {
    const offsets = rangeToOffsets(root, range([spanText('gamma'), 0], [spanText('Delta'), 3]));
    expect(text.slice(offsets!.start, offsets!.end)).toBe('gamma\n\nDel');
    expect(offsets!.page).toBe(0);
  });

  it('moves a boundary outside the spans to the nearest span edge inside the range', () => {
    const layers = root.querySelectorAll('.pdf-text-layer');
    // From before the first page's spans (its canvas) to after the last one on it.
    const offsets = rangeToOffsets(root, range([root.querySelector('.pdf-page')!, 0], [layers[0]!, 3]));
    expect(text.slice(offsets!.start, offsets!.end)).toBe('Alpha beta\ngamma');
    // From the end of page 1's layer to the start of page 2's span element.
    const across = rangeToOffsets(root, range([layers[0]!, 3], [spanText('Delta'), 5]));
    expect(text.slice(across!.start, across!.end)).toBe('Delta');
  });

  it('is undefined for a collapsed range, a range with no text, or one outside the view', () => {
    expect(rangeToOffsets(root, range([spanText('beta'), 1], [spanText('beta'), 1]))).toBeUndefined();
    const canvas = root.querySelector('canvas')!;
    expect(rangeToOffsets(root, range([canvas.parentElement!, 0], [canvas.parentElement!, 1]))).toBeUndefined();
    const outside = document.getElementById('outside')!.firstChild!;
    expect(rangeToOffsets(root, range([outside, 0], [outside, 4]))).toBeUndefined();
  });
});
