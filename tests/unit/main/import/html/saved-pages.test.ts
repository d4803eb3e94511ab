import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../../../shared/api/errors';
import { defaultImportLimits, type ExtractedDocument } from '../../../../../main/import/extracted-document';
import { extractHtml } from '../../../../../main/import/html/extract-html';
import {
  arabicArticle,
  mixedArticle,
  policyArticle,
  policyArticleBlocks,
  savedArabicArticle,
  savedMixedArticle,
  savedPageWithFiles,
  savedPolicyArticle,
  tinyPng,
} from '../../../../support/html-fixtures';
import { expectSafeReaderHtml } from './safe-html';

const limits = defaultImportLimits;

function blocksOf(document: ExtractedDocument): Array<{ type: string; text: string; level?: number; dir?: string }> {
  return document.structure.blocks.map((block) => ({
    type: block.type,
    text: document.text.slice(block.start, block.end),
    ...(block.level === undefined ? {} : { level: block.level }),
    ...(block.dir === undefined ? {} : { dir: block.dir }),
  }));
}

/** The conventions every extractor's text follows, checked on the whole document. */
function expectCanonicalConventions(document: ExtractedDocument): void {
  expect(document.text).toBe(document.text.normalize('NFC'));
  expect(document.text).toBe(document.text.trim());
  const blocks = document.structure.blocks;
  expect(blocks[0]?.start).toBe(0);
  expect(blocks[blocks.length - 1]?.end).toBe(document.text.length);
  for (const [index, block] of blocks.entries()) {
    const previous = blocks[index - 1];
    if (previous !== undefined) expect(document.text.slice(previous.end, block.start)).toBe('\n\n');
    expect(block.end).toBeGreaterThan(block.start);
  }
}

async function expectApiError(promise: Promise<unknown>, code: string, message: RegExp): Promise<void> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).code).toBe(code);
  expect((error as ApiError).message).toMatch(message);
}

describe('a saved policy article', () => {
  let extracted: ExtractedDocument;
  beforeAll(async () => {
    extracted = await extractHtml({ html: savedPolicyArticle(), fileName: 'Generators, Grids and Votes.html', limits });
  });

  it('keeps the article, block by block with exact ranges, and nothing around it', () => {
    expect(blocksOf(extracted)).toEqual(policyArticleBlocks);
    expect(extracted.text).toBe(policyArticleBlocks.map((block) => block.text).join('\n\n'));
    expectCanonicalConventions(extracted);
    for (const words of policyArticle.boilerplate) expect(extracted.text).not.toContain(words);
    expect(extracted.text).not.toMatch(/dataLayer|Privacy|Contact|Sign up/);
  });

  it('reads the metadata: title, authors, date with its offset, site, canonical URL, language', () => {
    expect(extracted.kind).toBe('html');
    expect(extracted.title).toBe(policyArticle.title);
    expect(extracted.authors).toEqual(policyArticle.authors);
    expect(extracted.publishedAt).toBe('2024-06-12T08:30:00+03:00');
    expect(extracted.siteName).toBe(policyArticle.siteName);
    expect(extracted.sourceUrl).toBe(policyArticle.canonicalUrl);
    expect(extracted.language).toBe('en-GB');
    expect(extracted.direction).toBeUndefined();
  });

  it('gives the reader sanitised HTML whose text is the canonical text', () => {
    const html = extracted.html ?? '';
    expectSafeReaderHtml(html);
    expect(html).toContain('<h2>The generator economy</h2>');
    expect(html).toContain('<figcaption>Cables from a private generator cross a street in central Basra.</figcaption>');
    // Relative links resolve against the canonical URL; the remote figure image is gone with its srcset.
    expect(html).toContain('<a href="https://tigris-review.example/glossary/al-tamimiya" rel="noopener noreferrer">al-Tamimiya</a>');
    expect(html).not.toContain('cdn.tigris-review.example');
    expect(extracted.assets).toEqual([]);
    expect(extracted.notices).toEqual(["1 image is not shown because it is not saved in the page's folder (Fieldbook never loads anything from the network)."]);
  });

  it('gives the same text, ranges and HTML every time', async () => {
    const again = await extractHtml({ html: savedPolicyArticle(), fileName: 'Generators, Grids and Votes.html', limits });
    expect(again.text).toBe(extracted.text);
    expect(again.structure).toEqual(extracted.structure);
    expect(again.html).toBe(extracted.html);
  });
});

