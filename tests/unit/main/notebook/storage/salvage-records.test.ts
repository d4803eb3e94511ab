import { describe, expect, it } from 'vitest';
import { salvageRecords } from '../../../../../main/notebook/storage/salvage-records';

const records = [
  { id: 'record-one', body: 'Braces { and } and brackets [ ] in a string, a quote \\" too' },
  { attachedTo: { kind: 'document', id: 'not-this-one' }, id: 'record-two', nested: [{ deep: ['}'] }] },
  { id: 'record-three', body: 'The last.' },
];
const whole = JSON.stringify({ formatVersion: 1, records, setAside: [{ broken: true }] });

describe('salvageRecords', () => {
  it('reads every record of a whole file, strings and nesting respected', () => {
    expect(salvageRecords(whole)).toEqual({ records, setAside: [{ broken: true }], lost: undefined });
  });

  it('keeps the whole records before a cut and names the record cut through', () => {
    const cut = whole.slice(0, whole.indexOf('The last.'));
    const salvage = salvageRecords(cut);
    expect(salvage.records).toEqual(records.slice(0, 2));
    expect(salvage.lost).toMatch(/after 2 whole record\(s\), inside record record-three/);
  });

  it('does not take a nested id for the id of the record cut through', () => {
    const cut = whole.slice(0, whole.indexOf('not-this-one') + 5);
    const salvage = salvageRecords(cut);
    expect(salvage.records).toEqual(records.slice(0, 1));
    expect(salvage.lost).not.toMatch(/not-this-one/);
  });

  it('stops at a record damaged in the middle of the file', () => {
    const damaged = whole.replace('"id":"record-two"', '"id":record-two"');
    expect(salvageRecords(damaged).records).toEqual(records.slice(0, 1));
  });
});
