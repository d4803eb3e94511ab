import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../../shared/api/errors';
import { defaultImportLimits } from '../../../../../main/import/extracted-document';
import { extractHtml } from '../../../../../main/import/html/extract-html';
import { isQuirksMode } from '../../../../../main/import/html/document-mode';
import { assertNestingWithin, estimateNestingDepth, measureTreeDepth } from '../../../../../main/import/html/nesting-depth';
import { deeplyNested, reopenedFormattingNest, savedArabicArticle, savedHostileArticle, savedPolicyArticle } from '../../../../support/html-fixtures';

const parser = new new JSDOM('').window.DOMParser();

/** How deep the tree jsdom (the parser the extractor uses) builds from `html` really is. */
function parsedDepth(html: string): number {
  return measureTreeDepth(parser.parseFromString(html, 'text/html').body);
}

describe('estimating nesting before parsing', () => {
  it('matches the parsed depth of ordinary pages, or errs a little deeper', () => {
    for (const html of [savedPolicyArticle(), savedArabicArticle(), savedHostileArticle()]) {
      const estimate = estimateNestingDepth(html);
      const real = parsedDepth(html);
      expect(estimate).toBeGreaterThanOrEqual(real);
      expect(estimate).toBeLessThanOrEqual(real + 3);
    }
  });

  it('follows the end tags a browser implies, so sloppy but shallow pages pass', () => {
    const sloppy = [
      '<p>paragraph'.repeat(5_000),
      `<ul>${'<li>item'.repeat(5_000)}</ul>`,
      `<dl>${'<dt>term<dd>definition'.repeat(3_000)}</dl>`,
      `<table>${'<tr><td>one<td>two'.repeat(3_000)}</table>`,
      `<select>${'<option>choice'.repeat(3_000)}</select>`,
      '<h2>heading'.repeat(3_000),
      `<ul>${'<li><a href="/x">link</li>'.repeat(3_000)}</ul>`,
      '<p><font face="Arial">old style'.repeat(3_000),
    ];
    for (const html of sloppy) {
      const estimate = estimateNestingDepth(html);
      expect(estimate).toBeGreaterThanOrEqual(parsedDepth(html));
      expect(estimate).toBeLessThan(10);
    }
  });

  it('does not count what is not markup: script and style text, comments, quoted attribute values', () => {
    const hidden = [
      `<script>var html = "${'<div>'.repeat(10_000)}";</script><p>text</p>`,
      `<style>/* ${'<div>'.repeat(10_000)} */</style><p>text</p>`,
      `<!-- ${'<div>'.repeat(10_000)} --><p>text</p>`,
      `<p title="${'<div>'.repeat(10_000)}">text</p>`,
      `<textarea>${'<div>'.repeat(10_000)}</textarea>`,
    ];
    for (const html of hidden) expect(estimateNestingDepth(html)).toBeLessThanOrEqual(2);
  });

  it('is not fooled by markup that nests deeper than its tags look', () => {
    const tricky = [
      '<div/>'.repeat(1_000), // "/>" does not close an HTML element
      '<a><div>'.repeat(1_000), // the adoption agency re-nests
      '<span><div></span>'.repeat(1_000), // an end tag stops at a special element
      '<form><div></form>'.repeat(1_000), // </form> leaves what is inside it open
      '<div><b data-n="1">x</div>'.repeat(1_000).replace(/data-n="1"/g, () => `data-n="${Math.random()}"`), // formatting re-opened in every block
      '<i><button>'.repeat(1_000), // re-opened clones stay open
      `<!-->${'<div>'.repeat(1_000)}-->`, // "<!-->" is a whole comment
      `<svg><p>${'<div/>'.repeat(1_000)}`, // <p> leaves SVG, where "/>" closed elements
      '<svg><foreignObject><p>'.repeat(400), // HTML inside SVG nests
      '<noscript><mtext>'.repeat(1_000), // no script, so <noscript> is an element
      `<select><iframe></select>${'<div>'.repeat(1_000)}`, // <select> ignores <iframe>, so what follows is markup
      `<!DOCTYPE html>${'<p><table></table><span>'.repeat(1_000)}`, // outside quirks mode a <table> closes the <p>
      '<ruby><dt><pre><dt><rt>'.repeat(300),
    ];
    for (const html of tricky) {
      expect(estimateNestingDepth(html), html.slice(0, 60)).toBeGreaterThan(defaultImportLimits.maxHtmlDepth);
    }
  });

  it('never underestimates constructs that once fooled it, repeated to accumulate', () => {
    const snippets = [
      '<a><div>',
      '<i><button>',
      '<input><object><select></object>',
      '<svg><desc><svg></a><plaintext><caption><dd/><th>',
      '<tr/><svg><caption><dt><math><mi>',
      '<h3><svg><foreignObject><span><blockquote><small><button><listing>',
      '<p><optgroup><math><mi></ul></h2><dt/>',
      '<strong><td></table><a></image><mi><a><dd></b></td><u><template>',
      't<noscript><select><input><button></button><mtext>',
      '<ruby><dt><pre><dt><rt>',
      't</dt><form><th><font></form></frameset>',
      '<image><em><mi></code></frameset><form><applet><u><frameset><optgroup>',
      '<!DOCTYPE html><p></option><table></table><rt>',
      '<li><dd></mtext><small><annotation-xml>',
      '<html><svg></iframe></object>',
      '<svg/><rt/><em><br>',
    ];
    for (const snippet of snippets) {
      const html = snippet.startsWith('<!DOCTYPE') ? `<!DOCTYPE html>${snippet.slice(15).repeat(100)}` : snippet.repeat(100);
      expect(estimateNestingDepth(html), snippet).toBeGreaterThanOrEqual(parsedDepth(html));
    }
  });

  // How fast it stops is a figure of `npm run bench` (tests/bench/html-depth.ts), not a pass or fail here.
  it('stops counting as soon as the limit is passed', () => {
    const html = deeplyNested(1_000_000, { unclosed: true });
    expect(estimateNestingDepth(html, 512)).toBe(513);
    expect(() => assertNestingWithin(html, 512, 'deep.html')).toThrow(ApiError);
  });
});