describe('a page saved with its _files folder', () => {
  const page = savedPageWithFiles();
  const requested: string[] = [];
  let extracted: ExtractedDocument;
  beforeAll(async () => {
    extracted = await extractHtml({
      html: page.html,
      fileName: page.fileName,
      limits,
      readResource: (path) => {
        requested.push(path);
        return Promise.resolve(page.files.get(path));
      },
    });
  });

  it("keeps the page's own images as assets, each file once, and points the HTML at asset:N", () => {
    expect(extracted.assets.map((asset) => ({ name: asset.name, mediaType: asset.mediaType }))).toEqual([
      { name: 'Water brief_files/salinity-chart.png', mediaType: 'image/png' },
      { name: 'Water brief_files/five-summers.png', mediaType: 'image/png' },
    ]);
    expect(extracted.assets[0]?.bytes).toEqual(tinyPng(0x40));
    expect(extracted.assets[1]?.bytes).toEqual(tinyPng(0xc0));
    const html = extracted.html ?? '';
    expect(html).toContain('<img src="asset:0" alt="Salinity by month">');
    expect(html).toContain('<img src="asset:0" alt="Salinity again">');
    expect(html).toContain('<img src="asset:1" alt="Five summers">');
    expect(html.match(/<img/g)).toHaveLength(3);
    expectSafeReaderHtml(html);
  });

  it('reads only inside the folder, and never a remote, data: or escaping path', () => {
    expect(new Set(requested)).toEqual(
      new Set(['Water brief_files/salinity-chart.png', 'Water brief_files/five-summers.png', 'Water brief_files/missing.png', 'Water brief_files/logo.svg', 'Water brief_files/not-an-image.png']),
    );
    expect(requested.filter((path) => path === 'Water brief_files/salinity-chart.png')).toHaveLength(1);
    expect(extracted.html).not.toMatch(/cdn\.example|passport|secrets/);
  });

  it('says which images are missing, refused or outside the folder', () => {
    expect(extracted.notices).toEqual([
      "1 image from the saved page's folder could not be found and is not shown.",
      '2 files used as images are not a PNG, JPEG, GIF or WebP image and were left out.',
      "5 images are not shown because they are not saved in the page's folder (Fieldbook never loads anything from the network).",
    ]);
  });

  it('keeps the text around the images, which contribute none of their own', () => {
    expect(blocksOf(extracted)).toEqual([
      { type: 'paragraph', text: 'Seawater now reaches far up the river in late summer, and farmers on the eastern bank have stopped irrigating their date palms with it.' },
      { type: 'caption', text: 'Salinity measured at three pumping stations, by month.' },
      { type: 'paragraph', text: 'The same chart, saved twice, is stored once:' },
      { type: 'paragraph', text: 'A second chart compares the last five summers.' },
      { type: 'paragraph', text: 'An image the browser failed to save:' },
      { type: 'paragraph', text: 'A vector logo, refused:' },
      { type: 'paragraph', text: 'A file pretending to be an image:' },
      { type: 'paragraph', text: 'Outside the folder:' },
      { type: 'paragraph', text: 'Remote copies are never loaded:' },
      { type: 'paragraph', text: 'The ministry has promised a barrage near the river mouth since 2019; work has not started.' },
    ]);
    expect(extracted.title).toBe('Salt in the Shatt al-Arab');
  });

  it('drops every image, with a notice, when there is no folder to read', async () => {
    const withoutFolder = await extractHtml({ html: page.html, fileName: page.fileName, limits });
    expect(withoutFolder.assets).toEqual([]);
    expect(withoutFolder.html).not.toContain('<img');
    // Six <img> elements point into the folder (one file twice).
    expect(withoutFolder.notices[0]).toBe("6 images from the saved page's folder could not be found and are not shown.");
  });
});

describe('Arabic and mixed-direction pages', () => {
  it('reads an Arabic article: language, direction, and the exact Arabic text in NFC', async () => {
    const extracted = await extractHtml({ html: savedArabicArticle(), fileName: 'basra.html', limits });
    expect(extracted.language).toBe('ar');
    expect(extracted.direction).toBe('rtl');
    expect(extracted.title).toBe(arabicArticle.title);
    expect(extracted.siteName).toBe('نشرة الجنوب');
    expect(extracted.publishedAt).toBe('2023-08-17');
    const blocks = blocksOf(extracted);
    // Readability keeps an Arabic title heading (its title matching is ASCII-only) and demotes it to h2.
    expect(blocks[0]).toEqual({ type: 'heading', level: 2, text: arabicArticle.title });
    expect(blocks.slice(1)).toEqual(arabicArticle.blocks);
    expect(extracted.text).toContain(arabicArticle.composedWord);
    expect(extracted.text).not.toContain(arabicArticle.decomposedWord);
    expect(extracted.html).toContain(arabicArticle.composedWord);
    expect(extracted.text).not.toMatch(/الرئيسية|جميع الحقوق/);
    expectCanonicalConventions(extracted);
  });

  it('marks the Arabic blocks of an English page as right-to-left, and only those', async () => {
    const extracted = await extractHtml({ html: savedMixedArticle(), fileName: 'slogans.html', limits });
    expect(extracted.language).toBe('en');
    expect(extracted.direction).toBeUndefined();
    expect(blocksOf(extracted)).toEqual([
      { type: 'paragraph', text: mixedArticle.englishIntro },
      { type: 'quote', text: mixedArticle.arabicSlogan, dir: 'rtl' },
      { type: 'paragraph', text: mixedArticle.arabicStatement, dir: 'rtl' },
      { type: 'paragraph', text: `${mixedArticle.englishAnalysis} Many chanted ${mixedArticle.arabicSlogan} in the square.` },
    ]);
    expect(extracted.html).toContain('<blockquote dir="rtl" lang="ar">');
  });
});

