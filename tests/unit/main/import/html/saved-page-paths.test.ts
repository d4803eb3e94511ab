import { describe, expect, it } from 'vitest';
import { imageMediaType, sniffImageType } from '../../../../../main/import/html/media-type';
import { linkTarget, localResourcePath, savedPageLocation } from '../../../../../main/import/html/saved-page-paths';
import { tinyPng } from '../../../../support/html-fixtures';

describe('a saved page and its folder', () => {
  it('names the folder a browser saves beside the page', () => {
    expect(savedPageLocation('Water brief.html').resourceFolder).toBe('Water brief_files');
    expect(savedPageLocation('/media/usb/Reports/brief.htm').resourceFolder).toBe('brief_files');
    expect(savedPageLocation('C:\\Users\\sam\\Saved\\Brief.XHTML').resourceFolder).toBe('Brief_files');
    expect(savedPageLocation('Water brief.html').documentUrl).toBe('https://fieldbook.invalid/saved-page/Water%20brief.html');
  });

  const page = savedPageLocation('Water brief.html');

  it('finds files inside the folder, however the page spells the path', () => {
    expect(localResourcePath('Water%20brief_files/chart.png', page)).toBe('Water brief_files/chart.png');
    expect(localResourcePath('./Water brief_files/img/chart%231.png', page)).toBe('Water brief_files/img/chart#1.png');
    expect(localResourcePath('Water%20brief_files/chart.png?v=3#top', page)).toBe('Water brief_files/chart.png');
    // Readability makes relative URLs absolute against the page's own address.
    expect(localResourcePath('https://fieldbook.invalid/saved-page/Water%20brief_files/chart.png', page)).toBe('Water brief_files/chart.png');
    expect(localResourcePath('Water%20brief_files/%D8%B5%D9%88%D8%B1%D8%A9.png', page)).toBe('Water brief_files/صورة.png');
  });

  it('refuses everything else: other folders, escapes, absolute paths, other sites, data: URLs', () => {
    for (const url of [
      'Other_files/chart.png',
      'chart.png',
      'Water%20brief_files/',
      '../Water brief_files/chart.png',
      'Water%20brief_files/../../etc/passwd',
      'Water%20brief_files/%2e%2e/%2e%2e/etc/passwd',
      'Water%20brief_files/..%2F..%2Fsecret.png',
      'Water%20brief_files/a%5Cb.png',
      'Water%20brief_files/C:%5Cwindows.png',
      'Water%20brief_files/%00.png',
      '/Water brief_files/chart.png',
      'file:///etc/passwd',
      'https://example.org/Water brief_files/chart.png',
      '//example.org/Water brief_files/chart.png',
      'data:image/png;base64,iVBORw0KGgo=',
      'javascript:alert(1)',
      'Water%20brief_files/%E0%A4%A.png',
    ]) {
      expect(localResourcePath(url, page), url).toBeUndefined();
    }
  });
});

describe('links in a saved page', () => {
  const page = savedPageLocation('brief.html');
  const source = 'https://tigris-review.example/analysis/brief?id=7';

  it('keeps absolute web links, without credentials', () => {
    expect(linkTarget('https://example.org/a?b=1#c', page)).toBe('https://example.org/a?b=1#c');
    expect(linkTarget('HTTP://Example.org', page)).toBe('http://example.org/');
    expect(linkTarget('https://user:secret@example.org/archive', page)).toBe('https://example.org/archive');
  });

  it('resolves relative links against the page’s canonical address, and drops them without one', () => {
    expect(linkTarget('/experts/layla', page, source)).toBe('https://tigris-review.example/experts/layla');
    expect(linkTarget('related?x=1', page, source)).toBe('https://tigris-review.example/analysis/related?x=1');
    expect(linkTarget('https://fieldbook.invalid/saved-page/related', page, source)).toBe('https://tigris-review.example/analysis/related');
    expect(linkTarget('/experts/layla', page)).toBeUndefined();
  });

  it('drops links that lead nowhere once the page is imported, and every other scheme', () => {
    for (const href of ['#footnote-1', 'brief.html#top', 'brief_files/chart.png', 'javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'data:text/html,<script>', 'vbscript:x', 'mailto:a@example.org', 'ftp://example.org/', 'file:///etc/passwd']) {
      expect(linkTarget(href, page, source), href).toBeUndefined();
    }
  });
});

describe('image types', () => {
  it('are read from the bytes', () => {
    expect(sniffImageType(tinyPng())).toBe('image/png');
    expect(sniffImageType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(sniffImageType(new TextEncoder().encode('GIF89a\u0001\u0000'))).toBe('image/gif');
    expect(sniffImageType(new TextEncoder().encode('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '))).toBe('image/webp');
    expect(sniffImageType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined();
    expect(sniffImageType(new Uint8Array(0))).toBeUndefined();
  });

  it('trust the bytes over the name, and refuse SVG whatever it contains', () => {
    expect(imageMediaType(tinyPng(), 'photo.jpg')).toBe('image/png');
    expect(imageMediaType(new TextEncoder().encode('<html><script>alert(1)</script>'), 'chart.png')).toBeUndefined();
    expect(imageMediaType(tinyPng(), 'logo.svg')).toBeUndefined();
    expect(imageMediaType(tinyPng(), 'logo.SVGZ')).toBeUndefined();
  });
});
