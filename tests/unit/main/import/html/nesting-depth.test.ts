import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../../shared/api/errors';
import { defaultImportLimits } from '../../../../../main/import/extracted-document';
import { extractHtml } from '../../../../../main/import/html/extract-html';
import { assertNestingWithin, measureHtmlDepth } from '../../../../../main/import/html/nesting-depth';
import {
  deeplyNested,
  formulaArticle,
  reopenedFormattingNest,
  savedArabicArticle,
  savedHostileArticle,
  savedPolicyArticle,
} from '../../../../support/html-fixtures';

const parser = new new JSDOM('').window.DOMParser();
const LIMIT = defaultImportLimits.maxHtmlDepth;

/**
 * How deep the tree jsdom (the parser the extractor uses) builds from `html`
 * really is, counting from the children of <head> and <body>, template
 * content one level under its template.
 */
function jsdomDepth(html: string): number {
  const root = parser.parseFromString(html, 'text/html').documentElement;
  let deepest = 0;
  const pending: Array<{ node: Node; depth: number }> = [{ node: root, depth: -1 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { node, depth } = next;
    deepest = Math.max(deepest, depth);
    // (Only an HTML <template>, named in capitals, has content; one inside SVG is an ordinary element.)
    const content = node.nodeName === 'TEMPLATE' ? (node as HTMLTemplateElement).content : undefined;
    for (const parent of [node, content]) {
      for (let child = parent?.firstChild ?? null; child !== null; child = child.nextSibling) {
        if (child.nodeType === 1) pending.push({ node: child, depth: depth + 1 });
      }
    }
  }
  return deepest;
}

describe('measuring nesting before jsdom parses', () => {
  it('measures ordinary pages as jsdom parses them', () => {
    for (const html of [savedPolicyArticle(), savedArabicArticle(), savedHostileArticle()]) {
      expect(measureHtmlDepth(html)).toBe(jsdomDepth(html));
    }
  });

  it('counts a MathML formula at its real depth, so an article of 66 formulas passes', async () => {
    const html = formulaArticle(66);
    const depth = measureHtmlDepth(html);
    expect(depth).toBe(jsdomDepth(html));
    expect(depth).toBeLessThan(20);
    const extracted = await extractHtml({ html, fileName: 'series.html', limits: defaultImportLimits });
    expect(extracted.title).toBe('Quadratic series');
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
      const depth = measureHtmlDepth(html);
      expect(depth, html.slice(0, 40)).toBe(jsdomDepth(html));
      expect(depth).toBeLessThan(10);
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
    for (const html of hidden) expect(measureHtmlDepth(html)).toBeLessThanOrEqual(2);
  });

  it('is not fooled by markup that nests deeper than its tags look', () => {
    // A low limit keeps jsdom's own parse of each page, the witness, quick.
    const limit = 50;
    const tricky = [
      '<div/>'.repeat(100), // "/>" does not close an HTML element
      '<a><div>'.repeat(100), // the adoption agency re-nests
      '<span><div></span>'.repeat(100), // an end tag stops at a special element
      '<form><div></form>'.repeat(100), // </form> leaves what is inside it open
      reopenedFormattingNest(100), // formatting re-opened in every block
      '<i><button>'.repeat(100), // re-opened clones stay open
      `<!-->${'<div>'.repeat(100)}-->`, // "<!-->" is a whole comment
      `<svg><p>${'<div/>'.repeat(100)}`, // <p> leaves SVG, where "/>" closed elements
      '<svg><foreignObject><p>'.repeat(40), // HTML inside SVG nests
      '<noscript><mtext>'.repeat(100), // no script, so <noscript> is an element
      `<select><iframe></select>${'<div>'.repeat(100)}`, // <select> ignores <iframe>, so what follows is markup
      `<!DOCTYPE html>${'<p><table></table><span>'.repeat(100)}`, // outside quirks mode a <table> closes the <p>
      '<ruby><dt><pre><dt><rt>'.repeat(30),
      `<template>${'<div>'.repeat(100)}</template>`, // template content is walked by sanitisers too
    ];
    for (const html of tricky) {
      expect(jsdomDepth(html), html.slice(0, 60)).toBeGreaterThan(limit);
      expect(measureHtmlDepth(html, limit), html.slice(0, 60)).toBe(limit + 1);
    }
  });

  it('measures constructs that once fooled the old estimate exactly, repeated to accumulate', () => {
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
      expect(measureHtmlDepth(html), snippet).toBe(jsdomDepth(html));
    }
  });

  it('follows the doctype: in quirks mode a <table> opens inside an open <p>', () => {
    const doctypes = [
      '',
      '<!DOCTYPE html>',
      '  <!-- saved from url=(0014)about:internet -->\n<!doctype HTML>',
      '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">',
      '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">',
      '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">',
      '<!DOCTYPE svg>',
    ];
    const depths = doctypes.map((doctype) => measureHtmlDepth(`${doctype}${'<p><table></table><span>'.repeat(50)}`));
    doctypes.forEach((doctype, index) => expect(depths[index], doctype).toBe(jsdomDepth(`${doctype}${'<p><table></table><span>'.repeat(50)}`)));
    expect(new Set(depths).size).toBe(2);
  });

  it('stops counting as soon as the limit is passed', () => {
    const html = deeplyNested(1_000_000, { unclosed: true });
    expect(measureHtmlDepth(html, LIMIT)).toBe(LIMIT + 1);
    expect(() => assertNestingWithin(html, LIMIT, 'deep.html')).toThrow(ApiError);
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
