import { createMultibyteDecoder, createMultibyteEncoder } from '@exodus/bytes/multi-byte.js';
import { createSinglebyteEncoder } from '@exodus/bytes/single-byte.js';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../../main/import/decode-text';
import { defaultImportLimits } from '../../../../main/import/extracted-document';
import { extractFile } from '../../../../main/import/extract-file';

const chinese = '中国气象局今天发布暴雨黄色预警，预计华南地区将出现强降雨。';
const arabic = 'أعلنت وزارة الموارد المائية أن منسوب نهر دجلة انخفض هذا الصيف إلى أدنى مستوى له منذ عقود.';
const french = 'Le café de la gare a rouvert — une bonne nouvelle pour les habitués, naïfs ou non.';

function page(head: string, text: string): string {
  return `<!DOCTYPE html><html><head>${head}<title>${text.slice(0, 8)}</title></head><body><article><p>${text}</p></article></body></html>`;
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const gbk = createMultibyteEncoder('gbk');

describe('deciding a web page’s encoding', () => {
  it('reads UTF-8 bytes as UTF-8 though the page declares gb2312, which would decode them without error into other characters', () => {
    const html = page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', chinese);
    const bytes = utf8(html);
    // Why failing to decode is no test of the declaration: strict GBK (it throws on malformed input) takes the UTF-8 of “中国” for other characters.
    expect(createMultibyteDecoder('gbk')(utf8('中国'))).toMatch(/^涓.浗$/u);
    expect(decodeText(bytes, 'news.html', true)).toBe(html);
  });

  it('reads UTF-8 bytes as UTF-8 though the page declares a single-byte charset, which accepts any byte', () => {
    const html = page('<meta charset="windows-1256">', arabic);
    expect(decodeText(utf8(html), 'news.html', true)).toBe(html);
  });

  it('still reads pages that really are in the legacy charset they declare', () => {
    const pages = [
      { html: page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', chinese), encode: gbk },
      { html: page('<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">', arabic), encode: createSinglebyteEncoder('windows-1256') },
      { html: page('<meta charset="windows-1252">', french), encode: createSinglebyteEncoder('windows-1252') },
      // ISO-2022-JP is written in ASCII bytes: that the bytes are valid UTF-8 then says nothing.
      { html: page('<meta charset="iso-2022-jp">', '気象庁は大雨警報を発表しました。'), encode: createMultibyteEncoder('iso-2022-jp') },
    ];
    for (const { html, encode } of pages) expect(decodeText(encode(html), 'page.html', true)).toBe(html);
  });

  it('finds the declaration after a long preamble, as saved pages have', () => {
    const html = `<!-- saved from url=(0042)https://news.example/ -->${'<!-- -->'.repeat(200)}${page('<meta charset="gbk">', chinese)}`;
    expect(decodeText(gbk(html), 'page.html', true)).toBe(html);
  });

  it('guesses the encoding of a page that declares none and is not UTF-8', () => {
    const html = page('', `${chinese}${chinese}${chinese}`);
    expect(decodeText(gbk(html), 'page.html', true)).toBe(html);
  });

  it('lets a byte-order mark win over the declaration', () => {
    const html = page('<meta charset="windows-1252">', arabic);
    const body = Buffer.from(html, 'utf16le');
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), body]), 'page.html', true)).toBe(html);
  });

  it('keeps a page declared UTF-8 as UTF-8 when a stray byte is not, marking only that byte', () => {
    const bytes = Buffer.concat([utf8(page('<meta charset="utf-8">', arabic)), Buffer.from([0xff])]);
    expect(decodeText(bytes, 'page.html', true)).toBe(`${page('<meta charset="utf-8">', arabic)}\ufffd`);
  });

  it('ignores a <meta> charset in Markdown and plain text, where it is only text', () => {
    const markdown = `<meta charset="gb2312">\n\n# ${chinese}`;
    expect(decodeText(utf8(markdown), 'notes.md', false)).toBe(markdown);
  });
});

describe('importing a page whose declaration is wrong', () => {
  it('gives the Chinese text, not mojibake', async () => {
    const bytes = utf8(page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', chinese));
    const extracted = await extractFile({ file: '/tmp/news.html', kind: 'html', bytes, limits: defaultImportLimits });
    expect(extracted.text).toContain(chinese);
  });
});
