import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { defaultImportLimits } from '../../../../../main/import/extracted-document';
import { extractHtml } from '../../../../../main/import/html/extract-html';
import { parseInertHtml } from '../../../../../main/import/html/parse-document';
import { sanitizeHtml, type UrlPolicy } from '../../../../../shared/html/sanitize';
import { hostileArticleWords, hostilePayloads, savedHostileArticle } from '../../../../support/html-fixtures';
import { expectSafeReaderHtml } from './safe-html';

const limits = defaultImportLimits;

/** Links may go to the web; images only to a saved folder, here `page_files/`. */
const policy: UrlPolicy = {
  imageSource: (src) => (src.startsWith('page_files/') ? src : undefined),
  linkTarget: (href) => {
    try {
      const url = new URL(href);
      return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
    } catch {
      return undefined;
    }
  },
};

function sanitize(html: string): string {
  const dom = new JSDOM('');
  try {
    return sanitizeHtml(dom.window, html, policy, 'test.html');
  } finally {
    dom.window.close();
  }
}

/** A page with real prose around one payload, so Readability keeps the payload's paragraph. */
function pageWith(payload: string): string {
  const [first, second, third] = hostileArticleWords;
  return `<!DOCTYPE html><html lang="en"><head><title>Council Budget Meeting</title></head><body><article><h1>Council Budget Meeting</h1>
    <p>${first} The session opened an hour late because the generator failed twice during the morning prayers.</p>
    <p>${second} ${payload} The chair asked members to return after lunch.</p>
    <p>${third} The clerk will publish the minutes next week.</p></article></body></html>`;
}

describe('hostile saved pages', () => {
  it('strip everything that could run, submit or load, in one page with every payload, and keep the words', async () => {
    const extracted = await extractHtml({ html: savedHostileArticle(), fileName: 'hostile.html', limits });
    expectSafeReaderHtml(extracted.html ?? '');
    for (const words of hostileArticleWords) expect(extracted.text).toContain(words);
    expect(extracted.text).toContain('Paragraph 1 ends here with enough words to look like prose.');
    expect(extracted.text).toContain('js link');
    expect(extracted.text).toContain('svg text');
    expect(extracted.text).toContain('Styled text');
    expect(extracted.text).toContain('Cell text');
    expect(extracted.text).not.toMatch(/alert\(|postMessage|document\.cookie|Fallback content|draft|pick\b/);
    expect(extracted.title).toBe('Council Budget Meeting');
  });

  for (const [name, payload] of Object.entries(hostilePayloads)) {
    it(`are made safe: ${name}`, async () => {
      const extracted = await extractHtml({ html: pageWith(payload), fileName: `${name}.html`, limits });
      expectSafeReaderHtml(extracted.html ?? '');
      const [first, second] = hostileArticleWords;
      expect(extracted.text).toContain(`${first} The session opened an hour late because the generator failed twice during the morning prayers.`);
      // Some payloads leave a raw-text element open, which turns the rest of the page into text; the words before them survive.
      expect(extracted.text).toContain(second);
    });
  }

  it('keep web links, without target, with rel, and without credentials', async () => {
    const blank = await extractHtml({ html: pageWith(hostilePayloads['targetBlank'] ?? ''), fileName: 'links.html', limits });
    expect(blank.html).toContain('<a href="https://example.org/report" rel="noopener noreferrer">report link</a>');
    const credentials = await extractHtml({ html: pageWith(hostilePayloads['credentialsLink'] ?? ''), fileName: 'links.html', limits });
    expect(credentials.html).toContain('<a href="https://example.org/archive" rel="noopener noreferrer">archive link</a>');
    expect(credentials.html).not.toContain('hunter2');
  });
});

describe('the sanitiser on its own', () => {
  it('keeps text structure and drops what it does not allow, keeping the text of unknown wrappers', () => {
    expect(sanitize('<section><h2 class="x" id="y">Title</h2><p style="color:red">Text <font color="red">in font</font> <custom-tag>custom</custom-tag></p></section>')).toBe(
      '<section><h2>Title</h2><p>Text in font custom</p></section>',
    );
  });

  it('drops the content of controls, embeds, scripts and styles, not just the tags', () => {
    expect(sanitize('<p>Keep</p><button>Click</button><select><option>Pick</option></select><textarea>Typed</textarea><object>Fallback</object><script>code()</script><style>p{}</style><template>inert</template><noscript>no</noscript>')).toBe(
      '<p>Keep</p>',
    );
  });

  it('checks attribute values: dir, lang, spans, and nothing with angle brackets', () => {
    expect(sanitize('<p dir="RTL" lang="ar-IQ">نص</p><p dir="sideways" lang="not a tag!">x</p>')).toBe('<p dir="rtl" lang="ar-IQ">نص</p><p>x</p>');
    expect(sanitize('<table><tbody><tr><td colspan="2" rowspan="99999">a</td><td colspan="100000">b</td></tr></tbody></table>')).toBe(
      '<table><tbody><tr><td colspan="2">a</td><td>b</td></tr></tbody></table>',
    );
    expect(sanitize('<img src="page_files/a.png" alt="<img src=x onerror=alert(1)>"><abbr title="Popular Mobilization Forces">PMF</abbr>')).toBe(
      '<img src="page_files/a.png"><abbr title="Popular Mobilization Forces">PMF</abbr>',
    );
  });

  it('keeps attributes only on the elements they belong to', () => {
    expect(sanitize('<p href="https://example.org/" src="page_files/a.png" alt="x" title="t" colspan="2">text</p>')).toBe('<p>text</p>');
  });

  it('lets the policy decide every URL', () => {
    expect(sanitize('<img src="page_files/kept.png"><img src="https://example.org/remote.png"><img src="page_files/b.png" srcset="page_files/b2.png 2x">')).toBe(
      '<img src="page_files/kept.png"><img><img src="page_files/b.png">',
    );
    expect(sanitize('<a href="https://example.org/a">web</a> <a href="ftp://example.org/f">ftp</a> <a href="mailto:a@example.org">mail</a> <a href="/relative">relative</a>')).toBe(
      '<a href="https://example.org/a" rel="noopener noreferrer">web</a> <a>ftp</a> <a>mail</a> <a>relative</a>',
    );
  });

  it('drops the newlines a <pre> opens with, which each parse would otherwise eat one of', () => {
    expect(sanitize('<pre>\n\n\n\n\n\n  code\n    more</pre>')).toBe('<pre>  code\n    more</pre>');
  });

  it('returns HTML that stays the same when it is parsed and sanitised again', () => {
    for (const payload of Object.values(hostilePayloads)) {
      const once = sanitize(payload);
      expect(sanitize(once)).toBe(once);
      expect(new JSDOM(`<!DOCTYPE html><body>${once}`).window.document.body.innerHTML).toBe(once);
    }
  });
});

describe('the parser', () => {
  it('runs no script and no handler', () => {
    const page = '<title>Before</title><script>document.title = "script ran"</script><body onload="document.title = \'onload ran\'">';
    const dom = parseInertHtml(page, 'https://fieldbook.invalid/saved-page/test.html');
    // The same page where jsdom may run scripts, to show the check would see one run.
    const scripted = new JSDOM(page, { runScripts: 'dangerously' });
    try {
      expect(dom.window.document.title).toBe('Before');
      expect(scripted.window.document.title).toBe('script ran');
    } finally {
      dom.window.close();
      scripted.window.close();
    }
  });
});
