// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { rangeToOffsets } from '../../../../../renderer/src/reader/pdf/selection-offsets';
import { lineAt, selectOffsets, stepFocus, wordAt } from '../../../../../renderer/src/reader/pdf/text-layer-selection';

const text = 'انواع الخطوط العربية\nThe field notes quote قاسم الكاتب on page 12';

describe('words and lines in the canonical text', () => {
  it('finds the word under a character, in Arabic and English, and the character alone outside words', () => {
    const arabic = text.indexOf('الخطوط');
    expect(wordAt(text, arabic + 3)).toEqual({ start: arabic, end: arabic + 'الخطوط'.length });
    const field = text.indexOf('field');
    expect(wordAt(text, field)).toEqual({ start: field, end: field + 5 });
    expect(wordAt(text, arabic - 1)).toEqual({ start: arabic - 1, end: arabic });
  });

  it('finds the line under a character', () => {
    expect(lineAt(text, 3)).toEqual({ start: 0, end: text.indexOf('\n') });
    expect(lineAt(text, text.length - 1)).toEqual({ start: text.indexOf('\n') + 1, end: text.length });
  });
});

describe('Shift+Arrow', () => {
  it('goes forward with the left arrow in Arabic and with the right arrow in English', () => {
    const arabic = text.indexOf('الخطوط');
    expect(stepFocus(text, arabic + 2, 'ArrowLeft', false)).toBe(arabic + 3);
    expect(stepFocus(text, arabic + 2, 'ArrowRight', false)).toBe(arabic + 1);
    const field = text.indexOf('field');
    expect(stepFocus(text, field + 2, 'ArrowRight', false)).toBe(field + 3);
    expect(stepFocus(text, field + 2, 'ArrowLeft', false)).toBe(field + 1);
  });

  it('goes on from the end of an Arabic word across the space, by its last letter', () => {
    const end = text.indexOf('الخطوط') + 'الخطوط'.length;
    expect(stepFocus(text, end, 'ArrowLeft', false)).toBe(end + 1);
  });

  it('moves by whole words with Ctrl', () => {
    const arabic = text.indexOf('الخطوط');
    expect(stepFocus(text, arabic, 'ArrowLeft', true)).toBe(arabic + 'الخطوط'.length);
    expect(stepFocus(text, arabic + 'الخطوط'.length, 'ArrowRight', true)).toBe(arabic);
    const notes = text.indexOf('notes');
    expect(stepFocus(text, notes - 1, 'ArrowRight', true)).toBe(notes + 'notes'.length);
  });

  it('stays inside the text', () => {
    expect(stepFocus(text, 0, 'ArrowRight', false)).toBe(0);
    expect(stepFocus(text, text.length, 'ArrowRight', false)).toBe(text.length);
  });
});

describe('selectOffsets', () => {
  // "Alpha beta gamma": one span per word, the spaces between them added by assembly and in no span.
  function layer(): HTMLElement {
    document.body.innerHTML = '<div class="pdf-page" data-page-index="0"><div class="pdf-text-layer"><span data-start="0" data-end="5">Alpha</span><span data-start="6" data-end="10">beta</span><span data-start="11" data-end="16">gamma</span></div></div>';
    return document.body;
  }

  it('selects the canonical range between its ends, either way, the focus where it was asked', () => {
    const root = layer();
    selectOffsets(root, 14, 2);
    const selection = document.getSelection()!;
    expect(rangeToOffsets(root, selection.getRangeAt(0))).toEqual({ start: 2, end: 14, page: 0 });
    expect(selection.focusNode?.parentElement?.dataset.start).toBe('0');
    selectOffsets(root, 2, 14);
    expect(rangeToOffsets(root, selection.getRangeAt(0))).toEqual({ start: 2, end: 14, page: 0 });
    expect(selection.focusNode?.parentElement?.dataset.start).toBe('11');
  });

  it('places ends between spans on the nearest words, and clears the selection for an empty range', () => {
    const root = layer();
    selectOffsets(root, 5, 11);
    const selection = document.getSelection()!;
    // From the end of "Alpha" to the start of "gamma": just "beta".
    expect(rangeToOffsets(root, selection.getRangeAt(0))).toEqual({ start: 6, end: 10, page: 0 });
    selectOffsets(root, 7, 7);
    expect(selection.rangeCount).toBe(0);
  });
});
