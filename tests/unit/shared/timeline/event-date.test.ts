import { describe, expect, it } from 'vitest';
import { checkEventDate, compareEventDates, eventSpan, formatEventDate, isoDay, parseEventDate, sortByEventDate, type EventDate } from '../../../../shared/timeline/event-date';

const day = (start: string): EventDate => ({ precision: 'day', start });
const month = (start: string): EventDate => ({ precision: 'month', start });
const year = (start: string): EventDate => ({ precision: 'year', start });
const about = (start: string): EventDate => ({ precision: 'approximate', start });
const range = (start: string, end: string): EventDate => ({ precision: 'range', start, end });

describe('event dates', () => {
  it('infers the precision from the form, and reads ranges', () => {
    expect(parseEventDate('2024-03-15')).toEqual(day('2024-03-15'));
    expect(parseEventDate('2024-03')).toEqual(month('2024-03'));
    expect(parseEventDate(' 2024 ')).toEqual(year('2024'));
    expect(parseEventDate('2024-03-01..2024-04')).toEqual(range('2024-03-01', '2024-04'));
    expect(parseEventDate('2024-03', 'approximate')).toEqual(about('2024-03'));
  });

  it.each([
    ['2024-02-30', undefined, /not a day of the calendar/],
    ['2023-02-29', undefined, /not a day of the calendar/],
    ['2024-13', undefined, /no month 13/],
    ['March 2024', undefined, /not a date/],
    ['2024-05..2024-03', undefined, /ends \(2024-03\) before it starts/],
    ['2024-03', 'day', /written YYYY-MM-DD/],
    ['2024-03-01..2024-03-05', 'month', /is a range/],
    ['2024..2025..2026', undefined, /more than one/],
  ] as const)('refuses %s (precision %s)', (text, precision, message) => {
    expect(() => parseEventDate(text, precision)).toThrow(message);
  });

  it('accepts 29 February in a leap year and refuses an end date outside a range', () => {
    expect(checkEventDate(day('2024-02-29'))).toBeUndefined();
    expect(checkEventDate({ precision: 'day', start: '2024-02-01', end: '2024-02-03' })).toMatch(/Only a range/);
    expect(checkEventDate({ precision: 'range', start: '2024-02-01' })).toMatch(/needs an end/);
  });

  it('gives each precision its span of days, widening an approximate date by one unit', () => {
    const span = (date: EventDate) => {
      const { first, last } = eventSpan(date);
      return [isoDay(first), isoDay(last)];
    };
    expect(span(day('2024-03-15'))).toEqual(['2024-03-15', '2024-03-15']);
    expect(span(month('2024-02'))).toEqual(['2024-02-01', '2024-02-29']);
    expect(span(year('2023'))).toEqual(['2023-01-01', '2023-12-31']);
    expect(span(range('2023-12', '2024-01-10'))).toEqual(['2023-12-01', '2024-01-10']);
    expect(span(about('2024-01'))).toEqual(['2023-12-01', '2024-02-29']);
    expect(span(about('2024-03-15'))).toEqual(['2024-03-14', '2024-03-16']);
    expect(span(about('2024'))).toEqual(['2023-01-01', '2025-12-31']);
  });

  it('orders mixed precisions by the first day they cover, the more precise first on the same day', () => {
    const events = [
      { title: 'Clashes around the airport', date: about('2024-03') },
      { title: 'Talks over several weeks', date: range('2024-03-01', '2024-04-15') },
      { title: 'Strike on a convoy', date: day('2024-03-15') },
      { title: 'Protests in the spring', date: month('2024-03') },
      { title: 'Election year', date: year('2024') },
      { title: 'New year ceasefire', date: day('2024-01-01') },
      { title: 'Arrests in late 2023', date: day('2023-12-30') },
      { title: 'Talks over two days', date: range('2024-03-01', '2024-03-02') },
      { title: 'Checkpoint opened', date: day('2024-03-01') },
    ];
    expect(sortByEventDate(events).map((event) => event.title)).toEqual([
      'Arrests in late 2023',
      'New year ceasefire',
      'Election year',
      'Checkpoint opened',
      'Protests in the spring',
      'Clashes around the airport',
      'Talks over two days',
      'Talks over several weeks',
      'Strike on a convoy',
    ]);
  });

  it('compares equal statements as equal, so the title decides', () => {
    expect(compareEventDates(month('2024-03'), month('2024-03'))).toBe(0);
    expect(sortByEventDate([{ title: 'B', date: month('2024-03') }, { title: 'A', date: month('2024-03') }]).map((e) => e.title)).toEqual(['A', 'B']);
  });

  it('shows the precision in how a date reads', () => {
    expect(formatEventDate(day('2024-03-05'))).toBe('5 Mar 2024');
    expect(formatEventDate(month('2024-03'))).toBe('Mar 2024');
    expect(formatEventDate(year('2024'))).toBe('2024');
    expect(formatEventDate(about('2024-03'))).toBe('c. Mar 2024');
    expect(formatEventDate(range('2024-03-01', '2024-04'))).toBe('1 Mar 2024 – Apr 2024');
  });
});
