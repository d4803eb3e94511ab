export interface PdfMetadata {
  /** Empty when the file has none: the caller falls back to the file name. */
  title: string;
  authors: string[];
  publishedAt?: string;
  language?: string;
}

/** pdf.js's parsed XMP: `get('dc:title')` and the like. */
export interface XmpLike {
  get(name: string): unknown;
}

function clean(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .normalize('NFC');
}

function stringField(record: object, key: string): string | undefined {
  const value: unknown = (record as Record<string, unknown>)[key];
  if (typeof value !== 'string') return undefined;
  const text = clean(value);
  return text === '' ? undefined : text;
}

function xmpStrings(xmp: XmpLike | null, key: string): string[] {
  const value = xmp?.get(key);
  const values: unknown[] = Array.isArray(value) ? value : [value];
  return values.filter((item): item is string => typeof item === 'string').map(clean).filter((item) => item !== '');
}

// Producers write this when the author left the title empty.
const PLACEHOLDER_TITLE = /^untitled$/i;

function usableTitle(title: string | undefined): string | undefined {
  return title === undefined || PLACEHOLDER_TITLE.test(title) ? undefined : title;
}

/** 2 to 4 words: what a personal name looks like, as opposed to "Research and Development". */
function looksLikeName(text: string): boolean {
  const words = text.trim().split(/\s+/).filter(Boolean);
  return words.length >= 2 && words.length <= 4;
}

/**
 * An Info /Author string to a list of authors. Conservative, because a
 * wrong split is worse than none: ";" always separates; "and"/"&" and
 * commas only when every part looks like a whole name, so "Doe, Jane" and
 * "Research and Development Unit" stay whole.
 */
export function splitAuthors(raw: string): string[] {
  const text = clean(raw);
  if (text === '') return [];
  let parts = text.includes(';') ? text.split(';') : [text];
  parts = parts.flatMap((part) => {
    const byConjunction = part.split(/\s+(?:and|&)\s+/i);
    return byConjunction.length > 1 && byConjunction.every((piece) => looksLikeName(piece) || piece.includes(',')) ? byConjunction : [part];
  });
  parts = parts.flatMap((part) => {
    const byComma = part.split(',');
    return byComma.length > 1 && byComma.every(looksLikeName) ? byComma : [part];
  });
  return [...new Set(parts.map((part) => part.trim()).filter((part) => part !== ''))];
}

const PDF_DATE = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz+-])(?:(\d{2})'?(?:(\d{2})'?)?)?)?/;
// PDF dates before 1990 are generator bugs (zeroed clocks, epoch dates), not when a document was made.
const EARLIEST_YEAR = 1990;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A PDF date string (`D:YYYYMMDDHHmmSSOHH'mm'`, every part after the year
 * optional) to ISO 8601 at the precision the string has: "2024", "2024-03",
 * "2024-03-15" or "2024-03-15T10:20:30+01:00". Undefined when it is not a
 * plausible date.
 */
export function parsePdfDate(raw: string): string | undefined {
  const match = PDF_DATE.exec(raw.trim());
  if (!match) return undefined;
  const [, yearText, monthText, dayText, hourText, minuteText, secondText, zone, zoneHours, zoneMinutes] = match;
  const year = Number(yearText);
  if (year < EARLIEST_YEAR) return undefined;
  if (monthText === undefined) return String(year);
  const month = Number(monthText);
  if (month < 1 || month > 12) return undefined;
  if (dayText === undefined) return `${year}-${pad(month)}`;
  const day = Number(dayText);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return undefined;
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (hourText === undefined) return date;
  const hour = Number(hourText);
  const minute = Number(minuteText ?? 0);
  const second = Number(secondText ?? 0);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const time = `${date}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
  if (zone === undefined) return time;
  if (zone === 'Z' || zone === 'z') return `${time}Z`;
  const offsetHours = Number(zoneHours ?? 0);
  const offsetMinutes = Number(zoneMinutes ?? 0);
  if (offsetHours > 14 || offsetMinutes > 59) return time;
  return `${time}${zone}${pad(offsetHours)}:${pad(offsetMinutes)}`;
}

// BCP 47 in the shape PDF producers write it (/Lang), e.g. "en-US", "ar".
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

/**
 * Title, authors, date and language from the Info dictionary (pdf.js's
 * `info`, which also carries the catalog's /Lang as `Language`), with XMP
 * as the fallback for title and authors.
 */
export function readPdfMetadata(info: object, xmp: XmpLike | null): PdfMetadata {
  const title = usableTitle(stringField(info, 'Title')) ?? usableTitle(xmpStrings(xmp, 'dc:title')[0]) ?? '';
  const author = stringField(info, 'Author');
  const authors = author === undefined ? [...new Set(xmpStrings(xmp, 'dc:creator'))] : splitAuthors(author);
  const creationDate = stringField(info, 'CreationDate');
  const publishedAt = creationDate === undefined ? undefined : parsePdfDate(creationDate);
  const language = stringField(info, 'Language');
  return {
    title,
    authors,
    ...(publishedAt === undefined ? {} : { publishedAt }),
    ...(language !== undefined && LANGUAGE_TAG.test(language) ? { language } : {}),
  };
}
