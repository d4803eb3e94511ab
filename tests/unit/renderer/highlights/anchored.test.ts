import { describe, expect, it } from 'vitest';
import { describeRange } from '../../../../shared/anchoring/text-quote';
import type { HighlightRecord } from '../../../../shared/model/records';
import { anchorInReadingOrder } from '../../../../renderer/src/highlights/anchored';

const text = 'The convoy left at dawn.\n\nIt returned at noon with two trucks.\n\nThe council met in the evening.';

function highlight(id: string, start: number, end: number, createdAt: string, source = text): HighlightRecord {
  return { id, createdAt, updatedAt: createdAt, author: 'Tester', documentId: 'document-1', target: describeRange(source, start, end), color: 'yellow', comment: '', tags: [], actorIds: [], eventIds: [] };
}

describe('highlights in reading order', () => {
  it('sorts by where each highlight is in the text, not by when it was made, and keeps orphans at the end', () => {
    const other = 'A passage that is not in this document at all, anywhere.';
    const records = [
      highlight('highlight-late', text.indexOf('council'), text.indexOf('council') + 7, '2026-01-01T00:00:00.000Z'),
      highlight('highlight-orphan', 2, 30, '2026-01-02T00:00:00.000Z', other),
      highlight('highlight-early', 4, 10, '2026-01-03T00:00:00.000Z'),
      highlight('highlight-middle', text.indexOf('two trucks'), text.indexOf('two trucks') + 10, '2026-01-04T00:00:00.000Z'),
    ];
    const ordered = anchorInReadingOrder(text, records);
    expect(ordered.map((item) => item.record.id)).toEqual(['highlight-early', 'highlight-middle', 'highlight-late', 'highlight-orphan']);
    expect(ordered[3]?.anchor).toBeUndefined();
    expect(ordered[0]?.anchor).toMatchObject({ start: 4, end: 10, method: 'position' });
  });

  it('follows a passage that moved when text was inserted before it', () => {
    const moved = `A new opening line.\n\n${text}`;
    const start = text.indexOf('two trucks');
    const [item] = anchorInReadingOrder(moved, [highlight('highlight-moved', start, start + 10, '2026-01-01T00:00:00.000Z')]);
    expect(item?.anchor && moved.slice(item.anchor.start, item.anchor.end)).toBe('two trucks');
  });
});
