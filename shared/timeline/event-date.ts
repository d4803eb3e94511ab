import type { z } from 'zod';
import type { DatePrecision as DatePrecisionSchema, EventDate as EventDateSchema } from '../model/records';

export type DatePrecision = z.infer<typeof DatePrecisionSchema>;
export type EventDate = z.infer<typeof EventDateSchema>;

/**
 * Event dates as precise as the source allows, and how they are ordered.
 *
 * Each precision says which form `start` takes:
 * - day: YYYY-MM-DD, month: YYYY-MM, year: YYYY (no `end`);
 * - approximate: "around" a date of any of the three forms (no `end`);
 * - range: from `start` to `end`, each of any form, `end` not before `start`.
 *
 * Ordering (compareEventDates): an event sorts at the first day its stated
 * date covers, so "March 2024" sits at 1 March, before "15 March 2024", and a
 * range sits at its start. On the same first day the more precise statement
 * comes first: day < month < year < approximate < range; then the shorter span.
 * Sorting by the first day rather than a midpoint keeps a vague date from
 * landing between events it may well precede.
 */

const MS_PER_DAY = 86_400_000;
const precisionRank: Readonly<Record<DatePrecision, number>> = { day: 0, month: 1, year: 2, approximate: 3, range: 4 };
const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Days since 1970-01-01 (UTC); a plain number so spans compare and subtract cheaply. */
export interface DaySpan {
  first: number;
  last: number;
}

type PartialForm = 'day' | 'month' | 'year';

interface PartialParts {
  form: PartialForm;
  year: number;
  month?: number;
  day?: number;
}

function parts(text: string): PartialParts | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (match[2] === undefined) return { form: 'year', year };
  const month = Number(match[2]);
  if (match[3] === undefined) return { form: 'month', year, month };
  return { form: 'day', year, month, day: Number(match[3]) };
}

function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** The days a partial date covers, or a message saying why it is not a calendar date. */
function partialSpan(text: string): DaySpan | string {
  const p = parts(text);
  if (!p) return `“${text}” is not a date: use YYYY, YYYY-MM or YYYY-MM-DD.`;
  if (p.month !== undefined && (p.month < 1 || p.month > 12)) return `“${text}” has no month ${p.month}.`;
  if (p.form === 'year') return { first: dayNumber(p.year, 1, 1), last: dayNumber(p.year + 1, 1, 1) - 1 };
  const month = p.month as number;
  if (p.form === 'month') return { first: dayNumber(p.year, month, 1), last: dayNumber(p.year, month + 1, 1) - 1 };
  const day = p.day as number;
  const first = dayNumber(p.year, month, day);
  if (day < 1 || new Date(first * MS_PER_DAY).getUTCDate() !== day) return `“${text}” is not a day of the calendar.`;
  return { first, last: first };
}

/** Why a date does not fit its precision, or undefined when it does. */
export function checkEventDate(date: EventDate): string | undefined {
  const start = partialSpan(date.start);
  if (typeof start === 'string') return start;
  const form = parts(date.start)?.form;
  if (date.precision === 'range') {
    if (date.end === undefined) return 'A range needs an end date.';
    const end = partialSpan(date.end);
    if (typeof end === 'string') return end;
    if (end.last < start.first) return `The range ends (${date.end}) before it starts (${date.start}).`;
    return undefined;
  }
  if (date.end !== undefined) return `Only a range has an end date; this date is of precision “${date.precision}”.`;
  if (date.precision !== 'approximate' && form !== date.precision) return `A date of precision “${date.precision}” is written ${formHint[date.precision]}; “${date.start}” is not.`;
  return undefined;
}

const formHint: Readonly<Record<PartialForm, string>> = { day: 'YYYY-MM-DD', month: 'YYYY-MM', year: 'YYYY' };

function spanOrThrow(text: string): DaySpan {
  const span = partialSpan(text);
  if (typeof span === 'string') throw new RangeError(span);
  return span;
}

