import type { DocumentRecord } from '../../shared/model/records';

export interface CitationParts {
  title: string;
  authors: string;
  date: string | undefined;
  url: string | undefined;
}

/** Title, authors, date and URL of a document: what a citation needs, in one place for every export. */
export function citationParts(document: DocumentRecord): CitationParts {
  return { title: document.title, authors: document.authors.join(', '), date: document.publishedAt, url: document.sourceUrl };
}

/** A plain-text citation: Title (Authors, Date) URL. */
export function plainCitation(document: DocumentRecord): string {
  const { title, authors, date, url } = citationParts(document);
  const byline = [authors, date].filter(Boolean).join(', ');
  return [`${title}${byline ? ` (${byline})` : ''}`, url].filter(Boolean).join(' ');
}