describe('refusing deep pages', () => {
  it('refuses 10,000 nested elements with FILE_TOO_LARGE, closed or not', async () => {
    for (const html of [deeplyNested(10_000), deeplyNested(10_000, { unclosed: true }), reopenedFormattingNest(10_000)]) {
      const error: unknown = await extractHtml({ html, fileName: 'deep.html', limits: defaultImportLimits }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).code).toBe('FILE_TOO_LARGE');
      expect((error as ApiError).message).toBe('deep.html nests its elements more than 512 deep, which Fieldbook does not import.');
    }
  });

  it('accepts nesting up to the limit', async () => {
    const extracted = await extractHtml({ html: deeplyNested(500), fileName: 'ok.html', limits: defaultImportLimits });
    expect(extracted.text).toBe('Deep text');
    await expect(extractHtml({ html: deeplyNested(60), fileName: 'ok.html', limits: { ...defaultImportLimits, maxHtmlDepth: 50 } })).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' });
  });
});

describe('measuring a parsed tree', () => {
  it('counts elements, not text, from the root’s children down, template content included', () => {
    const document = parser.parseFromString('<div><p>one <b>two</b></p></div><template><div><div><div><i>deep</i></div></div></div></template>', 'text/html');
    expect(measureTreeDepth(document.body)).toBe(5);
  });

  it('returns as soon as the limit is passed', () => {
    const document = parser.parseFromString(deeplyNested(2_000), 'text/html');
    expect(measureTreeDepth(document.body, 100)).toBe(101);
    expect(measureTreeDepth(document.body)).toBe(2_000);
  });
});

describe('quirks mode', () => {
  it('follows the doctype, as a browser does', () => {
    expect(isQuirksMode('<p>no doctype')).toBe(true);
    expect(isQuirksMode('<!DOCTYPE html><p>')).toBe(false);
    expect(isQuirksMode('  <!-- saved from url=(0014)about:internet -->\n<!doctype HTML>')).toBe(false);
    expect(isQuirksMode('<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">')).toBe(true);
    expect(isQuirksMode('<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">')).toBe(false);
    expect(isQuirksMode('<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">')).toBe(true);
    expect(isQuirksMode('<!DOCTYPE svg>')).toBe(true);
    // What the mode decides here: in quirks mode a <table> opens inside an open <p>.
    // (jsdom's compatMode getter misreports some doctypes, so the parse itself is the witness.)
    for (const doctype of ['', '<!DOCTYPE html>', '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">', '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">']) {
      const nested = parser.parseFromString(`${doctype}<p><table></table>`, 'text/html').body.innerHTML === '<p><table></table></p>';
      expect(nested, doctype).toBe(isQuirksMode(`${doctype}<p>`));
    }
  });
});
