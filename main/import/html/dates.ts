/**
 * Publication dates as pages and front matter write them, turned into ISO
 * 8601 as precise as the source is: "2024" stays a year, "March 2024" a month,
 * and a date-time keeps the offset it was written with, so the day a reader
 * sees is the day the page said (converting to UTC could move it).
 */

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6, jul: 7, july: 7,
  aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

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

function monthNumber(word: string): number | undefined {
  return MONTHS[word.toLowerCase().replace(/\.$/, '')];
}

function fromWords(text: string): string | undefined {
  const cleaned = text.replace(/,/g, ' ').replace(/\s+/g, ' ').trim();
  // "5 March 2024", "March 5 2024", "March 2024", with an optional weekday first.
  const withoutWeekday = cleaned.replace(/^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?\s+/i, '');
  let match = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+\.?)\s+(\d{4})\b/i.exec(withoutWeekday);
  if (match !== null) {
    const month = monthNumber(match[2] ?? '');
    return month === undefined ? undefined : calendarDate(Number(match[3]), month, Number(match[1]));
  }
  match = /^([a-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?\s+(\d{4})\b/i.exec(withoutWeekday);
  if (match !== null) {
    const month = monthNumber(match[1] ?? '');
    return month === undefined ? undefined : calendarDate(Number(match[3]), month, Number(match[2]));
  }
  match = /^([a-z]+\.?)\s+(\d{4})$/i.exec(withoutWeekday);
  if (match !== null) {
    const month = monthNumber(match[1] ?? '');
    return month === undefined ? undefined : calendarDate(Number(match[2]), month);
  }
  return undefined;
}

/** "2024/03/05" and "2024.03.05" (year first, so there is no day/month ambiguity). */
function fromSeparated(text: string): string | undefined {
  const match = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(text);
  return match === null ? undefined : calendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** The ISO form of a date as a page or front matter states it, or undefined when it cannot be read without guessing. */
export function normaliseDate(value: string | null | undefined): string | undefined {
  const text = value?.trim();
  if (text === undefined || text === '' || text.length > 100) return undefined;
  return fromIso(text) ?? fromSeparated(text) ?? fromWords(text);
}