/**
 * The days an event may have happened on. An approximate date is widened by
 * one of its own units on each side (a day, a month or a year), so a filter
 * on a time range errs towards showing it.
 */
export function eventSpan(date: EventDate): DaySpan {
  const start = spanOrThrow(date.start);
  if (date.precision === 'range' && date.end !== undefined) return { first: start.first, last: spanOrThrow(date.end).last };
  if (date.precision !== 'approximate') return start;
  const p = parts(date.start) as PartialParts;
  if (p.form === 'day') return { first: start.first - 1, last: start.last + 1 };
  if (p.form === 'month') {
    const month = p.month as number;
    return { first: dayNumber(p.year, month - 1, 1), last: dayNumber(p.year, month + 2, 1) - 1 };
  }
  return { first: dayNumber(p.year - 1, 1, 1), last: dayNumber(p.year + 2, 1, 1) - 1 };
}

/** The documented order (see the top of this file); 0 only for the same statement of a date. */
export function compareEventDates(a: EventDate, b: EventDate): number {
  const spanA = spanOrThrow(a.start);
  const spanB = spanOrThrow(b.start);
  return spanA.first - spanB.first || precisionRank[a.precision] - precisionRank[b.precision] || eventSpan(a).last - eventSpan(b).last;
}

/** Events in date order, the title breaking ties so the order is the same on every screen. */
export function sortByEventDate<T extends { date: EventDate; title: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareEventDates(a.date, b.date) || a.title.localeCompare(b.title));
}

/**
 * Read a date as typed: YYYY, YYYY-MM, YYYY-MM-DD, or a range "START..END".
 * Without a precision it follows from the form; "approximate" must be said.
 */
export function parseEventDate(text: string, precision?: DatePrecision): EventDate {
  const trimmed = text.trim();
  const [start = '', end, extra] = trimmed.split('..').map((part) => part.trim());
  if (extra !== undefined) throw new RangeError(`“${text}” has more than one “..”; a range is START..END.`);
  const form = parts(start)?.form;
  const chosen = precision ?? (end !== undefined ? 'range' : form);
  if (chosen === undefined) throw new RangeError(`“${start}” is not a date: use YYYY, YYYY-MM or YYYY-MM-DD.`);
  if (end !== undefined && chosen !== 'range') throw new RangeError(`“${text}” is a range, but the precision given is “${chosen}”.`);
  const date: EventDate = end === undefined ? { precision: chosen, start } : { precision: chosen, start, end };
  const problem = checkEventDate(date);
  if (problem) throw new RangeError(problem);
  return date;
}

/** A date as the event form's field takes it back (see readEventDate in event-date-words.ts), its precision in the words. */
export function eventDateText(date: EventDate): string {
  if (date.precision === 'approximate') return `around ${date.start}`;
  return date.end === undefined ? date.start : `${date.start}..${date.end}`;
}

function formatPartial(text: string): string {
  const p = parts(text);
  if (!p) return text;
  if (p.form === 'year') return String(p.year);
  const month = monthNames[(p.month as number) - 1] ?? '?';
  return p.form === 'month' ? `${month} ${p.year}` : `${p.day} ${month} ${p.year}`;
}

/** How the date reads on screen, its precision visible: "15 Mar 2024", "Mar 2024", "c. 2024", "1 Mar 2024 – Apr 2024". */
export function formatEventDate(date: EventDate): string {
  if (date.precision === 'approximate') return `c. ${formatPartial(date.start)}`;
  if (date.precision === 'range' && date.end !== undefined) return `${formatPartial(date.start)} – ${formatPartial(date.end)}`;
  return formatPartial(date.start);
}

/** A span's days as YYYY-MM-DD, for inputs and axis labels. */
export function isoDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The days a YYYY, YYYY-MM or YYYY-MM-DD date covers; undefined if it is not a calendar date. */
export function partialDateSpan(text: string): DaySpan | undefined {
  const span = partialSpan(text);
  return typeof span === 'string' ? undefined : span;
}
