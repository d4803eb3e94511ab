import type { Block } from '../../../shared/model/document-structure';
import { normaliseDate } from '../dates';
import type { ExtractedDocument } from '../extracted-document';
import { stripCaptureLinks } from './web-capture';

/** Only the first lines can be a title, byline or date line. */
const HEAD_LINES = 12;
const MAX_TITLE_LENGTH = 200;

/**
 * Plain text, including text captured from a web page: the first line is the
 * title, a "by NAME" line the byline, a line that is only a date the
 * publication date; links keep their words and lose their addresses. Blank
 * lines separate paragraphs; short lines in capitals are section headings.
 */
export function extractText(source: string): ExtractedDocument {
  const lines = source.normalize('NFC').replace(/\r\n?/g, '\n').split('\n').map((line) => stripCaptureLinks(line).replace(/[\t ]+/g, ' ').trim());
  const paragraphs = groupParagraphs(lines);

  const head = paragraphs.slice(0, HEAD_LINES);
  const title = head[0] && head[0].length <= MAX_TITLE_LENGTH && !head[0].includes('\n') ? head[0] : '';
  const byline = head.map((line) => /^by\s+(.+)$/i.exec(line)?.[1]).find((name) => name !== undefined);
  const publishedAt = head.map(dateLine).find((date) => date !== undefined);

  let text = '';
  const blocks: Block[] = [];
  paragraphs.forEach((paragraph, index) => {
    if (text) text += '\n\n';
    const start = text.length;
    text += paragraph;
    const heading = (index === 0 && title) || isSectionHeading(paragraph);
    blocks.push(heading ? { type: 'heading', level: index === 0 && title ? 1 : 2, start, end: text.length } : { type: 'paragraph', start, end: text.length });
  });

  return {
    kind: 'text',
    title,
    authors: byline ? splitAuthors(byline) : [],
    ...(publishedAt ? { publishedAt } : {}),
    text,
    structure: { blocks },
    assets: [],
    notices: [],
  };
}

function groupParagraphs(lines: string[]): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of [...lines, '']) {
    if (line) current.push(line);
    else if (current.length > 0) {
      paragraphs.push(current.join('\n'));
      current = [];
    }
  }
  return paragraphs;
}

/** A line that is nothing but a date ("Dec 4, 2021", "4 December 2021", "2021-12-04"), as an ISO date. */
function dateLine(line: string): string | undefined {
  return line.length > 40 ? undefined : normaliseDate(line);
}

function isSectionHeading(paragraph: string): boolean {
  return paragraph.length <= 60 && !paragraph.includes('\n') && /\p{Lu}/u.test(paragraph) && paragraph === paragraph.toLocaleUpperCase() && !/[.!?]$/.test(paragraph);
}

export function splitAuthors(byline: string): string[] {
  return byline
    .split(/\s*(?:,|;|\band\b|&)\s*/i)
    .map((name) => name.trim())
    .filter(Boolean);
}
