import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { toCanonicalText, type CanonicalText } from '../../../../shared/text/canonical-text';

/** Parses `html` as a browser would (standards mode) and returns its body. */
function body(html: string): HTMLElement {
  return new JSDOM(`<!DOCTYPE html><html><body>${html}</body></html>`).window.document.body;
}

function blocks(result: CanonicalText): Array<{ type: string; text: string; level?: number; dir?: string }> {
  return result.structure.blocks.map((block) => ({
    type: block.type,
    text: result.text.slice(block.start, block.end),
    ...(block.level === undefined ? {} : { level: block.level }),
    ...(block.dir === undefined ? {} : { dir: block.dir }),
  }));
}

describe('canonical text from a DOM', () => {
  it('separates blocks with a blank line and gives exact ranges', () => {
    const result = toCanonicalText(body('<h1>Budget</h1><p>First paragraph.</p><p>Second paragraph.</p>'));
    expect(result.text).toBe('Budget\n\nFirst paragraph.\n\nSecond paragraph.');
    expect(result.structure.blocks).toEqual([
      { type: 'heading', level: 1, start: 0, end: 6 },
      { type: 'paragraph', start: 8, end: 24 },
      { type: 'paragraph', start: 26, end: 43 },
    ]);
  });

  it('collapses whitespace as a browser renders it, across inline elements, keeping no-break spaces', () => {
    const result = toCanonicalText(body('<p>\n   The   <em>council</em>\t<strong> met </strong>  on\nTuesday&nbsp;&nbsp;morning.   </p>'));
    expect(result.text).toBe('The council met on Tuesday\u00a0\u00a0morning.');
  });

  it('turns <br> into a line break, without the spaces around it, and never into a blank line', () => {
    const result = toCanonicalText(body('<p>Line one   <br>   line two<br><br><br>line three<br></p>'));
    expect(result.text).toBe('Line one\nline two\nline three');
    expect(blocks(result)).toEqual([{ type: 'paragraph', text: 'Line one\nline two\nline three' }]);
  });

  it('keeps <pre> verbatim: indentation, inner blank lines, tabs', () => {
    const result = toCanonicalText(body('<p>Before</p><pre>def f():\n    return  1\n\n\treturn <b>2</b>\n</pre><p>After</p>'));
    expect(blocks(result)).toEqual([
      { type: 'paragraph', text: 'Before' },
      { type: 'preformatted', text: 'def f():\n    return  1\n\n\treturn 2' },
      { type: 'paragraph', text: 'After' },
    ]);
  });

  it('types blocks by what contains them: list items, quotes, cells, captions; the innermost wins', () => {
    const html = `
      <ul><li>Plain item</li><li><p>Item paragraph one</p><p>Item paragraph two</p></li>
        <li>Parent item<ol><li>Nested item</li></ol></li></ul>
      <blockquote><p>Quoted paragraph</p><ul><li>Item in a quote</li></ul></blockquote>
      <table><caption>Table caption</caption><tr><th>Header cell</th><td><p>Cell paragraph</p></td></tr></table>
      <figure><img src="asset:0" alt="ignored alt"><figcaption>Figure caption</figcaption></figure>
      <h3>Level three</h3><h6>Level six</h6>`;
    expect(blocks(toCanonicalText(body(html)))).toEqual([
      { type: 'list-item', text: 'Plain item' },
      { type: 'list-item', text: 'Item paragraph one' },
      { type: 'list-item', text: 'Item paragraph two' },
      { type: 'list-item', text: 'Parent item' },
      { type: 'list-item', text: 'Nested item' },
      { type: 'quote', text: 'Quoted paragraph' },
      { type: 'list-item', text: 'Item in a quote' },
      { type: 'caption', text: 'Table caption' },
      { type: 'table-cell', text: 'Header cell' },
      { type: 'table-cell', text: 'Cell paragraph' },
      { type: 'caption', text: 'Figure caption' },
      { type: 'heading', level: 3, text: 'Level three' },
      { type: 'heading', level: 6, text: 'Level six' },
    ]);
  });

  it('keeps only the text of links, nothing of images, and drops blocks with nothing to read', () => {
    const result = toCanonicalText(body('<p>See <a href="https://example.org/report">the report</a><img src="asset:0" alt="chart">.</p><p>&nbsp;</p><p> <img src="asset:1"> </p><div></div><p>End.</p>'));
    expect(result.text).toBe('See the report.\n\nEnd.');
  });

  it('makes anonymous blocks of text that sits between blocks', () => {
    const result = toCanonicalText(body('<div>Loose text<p>A paragraph</p>more loose text</div>'));
    expect(blocks(result)).toEqual([
      { type: 'paragraph', text: 'Loose text' },
      { type: 'paragraph', text: 'A paragraph' },
      { type: 'paragraph', text: 'more loose text' },
    ]);
  });

  it('normalises to NFC block by block, so ranges count composed characters', () => {
    const result = toCanonicalText(body('<p>Cafe\u0301 one</p><p>A\u0308 and ا\u0653</p>'));
    expect(result.text).toBe('Caf\u00e9 one\n\n\u00c4 and \u0622');
    expect(blocks(result)).toEqual([
      { type: 'paragraph', text: 'Caf\u00e9 one' },
      { type: 'paragraph', text: '\u00c4 and \u0622' },
    ]);
  });

  it('marks a block whose dir attribute or script differs from the document', () => {
    const html = '<p>English first.</p><p dir="rtl">English text marked rtl.</p><p>نص عربي في صفحة إنجليزية.</p><div dir="rtl"><p>تحت عنصر باتجاه من اليمين.</p></div><p dir="auto">Auto resets to the text.</p>';
    const result = toCanonicalText(body(html));
    expect(result.baseDirection).toBe('ltr');
    expect(blocks(result)).toEqual([
      { type: 'paragraph', text: 'English first.' },
      { type: 'paragraph', text: 'English text marked rtl.', dir: 'rtl' },
      { type: 'paragraph', text: 'نص عربي في صفحة إنجليزية.', dir: 'rtl' },
      { type: 'paragraph', text: 'تحت عنصر باتجاه من اليمين.', dir: 'rtl' },
      { type: 'paragraph', text: 'Auto resets to the text.' },
    ]);
  });

  it('compares against the declared document direction, or the majority of the text', () => {
    const html = '<p>فقرة عربية أولى.</p><p>An English paragraph.</p><p>فقرة عربية ثانية.</p>';
    const declared = toCanonicalText(body(html), { documentDirection: 'rtl' });
    expect(declared.structure.blocks.map((block) => block.dir)).toEqual([undefined, 'ltr', undefined]);
    const detected = toCanonicalText(body(html));
    expect(detected.baseDirection).toBe('rtl');
    expect(detected.structure.blocks.map((block) => block.dir)).toEqual([undefined, 'ltr', undefined]);
    // An English paragraph that opens with an Arabic name is still English.
    const opening = toCanonicalText(body('<p>الكاظمي said the talks would resume after the holiday.</p>'));
    expect(opening.structure.blocks[0]?.dir).toBeUndefined();
  });

  it('skips what a browser never renders, even in an unsanitised tree', () => {
    const result = toCanonicalText(body('<p>Shown</p><script>hidden()</script><style>p{}</style><template><p>inert</p></template><noscript>no</noscript><textarea>typed</textarea>'));
    expect(result.text).toBe('Shown');
  });

  it('gives no leading whitespace even when the text opens with indented code', () => {
    const result = toCanonicalText(body('<pre>    indented first line\n  second</pre>'));
    expect(result.text).toBe('indented first line\n  second');
    expect(result.structure.blocks).toEqual([{ type: 'preformatted', start: 0, end: result.text.length }]);
  });

  it('walks deep trees without recursion and gives the same result every time', () => {
    // jsdom builds a tree this deep only slowly, so this is a minimal stand-in
    // with just the node properties the walk reads.
    interface FakeNode {
      nodeType: number;
      localName?: string;
      nodeValue?: string;
      lastChild: FakeNode | null;
      previousSibling: FakeNode | null;
      getAttribute(name: string): string | null;
    }
    const element = (localName: string, child: FakeNode | null): FakeNode => ({ nodeType: 1, localName, lastChild: child, previousSibling: null, getAttribute: () => null });
    let tree: FakeNode = { nodeType: 3, nodeValue: '  deep   text  ', lastChild: null, previousSibling: null, getAttribute: () => null };
    for (let depth = 0; depth < 100_000; depth += 1) tree = element(depth % 2 === 0 ? 'div' : 'span', tree);
    const first = toCanonicalText(tree as unknown as Node);
    expect(first.text).toBe('deep text');
    expect(toCanonicalText(tree as unknown as Node)).toEqual(first);
  });

  it('returns empty text and no blocks for a tree with nothing to read', () => {
    expect(toCanonicalText(body('<div> <img src="asset:0"> <br> </div>'))).toEqual({ text: '', structure: { blocks: [] }, baseDirection: 'ltr' });
  });
});

