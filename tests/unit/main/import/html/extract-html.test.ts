import { describe, expect, it } from 'vitest';
import { defaultImportLimits } from '../../../../../main/import/extracted-document';
import { extractHtml } from '../../../../../main/import/html/extract-html';
import {
  arabicArticle,
  deeplyNested,
  formulaArticle,
  hostileArticleWords,
  mixedArticle,
  policyArticle,
  policyArticleBlocks,
  reopenedFormattingNest,
  savedArabicArticle,
  savedHostileArticle,
  savedMixedArticle,
  savedPageWithFiles,
  savedPolicyArticle,
} from '../../../../support/html-fixtures';

const limits = defaultImportLimits;

describe('saved web pages', () => {
  it('keeps the article, drops the page around it, and gives exact block ranges', async () => {
    const page = await extractHtml({ html: savedPolicyArticle(), fileName: 'article.html', limits });
    const blocks = page.structure.blocks.map((block) => ({ type: block.type, text: page.text.slice(block.start, block.end), ...(block.level ? { level: block.level } : {}) }));
    for (const expected of policyArticleBlocks) expect(blocks).toContainEqual(expected);
    for (const boilerplate of policyArticle.boilerplate) expect(page.text).not.toContain(boilerplate);
    expect(page.text.normalize('NFC')).toBe(page.text);
  });

  it('reads the metadata', async () => {
    const page = await extractHtml({ html: savedPolicyArticle(), fileName: 'article.html', limits });
    expect(page).toMatchObject({ kind: 'html', title: policyArticle.title, authors: policyArticle.authors, siteName: policyArticle.siteName, sourceUrl: policyArticle.canonicalUrl });
    expect(page.language).toMatch(/^en\b/);
    expect(page.publishedAt?.startsWith('2024-06-12')).toBe(true);
  });

  it('keeps images from the saved folder only, as assets, and never anything remote or outside it', async () => {
    const saved = savedPageWithFiles();
    const page = await extractHtml({ html: saved.html, fileName: saved.fileName, limits, readResource: async (relative) => saved.files.get(relative) });
    expect(page.assets.map((asset) => [asset.name, asset.mediaType])).toEqual([
      ['Water brief_files/salinity-chart.png', 'image/png'],
      ['Water brief_files/five-summers.png', 'image/png'],
    ]);
    expect(page.html).toContain('src="asset:0"');
    expect(page.html).toContain('src="asset:1"');
    expect(page.html).not.toMatch(/cdn\.example|passport|logo\.svg|not-an-image|data:image|missing\.png/);
    expect(page.text).toContain('The ministry has promised a barrage near the river mouth since 2019; work has not started.');
  });

  it('reads an Arabic page as Arabic, right to left, NFC-normalised', async () => {
    const page = await extractHtml({ html: savedArabicArticle(), fileName: 'basra.html', limits });
    expect(page).toMatchObject({ title: arabicArticle.title, language: 'ar', direction: 'rtl', siteName: 'نشرة الجنوب' });
    for (const block of arabicArticle.blocks) expect(page.text).toContain(block.text);
    expect(page.text).not.toContain(arabicArticle.decomposedWord);
  });

  it('marks the direction of Arabic blocks inside an English page', async () => {
    const page = await extractHtml({ html: savedMixedArticle(), fileName: 'slogans.html', limits });
    const blockOf = (text: string) => page.structure.blocks.find((block) => page.text.slice(block.start, block.end).includes(text));
    expect(blockOf(mixedArticle.arabicStatement)?.dir).toBe('rtl');
    expect(blockOf(mixedArticle.englishIntro)?.dir).toBeUndefined();
  });

  it('removes everything that could run, submit, or load from the network, and keeps the words', async () => {
    const page = await extractHtml({ html: savedHostileArticle(), fileName: 'hostile.html', limits });
    const html = page.html ?? '';
    expect(html).not.toMatch(/<script|<iframe|<object|<embed|<form|<input|<button|<textarea|<svg|<math|<base|<meta|<link|<style|<template|<video|<audio|<source/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:|vbscript:|data:/i);
    expect(html).not.toMatch(/(src|srcset|poster|background|style)\s*=\s*"[^"]*(https?:)?\/\//i);
    expect(html).not.toMatch(/target=|hunter2/);
    expect(html).toContain('rel="noopener noreferrer"');
    for (const words of hostileArticleWords) expect(page.text).toContain(words);
    expect(page.text).not.toMatch(/alert\(|onerror/);
  });

  it('refuses pages nested deeper than the limit, even when the nesting comes from the parser', async () => {
    for (const html of [deeplyNested(100_000), deeplyNested(100_000, { unclosed: true }), reopenedFormattingNest(5_000)]) {
      await expect(extractHtml({ html, fileName: 'deep.html', limits })).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' });
    }
    await expect(extractHtml({ html: deeplyNested(100), fileName: 'ok.html', limits })).resolves.toMatchObject({ text: 'Deep text' });
  });

  it('refuses a page with no readable text, and binary data', async () => {
    await expect(extractHtml({ html: '<html><head><title>Nothing</title></head><body> <img src="x.png"> </body></html>', fileName: 'empty.html', limits })).rejects.toMatchObject({ code: 'DAMAGED_FILE' });
    await expect(extractHtml({ html: 'PK\u0003\u0004\u0000\u0000binary', fileName: 'zip.html', limits })).rejects.toMatchObject({ code: 'UNSUPPORTED_FILE' });
  });
});

describe('text runs split by markup that is not text', () => {
  it('keeps a run with a comment inside it as one paragraph', async () => {
    // Frameworks leave empty comments inside text they render in pieces.
    const html = '<!DOCTYPE html><html><body><div>The census counted A<!-- -->22 households in the valley, and the rest stayed behind in the town.</div></body></html>';
    const page = await extractHtml({ html, fileName: 'census.html', limits });
    expect(page.text).toBe('The census counted A22 households in the valley, and the rest stayed behind in the town.');
    expect(page.structure.blocks).toHaveLength(1);
  });
});

describe('formulas', () => {
  it('keeps MathML formulas as text, from their alttext or their own symbols', async () => {
    const html = `<!DOCTYPE html><html><body><article><h1>Quadratics</h1>
<p>When <math alttext="a \\ne 0"><mi>a</mi><mo>≠</mo><mn>0</mn></math>, there are two solutions to
<math><mi>a</mi><msup><mi>x</mi><mn>2</mn></msup><mo>+</mo><mi>b</mi><mi>x</mi><mo>+</mo><mi>c</mi><mo>=</mo><mn>0</mn></math> and they are real when the discriminant is positive.</p>
</article></body></html>`;
    const page = await extractHtml({ html, fileName: 'quadratics.html', limits });
    expect(page.text).toContain('When a \\ne 0, there are two solutions to ax2+bx+c=0 and they are real');
    expect(page.html).toContain('<span>a \\ne 0</span>');
  });

  it('puts the formula where a page hid its MathML behind an image of it, as Wikipedia does', async () => {
    const page = await extractHtml({ html: formulaArticle(3), fileName: 'series.html', limits });
    expect(page.text).toContain('The term x_{0}^2 + 0 grows with the index');
    expect(page.text).toContain('The term x_{2}^2 + 2 grows with the index');
    expect(page.text).not.toContain('displaystyle');
    // The fallback image drew the same formula: it goes, rather than being counted as a remote image left out.
    expect(page.notices).toEqual([]);
  });
});
