import * as chrono from 'chrono-node';

/**
 * Publication dates as pages, front matter and text files write them, turned
 * into ISO 8601 as precise as the source is: "2024" stays a year, "March
 * 2024" a month, and a date-time keeps the offset it was written with, so the
 * day a reader sees is the day the page said (converting to UTC could move
 * it). ISO forms, which machines write, are read exactly here; everything
 * else goes to chrono-node.
 */

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

function validDay(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function calendarDate(year: number, month?: number, day?: number): string | undefined {
  if (year < 1000 || year > 9999) return undefined;
  if (month === undefined) return pad(year, 4);
  if (month < 1 || month > 12) return undefined;
  if (day === undefined) return `${pad(year, 4)}-${pad(month)}`;
  return validDay(year, month, day) ? `${pad(year, 4)}-${pad(month)}-${pad(day)}` : undefined;
}

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$/i;

function fromIso(text: string): string | undefined {
  const match = ISO.exec(text);
  if (match === null) return undefined;
  const [, y, mo, d, h, mi, s, zone] = match;
  const date = calendarDate(Number(y), mo === undefined ? undefined : Number(mo), d === undefined ? undefined : Number(d));
  if (date === undefined || h === undefined || mi === undefined) return date;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) return date;
  let offset = '';
  if (zone !== undefined) {
    if (zone.toUpperCase() === 'Z') offset = 'Z';
    else {
      const digits = zone.replace(':', '');
      offset = `${digits.slice(0, 3)}:${digits.slice(3, 5) || '00'}`;
    }
  }
  return `${date}T${h}:${mi}:${s ?? '00'}${offset}`;
}

/** "05/03/2024": the 5th of March or May the 3rd, depending on the writer. */
const DAY_MONTH_AMBIGUOUS = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/;

/**
 * Dates as people write them ("5 March 2024", "Tuesday, March 5th, 2024",
 * "Sept. 2022", "2024/03/05"), read by chrono-node, only when the text is
 * nothing but the date and names its year: "yesterday" or "March 5" would
 * need a reference date to guess from.
 */
function fromWords(text: string): string | undefined {
  if (DAY_MONTH_AMBIGUOUS.test(text) || !/\d{4}/.test(text)) return undefined;
  const [found] = chrono.parse(text, undefined, { forwardDate: false });
  if (found === undefined || found.index > 0 || found.text.length < text.replace(/[.,;\s]+$/, '').length || !found.start.isCertain('year')) return undefined;
  const { start } = found;
  const year = start.get('year') ?? 0;
  if (!start.isCertain('month')) return calendarDate(year);
  return calendarDate(year, start.get('month') ?? 0, start.isCertain('day') ? (start.get('day') ?? 0) : undefined);
}

/** The ISO form of a date as a page or front matter states it, or undefined when it cannot be read without guessing. */
export function normaliseDate(value: string | null | undefined): string | undefined {
  const text = value?.trim();
  if (text === undefined || text === '' || text.length > 100) return undefined;
  // An ISO-shaped date that is not valid ISO ("2023-13-01") is refused, not handed to chrono to reorder.
  return /^\d{4}(?:-|$)/.test(text) ? fromIso(text) : fromWords(text);
}