describe('where each character of the canonical text came from', () => {
  function origins(html: string) {
    const root = body(html);
    const result = toCanonicalText(root, { trackOrigins: true });
    return { root, result, runs: result.origins ?? [] };
  }

  it('maps every shown character to its text node, and nothing to separators or collapsed whitespace', () => {
    const { result, runs } = origins('<h1>Port   report</h1>\n  <p>The <em>council</em>\n   met  on <a href="#x">Tuesday</a>.<br>  Then it rained.</p><ul><li> One </li><li>Two</li></ul>');
    expect(result.text).toBe('Port report\n\nThe council met on Tuesday.\nThen it rained.\n\nOne\n\nTwo');
    const covered = new Array<boolean>(result.text.length).fill(false);
    for (const run of runs) {
      expect(result.text.slice(run.start, run.start + run.length)).toBe(
        (run.node.nodeValue ?? '').slice(run.offset, run.offset + run.length).replace(/[ \t\n\r\f]/g, ' '),
      );
      for (let index = run.start; index < run.start + run.length; index += 1) covered[index] = true;
    }
    const uncovered = [...result.text].filter((_, index) => !covered[index]);
    expect(uncovered.every((character) => character === '\n')).toBe(true);
    // Separators ("\n\n" × 3) and the line break from <br> are the only characters without a node.
    expect(uncovered).toHaveLength(7);
  });

  it('points a composed character at the decomposed characters it came from', () => {
    const { result, runs } = origins('<p>خرج ا\u0653لاف السكان</p>');
    expect(result.text).toBe('خرج \u0622لاف السكان');
    const composed = result.text.indexOf('\u0622');
    const run = runs.find((candidate) => candidate.start <= composed && composed < candidate.start + candidate.length);
    expect(run && run.offset + (composed - run.start)).toBe(4);
    const after = result.text.indexOf('السكان');
    const runAfter = runs.find((candidate) => candidate.start <= after && after < candidate.start + candidate.length);
    expect(runAfter && (runAfter.node.nodeValue ?? '').slice(runAfter.offset + (after - runAfter.start))).toBe('السكان');
  });

  it('leaves the result as before when origins are not asked for', () => {
    expect(toCanonicalText(body('<p>One</p>'))).not.toHaveProperty('origins');
  });
});