describe('pages that are not articles', () => {
  it('reads malformed HTML as a browser would', async () => {
    const html = '<title>Notes</title><p>First <b>bold <i>both</b> italic</i> after<p>Second paragraph<li>stray item<table><tr><td>cell one<td>cell two</table>';
    const extracted = await extractHtml({ html, fileName: 'notes.html', limits });
    expect(extracted.text).toContain('First bold both italic after');
    expect(extracted.text).toContain('Second paragraph');
    expect(blocksOf(extracted)).toContainEqual({ type: 'table-cell', text: 'cell two' });
    expectCanonicalConventions(extracted);
  });

  it('falls back to the visible body when there is no article, leaving out what the page hides', async () => {
    const html = '<html><body><div hidden>Hidden banner</div><div style="display: none">Styled away</div><span>Just one line of text.</span></body></html>';
    const extracted = await extractHtml({ html, fileName: 'line.html', limits });
    expect(extracted.text).toBe('Just one line of text.');
    expect(extracted.title).toBe('');
  });

  it('refuses a page with no text', async () => {
    await expectApiError(extractHtml({ html: '<html><body><img src="x.png"><script>var a = 1;</script></body></html>', fileName: 'empty.html', limits }), 'DAMAGED_FILE', /empty\.html has no readable text/);
    await expectApiError(extractHtml({ html: '', fileName: 'blank.html', limits }), 'DAMAGED_FILE', /has no readable text/);
  });

  it('refuses binary content and files over the size limit', async () => {
    await expectApiError(extractHtml({ html: '<p>text\u0000more</p>', fileName: 'nul.html', limits }), 'UNSUPPORTED_FILE', /not a text file/);
    const binary = String.fromCharCode(...Array.from({ length: 400 }, (_, index) => index % 32));
    await expectApiError(extractHtml({ html: binary.replace(/\u0000/g, '\u0001'), fileName: 'image.html', limits }), 'UNSUPPORTED_FILE', /binary/);
    await expectApiError(extractHtml({ html: '<p>too long</p>', fileName: 'big.html', limits: { ...limits, maxFileBytes: 10 } }), 'FILE_TOO_LARGE', /import limit/);
  });
});

describe('nothing runs and nothing is fetched', () => {
  let server: Server;
  let requests: string[];
  let origin: string;
  beforeAll(async () => {
    requests = [];
    server = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.end('<script>alert(1)</script>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('loads no script, stylesheet, image, frame, media or redirect a page points at', async () => {
    const html = `<!DOCTYPE html><html><head>
      <base href="${origin}/base/"><meta http-equiv="refresh" content="0;url=${origin}/refresh">
      <link rel="stylesheet" href="${origin}/style.css"><link rel="preload" href="${origin}/preload.js" as="script">
      <script src="${origin}/script.js"></script><style>@import url(${origin}/import.css); p { background: url(${origin}/bg.png) }</style>
      </head><body><article><h1>Loads</h1>
      <p>The water ministry published its summer figures late, and the numbers do not add up.</p>
      <img src="${origin}/image.png" srcset="${origin}/image-2x.png 2x"><iframe src="${origin}/frame"></iframe>
      <video src="${origin}/video.mp4" poster="${origin}/poster.jpg"></video><object data="${origin}/object"></object>
      <embed src="${origin}/embed"><input type="image" src="${origin}/input.png"><div style="background:url(${origin}/div.png)">Styled</div>
      <script>fetch('${origin}/fetch')</script><img src="x" onerror="fetch('${origin}/onerror')">
      <p>Reservoirs north of Baghdad were at a third of their capacity by the end of August.</p>
      </article></body></html>`;
    const extracted = await extractHtml({ html, fileName: 'loads.html', limits });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(requests).toEqual([]);
    expect(extracted.text).toContain('Reservoirs north of Baghdad were at a third of their capacity by the end of August.');
    expect(extracted.html).not.toContain(origin);
  });
});
