import { describe, expect, it } from 'vitest';
import { cleanLine, NO_SOURCE, normalizeTraced, TracedTextBuilder, type TracedText } from '../../../../shared/pdf/traced-text';

/** A traced text from parts, each traced to its index (a string part) or to nothing (a number part: that many spaces). */
function traced(...parts: Array<string | number>): TracedText {
  const builder = new TracedTextBuilder();
  parts.forEach((part, index) => (typeof part === 'string' ? builder.append(part, index) : builder.append(' '.repeat(part), NO_SOURCE)));
  return builder.finish();
}

/** Each source's share of the text. */
function shares(text: TracedText, count: number): string[] {
  const out = new Array<string>(count).fill('');
  text.sources.forEach((source, index) => {
    if (source >= 0 && source < count) out[source] = (out[source] ?? '') + (text.text[index] ?? '');
  });
  return out;
}

describe('cleanLine', () => {
  it('matches trimming, control removal and space collapsing, keeping each unit’s source', () => {
    const line = traced('  Cafe\u0301   au\u00a0\u00a0', 'lait \u0000 ', '\ufeff');
    const clean = cleanLine(line);
    expect(clean.text).toBe('  Cafe\u0301   au\u00a0\u00a0lait \u0000 \ufeff'.replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, '').replace(/[ \t\f\v\r\n\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g, ' ').trim());
    expect(shares(clean, 3)).toEqual(['Cafe\u0301 au ', 'lait', '']);
  });

  it('gives a run of spaces spanning two sources to the first', () => {
    expect(shares(cleanLine(traced('one ', ' two')), 2)).toEqual(['one ', 'two']);
  });
});

describe('normalizeTraced', () => {
  it('is text.normalize("NFC"), with marks composed into their base traced to the base’s source', () => {
    const text = traced('Cafe', '\u0301 au lait', ' \u1100', '\u1161');
    const normal = normalizeTraced(text);
    expect(normal.text).toBe(text.text.normalize('NFC'));
    expect(shares(normal, 4)).toEqual(['Caf\u00e9', ' au lait', ' \uac00', '']);
  });

  it('keeps sources unit by unit where nothing changes', () => {
    const text = traced('plain', 'تقرير', '😀');
    expect(normalizeTraced(text)).toBe(text);
    expect(shares(text, 3)).toEqual(['plain', 'تقرير', '😀']);
  });
});
