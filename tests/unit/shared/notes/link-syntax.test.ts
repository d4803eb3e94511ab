import { describe, expect, it } from 'vitest';
import { formatLink, linkAt, linkTargets, parseLinks } from '../../../../shared/notes/link-syntax';

const ACTOR = 'a1b2c3d4-0000-4000-8000-000000000001';
const DOC = 'd0c0d0c0-0000-4000-8000-000000000002';

describe('parseLinks', () => {
  it('finds every kind of link with its label and its place in the body', () => {
    const body = `See [[actor:${ACTOR}|Abu Mahdi]] in [[document:${DOC}]].\nAlso [[highlight:hhhhhhhh|“a passage”]], [[event:eeeeeeee|strike]] and [[note:nnnnnnnn|memo]].`;
    const links = parseLinks(body);
    expect(links.map(({ kind, id, label }) => ({ kind, id, label }))).toEqual([
      { kind: 'actor', id: ACTOR, label: 'Abu Mahdi' },
      { kind: 'document', id: DOC, label: undefined },
      { kind: 'highlight', id: 'hhhhhhhh', label: '“a passage”' },
      { kind: 'event', id: 'eeeeeeee', label: 'strike' },
      { kind: 'note', id: 'nnnnnnnn', label: 'memo' },
    ]);
    const first = links[0];
    expect(first && body.slice(first.from, first.to)).toBe(`[[actor:${ACTOR}|Abu Mahdi]]`);
  });

  it('leaves alone what is not a link: unknown kinds, bad ids, unclosed brackets, labels across lines', () => {
    const body = ['[[person:abcdefgh|x]]', '[[actor:short|x]]', `[[actor:${ACTOR}|unclosed`, `[[actor:${ACTOR}|two\nlines]]`, '[[plain wiki link]]', `[[actor:${ACTOR}|a|b]]`].join(' ');
    expect(parseLinks(body)).toEqual([]);
  });

  it('reads Arabic labels and links next to each other', () => {
    const links = parseLinks(`[[actor:${ACTOR}|كتائب حزب الله]][[document:${DOC}|تقرير]]`);
    expect(links.map((link) => link.label)).toEqual(['كتائب حزب الله', 'تقرير']);
  });
});

describe('formatLink', () => {
  it('writes a link that parses back to the same target and label', () => {
    const written = formatLink({ kind: 'actor', id: ACTOR }, "Kata'ib Hezbollah");
    expect(written).toBe(`[[actor:${ACTOR}|Kata'ib Hezbollah]]`);
    expect(parseLinks(written)).toMatchObject([{ kind: 'actor', id: ACTOR, label: "Kata'ib Hezbollah" }]);
  });

  it('makes any label safe for the syntax: no pipes, brackets or line breaks', () => {
    const written = formatLink({ kind: 'highlight', id: DOC }, 'a [quoted] | passage\nover lines]]');
    expect(parseLinks(written)).toMatchObject([{ kind: 'highlight', id: DOC, label: 'a [quoted passage over lines' }]);
  });

  it('refuses an id that is not a record id, so nothing unparseable is written', () => {
    expect(() => formatLink({ kind: 'note', id: 'x]]y' }, 'n')).toThrow(/record id/);
  });
});

describe('linkAt and linkTargets', () => {
  it('reads a link only where it starts', () => {
    const text = `ab [[note:nnnnnnnn|memo]]`;
    expect(linkAt(text, 3)).toMatchObject({ kind: 'note', id: 'nnnnnnnn', from: 3, to: text.length });
    expect(linkAt(text, 0)).toBeUndefined();
    expect(linkAt(text, 4)).toBeUndefined();
  });

  it('lists each target once, in order of first appearance', () => {
    const body = `[[actor:${ACTOR}|A]] [[document:${DOC}]] [[actor:${ACTOR}|again]]`;
    expect(linkTargets(body)).toEqual([
      { kind: 'actor', id: ACTOR },
      { kind: 'document', id: DOC },
    ]);
  });
});
