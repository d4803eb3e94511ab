import * as chrono from 'chrono-node';
import { parseEventDate, type DatePrecision, type EventDate } from './event-date';

/**
 * Dates as people write them, read into the precision model of event-date.ts.
 *
 * The machine forms (YYYY, YYYY-MM, YYYY-MM-DD, START..END) go straight to
 * parseEventDate. An ISO 8601 interval ("2021-11-05/07", "2021-11-05/2021-12-02")
 * is rewritten as START..END. Anything else is read by chrono-node, a
 * maintained parser of dates in prose ("5 Nov 2021", "November 7, 2021",
 * "5–7 November 2021"): the precision follows from what the words state —
 * a day, a month or a year, never one chrono had to guess — and a word
 * such as "early", "around" or "c." makes the date approximate, which the
 * model widens rather than narrowing to a third of a month it cannot know.
 * A date without its year is refused: the reference date would guess it.
 */

const approximateWords = /^(?:early|mid|middle of|late|around|about|circa|c\.|ca\.|approximately|approx\.|some time in|sometime in)[\s-]+/i;
const isoInterval = /^(\d{4}-\d{2}-\d{2})\s*\/\s*(\d{2}|\d{2}-\d{2}|\d{4}-\d{2}-\d{2})$/;
const machineForm = /^\d{4}(?:-\d{2}){0,2}(?:\s*\.\.\s*\d{4}(?:-\d{2}){0,2})?$/;
/** Parsed as if written on this day, so that chrono's guesses, which are refused anyway, do not depend on today. */
const reference = new Date(Date.UTC(2000, 0, 1));

const examples = '“5 Nov 2021”, “November 2021”, “early November 2021”, “2021-11-05” or a range “2021-11-05/07”';

function partial(components: chrono.ParsedComponents): string {
  const year = String(components.get('year')).padStart(4, '0');
  if (!components.isCertain('month')) return year;
  const month = String(components.get('month')).padStart(2, '0');
  return components.isCertain('day') ? `${year}-${month}-${String(components.get('day')).padStart(2, '0')}` : `${year}-${month}`;
}

/** What chrono found, as START or START..END, when it states its year. */
function statedText(result: chrono.ParsedResult): string | undefined {
  if (!result.start.isCertain('year') && !result.end?.isCertain('year')) return undefined;
  const start = partial(result.start);
  if (!result.end) return start;
  // "5–7 November 2021": the end states what the start leaves implied.
  const startForm = result.start.isCertain('day') || !result.end.isCertain('day') ? start : partial(result.end).slice(0, start.length);
  return `${startForm}..${partial(result.end)}`;
}

/**
 * Read a date as typed, with its precision (given, or taken from the words).
 * Throws a RangeError whose message says what is wrong, to show beside the field.
 */
export function readEventDate(text: string, precision?: DatePrecision): EventDate {
  const trimmed = text.trim();
  if (trimmed === '') throw new RangeError(`Enter a date, such as ${examples}.`);
  if (machineForm.test(trimmed)) return parseEventDate(trimmed, precision);
  const interval = isoInterval.exec(trimmed);
  if (interval) {
    const [, start = '', end = ''] = interval;
    return parseEventDate(`${start}..${start.slice(0, 10 - end.length)}${end}`, precision);
  }
  const qualifier = approximateWords.exec(trimmed);
  const words = qualifier ? trimmed.slice(qualifier[0].length) : trimmed;
  if (qualifier && machineForm.test(words) && !words.includes('..')) return parseEventDate(words, precision ?? 'approximate');
  const [found] = chrono.parse(words, reference, { forwardDate: false });
  // The whole entry must be the date: "5 Nov 2021 or so" is not read as 5 Nov 2021.
  if (!found || found.index > 0 || found.text.length < words.replace(/[.,;]+$/, '').length) throw new RangeError(`“${trimmed}” is not a date Fieldbook can read. Write it as ${examples}.`);
  const stated = statedText(found);
  if (stated === undefined) throw new RangeError(`“${trimmed}” does not say the year.`);
  return parseEventDate(stated, precision ?? (qualifier && !stated.includes('..') ? 'approximate' : undefined));
}

/** The dates a passage states, in the order it states them, each once: offered when an event is made from it. */
export function datesStated(passage: string): EventDate[] {
  const seen = new Set<string>();
  const dates: EventDate[] = [];
  for (const result of chrono.parse(passage, reference, { forwardDate: false })) {
    const stated = statedText(result);
    if (stated === undefined || seen.has(stated)) continue;
    try {
      dates.push(parseEventDate(stated));
      seen.add(stated);
    } catch {
      // Words chrono took for a date that is not one of the calendar ("31 February 2021") are not offered.
    }
  }
  return dates;
}
