import { describe, expect, it } from 'vitest';
import { eventDateText } from '../../../../shared/timeline/event-date';
import { datesStated, readEventDate } from '../../../../shared/timeline/event-date-words';

describe('reading event dates as people write them', () => {
  it('takes the precision from what the words state', () => {
    expect(readEventDate('5 Nov 2021')).toEqual({ precision: 'day', start: '2021-11-05' });
    expect(readEventDate('November 7, 2021')).toEqual({ precision: 'day', start: '2021-11-07' });
    expect(readEventDate('November 2021')).toEqual({ precision: 'month', start: '2021-11' });
    expect(readEventDate('early November 2021')).toEqual({ precision: 'approximate', start: '2021-11' });
    expect(readEventDate('around 7 November 2021')).toEqual({ precision: 'approximate', start: '2021-11-07' });
    expect(readEventDate('5–7 November 2021')).toEqual({ precision: 'range', start: '2021-11-05', end: '2021-11-07' });
  });

  it('reads the machine forms and ISO 8601 intervals', () => {
    expect(readEventDate('2021')).toEqual({ precision: 'year', start: '2021' });
    expect(readEventDate('2021-11-05..2021-11-07')).toEqual({ precision: 'range', start: '2021-11-05', end: '2021-11-07' });
    expect(readEventDate('2021-11-05/07')).toEqual({ precision: 'range', start: '2021-11-05', end: '2021-11-07' });
    expect(readEventDate('2021-11-28/12-02')).toEqual({ precision: 'range', start: '2021-11-28', end: '2021-12-02' });
    expect(readEventDate('2021-11', 'approximate')).toEqual({ precision: 'approximate', start: '2021-11' });
    // How the form writes an approximate date back into its field.
    expect(readEventDate(eventDateText({ precision: 'approximate', start: '2021-11' }))).toEqual({ precision: 'approximate', start: '2021-11' });
  });

  it('refuses, saying why, what it cannot read or what leaves the year out', () => {
    expect(() => readEventDate('')).toThrow(/Enter a date/);
    expect(() => readEventDate('last Tuesday or so')).toThrow(/is not a date Fieldbook can read/);
    expect(() => readEventDate('5 November')).toThrow(/does not say the year/);
    expect(() => readEventDate('2021-11-07/05')).toThrow(/ends .* before it starts/);
    expect(() => readEventDate('31 February 2021')).toThrow(RangeError);
  });
});

describe('the dates a passage states', () => {
  it('finds each stated date once, in order, and none without a year', () => {
    const passage = 'On 7 November 2021 drones struck the residence; a statement on Monday recalled the rally of October 2021 and the strike of 7 November 2021.';
    expect(datesStated(passage)).toEqual([
      { precision: 'day', start: '2021-11-07' },
      { precision: 'month', start: '2021-10' },
    ]);
    expect(datesStated('Drones struck the residence at dawn.')).toEqual([]);
  });
});
