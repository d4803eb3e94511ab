/// <reference lib="dom" />
import { normaliseDate } from '../dates';
import type { TextDirection } from '../../../shared/text/canonical-direction';

/**
 * What a page says about itself in its <head> and markup. Read from the
 * parsed page before anything is removed, and only through attributes and
 * text: nothing here resolves a URL against the page or runs a script.
 */
export interface PageMetadata {
  ogTitle?: string;
  documentTitle?: string;
  firstHeading?: string;
  author?: string;
  publishedAt?: string;
  siteName?: string;
  canonicalUrl?: string;
  language?: string;
  direction?: TextDirection;
}

/** Metadata strings collapsed as text is, and NFC like the canonical text. */
export function cleanText(value: string | null | undefined): string | undefined {
  const text = value?.replace(/\s+/g, ' ').trim().normalize('NFC');
  return text === undefined || text === '' ? undefined : text;
}

function metaContent(document: Document, keys: readonly string[]): string | undefined {
  for (const meta of Array.from(document.querySelectorAll('meta[content]'))) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop') ?? '').trim().toLowerCase();
    if (keys.includes(key)) {
      const content = cleanText(meta.getAttribute('content'));
      if (content !== undefined) return content;
    }
  }
  return undefined;
}

/** An absolute http(s) URL, or undefined: a relative canonical URL has no site to be relative to once saved. */
export function httpUrl(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  try {
    const url = new URL(value.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    url.username = '';
    url.password = '';
    return url.href;
  } catch {
    return undefined;
  }
}

/** A BCP 47 tag in its canonical case ("en-us" → "en-US"), or undefined when it is not one. */
export function languageTag(value: string | null | undefined): string | undefined {
  const text = value?.trim().replace(/_/g, '-');
  if (text === undefined || text === '') return undefined;
  try {
    return Intl.getCanonicalLocales(text)[0];
  } catch {
    return undefined;
  }
}

export function declaredDirection(value: string | null | undefined): TextDirection | undefined {
  const text = value?.trim().toLowerCase();
  return text === 'ltr' || text === 'rtl' ? text : undefined;
}

/** Bounds on JSON-LD, which pages sometimes fill with whole catalogues. */
const MAX_JSON_LD_CHARS = 1_000_000;
const MAX_JSON_LD_DEPTH = 8;

function findDatePublished(value: unknown, depth: number): string | undefined {
  if (depth > MAX_JSON_LD_DEPTH || value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findDatePublished(item, depth + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  const record = value as Record<string, unknown>;
  const direct = record['datePublished'];
  if (typeof direct === 'string') return direct;
  for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage']) {
    const found = findDatePublished(record[key], depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

function jsonLdDatePublished(document: Document): string | undefined {
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json" i]'))) {
    const source = script.textContent ?? '';
    if (source.length > MAX_JSON_LD_CHARS) continue;
    try {
      const found = normaliseDate(findDatePublished(JSON.parse(source) as unknown, 0));
      if (found !== undefined) return found;
    } catch {
      // Broken JSON-LD is common and says nothing about the article.
    }
  }
  return undefined;
}

function timeElementDate(document: Document, marked: boolean): string | undefined {
  const selector = marked ? 'time[datetime][itemprop="datePublished" i], time[datetime][pubdate]' : 'time[datetime]';
  for (const time of Array.from(document.querySelectorAll(selector))) {
    const date = normaliseDate(time.getAttribute('datetime'));
    if (date !== undefined) return date;
  }
  return undefined;
}

/**
 * The publication date, most explicit source first. An unmarked <time> comes
 * last because a page's first one is as often "updated" or a related
 * article's date as the article's own.
 */
function publishedDate(document: Document): string | undefined {
  return (
    normaliseDate(metaContent(document, ['article:published_time'])) ??
    timeElementDate(document, true) ??
    jsonLdDatePublished(document) ??
    normaliseDate(
      metaContent(document, ['datepublished', 'date', 'dc.date', 'dc.date.issued', 'dcterms.issued', 'dcterms.created', 'pubdate', 'publishdate', 'publication_date', 'sailthru.date', 'parsely-pub-date']),
    ) ??
    timeElementDate(document, false)
  );
}

export function readPageMetadata(document: Document): PageMetadata {
  const metadata: PageMetadata = {};
  const set = <K extends keyof PageMetadata>(key: K, value: PageMetadata[K] | undefined): void => {
    if (value !== undefined) metadata[key] = value;
  };
  set('ogTitle', metaContent(document, ['og:title']));
  set('documentTitle', cleanText(document.querySelector('head title, title')?.textContent));
  set('firstHeading', cleanText(document.querySelector('h1')?.textContent));
  const author = metaContent(document, ['author', 'dc.creator', 'parsely-author', 'article:author']);
  set('author', httpUrl(author) === undefined ? author : undefined);
  set('publishedAt', publishedDate(document));
  set('siteName', metaContent(document, ['og:site_name']));
  const canonical = Array.from(document.querySelectorAll('link[rel][href]')).find((link) =>
    (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'),
  );
  set('canonicalUrl', httpUrl(canonical?.getAttribute('href')) ?? httpUrl(metaContent(document, ['og:url'])));
  set('language', languageTag(document.documentElement.getAttribute('lang') ?? document.documentElement.getAttribute('xml:lang')));
  set('direction', declaredDirection(document.documentElement.getAttribute('dir')) ?? declaredDirection(document.body?.getAttribute('dir')));
  return metadata;
}
