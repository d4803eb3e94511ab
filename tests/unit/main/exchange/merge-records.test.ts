import { describe, expect, it } from 'vitest';
import { conflictSeparator, mergeRecord } from '../../../../main/exchange/merge-records';
import type { HighlightRecord, NoteRecord } from '../../../../shared/model/records';

const note = (fields: Partial<NoteRecord>): NoteRecord => ({
  id: 'note-0001',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  author: 'Layla',
  title: 'Notes',
  body: 'Base text.',
  ...fields,
});

const highlight = (fields: Partial<HighlightRecord>): HighlightRecord => ({
  id: 'highlight-0001',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  author: 'Layla',
  documentId: 'document-0001',
  target: { quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 0, end: 1 }, unit: 'utf-16', normalisation: 'NFC' },
  color: 'yellow',
  comment: '',
  tags: [],
  actorIds: [],
  eventIds: [],
  ...fields,
});

/** Merging must not depend on the order, and merging the result with either side again must change nothing. */
function checkLaws<T extends NoteRecord | HighlightRecord>(type: 'notes' | 'highlights', a: T, b: T): T {
  const ab = mergeRecord(type, a, b).record;
  expect(mergeRecord(type, b, a).record).toEqual(ab);
  expect(mergeRecord(type, ab, a).record).toEqual(ab);
  expect(mergeRecord(type, ab, b).record).toEqual(ab);
  expect(mergeRecord(type, a, ab).record).toEqual(ab);
  return ab;
}

describe('merging two versions of a record', () => {
  it('takes the later value of a field both changed', () => {
    const merged = checkLaws('highlights', highlight({ color: 'green', updatedAt: '2026-02-01T00:00:00.000Z' }), highlight({ color: 'pink', updatedAt: '2026-03-01T00:00:00.000Z' }));
    expect(merged.color).toBe('pink');
    expect(merged.updatedAt).toBe('2026-03-01T00:00:00.000Z');
  });

  it('keeps both versions of a note both people rewrote, later first, and says so', () => {
    const mine = note({ body: 'Layla’s reading.', updatedAt: '2026-02-01T00:00:00.000Z' });
    const theirs = note({ body: 'Omar’s reading.', updatedAt: '2026-03-01T00:00:00.000Z' });
    expect(mergeRecord('notes', mine, theirs).keptBoth).toEqual(['body']);
    expect(checkLaws('notes', mine, theirs).body).toBe(`Omar’s reading.${conflictSeparator('2026-02-01T00:00:00.000Z')}Layla’s reading.`);
  });

  it('takes an appended note as it is, and a later cut too, without a conflict', () => {
    const appended = mergeRecord('notes', note({}), note({ body: 'Base text. And more.', updatedAt: '2026-02-01T00:00:00.000Z' }));
    expect(appended).toMatchObject({ record: { body: 'Base text. And more.' }, keptBoth: [] });
    const cut = mergeRecord('notes', note({ body: 'Base text. And more.' }), note({ body: 'Base text.', updatedAt: '2026-02-01T00:00:00.000Z' }));
    expect(cut).toMatchObject({ record: { body: 'Base text.' }, keptBoth: [] });
  });

  it('unites links and tags, so neither side’s evidence is dropped', () => {
    const merged = checkLaws('highlights', highlight({ actorIds: ['actor-0001', 'actor-0002'], updatedAt: '2026-02-01T00:00:00.000Z' }), highlight({ actorIds: ['actor-0003'], tags: ['tag-00001'] }));
    expect(merged.actorIds).toEqual(['actor-0001', 'actor-0002', 'actor-0003']);
    expect(merged.tags).toEqual(['tag-00001']);
  });

  it('carries a deletion to a copy nobody changed since', () => {
    const deleted = highlight({ deletedAt: '2026-02-01T00:00:00.000Z', updatedAt: '2026-02-01T00:00:00.000Z' });
    const merge = mergeRecord('highlights', deleted, highlight({}));
    expect(merge.record.deletedAt).toBe('2026-02-01T00:00:00.000Z');
    expect(merge.editedAfterDeletion).toBe(false);
    checkLaws('highlights', deleted, highlight({}));
  });

  it('keeps a record changed or restored after the other side deleted it, and flags it', () => {
    const deleted = highlight({ deletedAt: '2026-02-01T00:00:00.000Z', updatedAt: '2026-02-01T00:00:00.000Z' });
    const edited = highlight({ comment: 'Still relevant.', updatedAt: '2026-03-01T00:00:00.000Z' });
    const merge = mergeRecord('highlights', deleted, edited);
    expect(merge.record.deletedAt).toBeUndefined();
    expect(merge.record.comment).toBe('Still relevant.');
    expect(merge.editedAfterDeletion).toBe(true);
    checkLaws('highlights', deleted, edited);
  });

  it('breaks a tie in time by content, the same way from both sides', () => {
    // Saved at the same instant, the version whose canonical JSON (keys sorted) sorts last counts as the later:
    // the first field that differs in key order is body ('two' after 'one'), whatever the title says.
    const tied = checkLaws('notes', note({ title: 'B', body: 'one' }), note({ title: 'A', body: 'two' }));
    expect(tied.title).toBe('A');
    expect(tied.body).toBe(`two${conflictSeparator('2026-01-01T00:00:00.000Z')}one`);
    // The same rule on a field that is simply taken from the later side: 'pink' sorts after 'green'.
    expect(checkLaws('highlights', highlight({ color: 'pink' }), highlight({ color: 'green' })).color).toBe('pink');
  });
});
