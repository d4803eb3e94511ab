import { describe, expect, it } from 'vitest';
import { BacklinkIndex } from '../../../../main/notes/backlink-index';
import type { NoteRecord } from '../../../../shared/model/records';

const note = (id: string, body: string, deletedAt?: string): NoteRecord => ({ id, title: id, body, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', author: 'T', ...(deletedAt ? { deletedAt } : {}) });
const A = { kind: 'actor', id: 'actor-0001' } as const;

describe('BacklinkIndex', () => {
  it('derives backlinks from bodies and drops them when a note changes, is deleted or disappears', () => {
    const index = new BacklinkIndex();
    index.refresh([note('note-0001', '[[actor:actor-0001|A]] twice [[actor:actor-0001]]'), note('note-0002', '[[actor:actor-0001|A]]')]);
    expect(index.linking(A).sort()).toEqual(['note-0001', 'note-0002']);
    index.refresh([note('note-0001', 'no link now'), note('note-0002', '[[actor:actor-0001|A]]')]);
    expect(index.linking(A)).toEqual(['note-0002']);
    index.refresh([note('note-0001', 'no link now'), note('note-0002', '[[actor:actor-0001|A]]', '2026-01-02T00:00:00.000Z')]);
    expect(index.linking(A)).toEqual([]);
    index.refresh([note('note-0003', '[[actor:actor-0001|A]]')]);
    expect(index.linking(A)).toEqual(['note-0003']);
  });
});
