import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { splitByline } from '../../../../../main/import/html/byline';
import { normaliseDate } from '../../../../../main/import/dates';
import { languageTag, readPageMetadata } from '../../../../../main/import/html/metadata';

function metadataOf(head: string, body = '', htmlAttributes = ''): ReturnType<typeof readPageMetadata> {
  return readPageMetadata(new JSDOM(`<!DOCTYPE html><html ${htmlAttributes}><head>${head}</head><body>${body}</body></html>`).window.document);
}

describe('page metadata', () => {
  it('reads titles, author, site, canonical URL, language and direction', () => {
    const metadata = metadataOf(
      `<title>  Militias   and the Vote | Site </title><meta property="og:title" content="Militias and the Vote">
       <meta name="author" content="Sara Karim"><meta property="og:site_name" content="Delta Watch">
       <link rel="alternate canonical" href="https://delta-watch.example/militias-vote">`,
      '<h1>Militias and the <em>Vote</em></h1>',
      'lang="ar-iq" dir="RTL"',
    );
    expect(metadata).toEqual({
      ogTitle: 'Militias and the Vote',
      documentTitle: 'Militias and the Vote | Site',
      firstHeading: 'Militias and the Vote',
      author: 'Sara Karim',
      siteName: 'Delta Watch',
      canonicalUrl: 'https://delta-watch.example/militias-vote',
      language: 'ar-IQ',
      direction: 'rtl',
    });
  });

  it('takes og:url when there is no canonical link, and only absolute web addresses', () => {
    expect(metadataOf('<meta property="og:url" content="https://example.org/a">').canonicalUrl).toBe('https://example.org/a');
    expect(metadataOf('<link rel="canonical" href="/relative"><meta property="og:url" content="javascript:alert(1)">').canonicalUrl).toBeUndefined();
  });

  it('ignores an author that is a profile URL', () => {
    expect(metadataOf('<meta property="article:author" content="https://facebook.example/writer">').author).toBeUndefined();
  });

  it('finds the published date, most explicit source first', () => {
    expect(metadataOf('<meta property="article:published_time" content="2024-03-05T10:00:00Z">', '<time datetime="2020-01-01">').publishedAt).toBe('2024-03-05T10:00:00Z');
    expect(metadataOf('', '<time datetime="2019-01-01">related</time><time itemprop="datePublished" datetime="2023-07-09">9 July</time>').publishedAt).toBe('2023-07-09');
    expect(metadataOf('<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2022-11-30T08:00:00+03:00"}]}</script>').publishedAt).toBe('2022-11-30T08:00:00+03:00');
    expect(metadataOf('<script type="application/ld+json">{ broken json </script><meta name="date" content="5 March 2021">').publishedAt).toBe('2021-03-05');
    expect(metadataOf('', '<time datetime="2018-02">February</time>').publishedAt).toBe('2018-02');
    expect(metadataOf('<meta name="date" content="soon">').publishedAt).toBeUndefined();
  });

  it('accepts only real language tags', () => {
    expect(languageTag('en_gb')).toBe('en-GB');
    expect(languageTag('AR')).toBe('ar');
    expect(languageTag('not a language')).toBeUndefined();
    expect(languageTag('')).toBeUndefined();
  });
});

describe('dates', () => {
  it('keep the precision and offset the source gives', () => {
    expect(normaliseDate('2024')).toBe('2024');
    expect(normaliseDate('2024-03')).toBe('2024-03');
    expect(normaliseDate('2024-03-05')).toBe('2024-03-05');
    expect(normaliseDate('2024-03-05T01:30')).toBe('2024-03-05T01:30:00');
    expect(normaliseDate('2024-03-05T01:30:15.123+0300')).toBe('2024-03-05T01:30:15+03:00');
    expect(normaliseDate('2024-03-05 23:59:59 z')).toBe('2024-03-05T23:59:59Z');
  });

  it('read the ways pages write dates in words, and year-first numbers', () => {
    expect(normaliseDate('March 5, 2024')).toBe('2024-03-05');
    expect(normaliseDate('Tuesday, 5th March 2024')).toBe('2024-03-05');
    expect(normaliseDate('Aug 17, 2023')).toBe('2023-08-17');
    expect(normaliseDate('Sept. 2022')).toBe('2022-09');
    expect(normaliseDate('2024/03/05')).toBe('2024-03-05');
    // Beyond what the hand-written parser before chrono-node read.
    expect(normaliseDate('5th of March 2024')).toBe('2024-03-05');
    expect(normaliseDate('Published: March 5, 2024')).toBeUndefined();
  });

  it('refuse what they cannot read without guessing', () => {
    for (const value of ['05/03/2024', '2024-02-30', '2023-13-01', '31 Smarch 2024', 'yesterday', '', undefined, null, '9999999']) {
      expect(normaliseDate(value), String(value)).toBeUndefined();
    }
    expect(normaliseDate('2024-03-05T25:00')).toBe('2024-03-05');
  });
});

describe('bylines', () => {
  it('split into people, without "By" and duplicates', () => {
    expect(splitByline('By Layla Haddad and Omar Nouri')).toEqual(['Layla Haddad', 'Omar Nouri']);
    expect(splitByline('Layla Haddad, Omar Nouri & Sam Poe')).toEqual(['Layla Haddad', 'Omar Nouri', 'Sam Poe']);
    expect(splitByline('by  Hana   Saleh, and Hana Saleh')).toEqual(['Hana Saleh']);
    expect(splitByline('بقلم: علي حسن، سارة كريم')).toEqual(['علي حسن', 'سارة كريم']);
  });

  it('drop addresses and sentences', () => {
    expect(splitByline('https://example.org/author/x, writer@example.org, Real Name')).toEqual(['Real Name']);
    expect(splitByline(`${'A very long sentence that a byline heuristic picked up by mistake '.repeat(2)}`)).toEqual([]);
    expect(splitByline(undefined)).toEqual([]);
  });
});
