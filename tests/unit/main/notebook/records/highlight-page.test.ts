import { describe, expect, it } from 'vitest';
import { highlightPage } from '../../../../../main/notebook/records/highlight-page';
import { createHighlight } from '../../../../../main/notebook/records/highlights';
import type { ListOptions, RecordService } from '../../../../../main/notebook/records/record-service';
import { TextCache } from '../../../../../main/notebook/records/text-cache';
import { HighlightPageArgs } from '../../../../../shared/model/highlight-page';
import type { HighlightColor } from '../../../../../shared/model/records';
import { addTextDocument, generatedText, type OpenTestNotebook } from '../../../../support/notebook-fixture';
import { useTestNotebook } from '../../../../support/use-test-notebook';

let notebook: OpenTestNotebook;
useTestNotebook((opened) => (notebook = opened));

const page = (records: RecordService, args: Partial<ReturnType<typeof HighlightPageArgs.parse>>) => highlightPage(records, HighlightPageArgs.parse(args));

/** `perDocument` highlights in each of `documents` documents; colours cycle, so each colour is in every document. */
async function fill(documents: number, perDocument: number): Promise<string[]> {
  const texts = new TextCache(notebook.store.blobs);
  const colors: HighlightColor[] = ['yellow', 'green', 'blue'];
  const ids: string[] = [];
  for (let d = 0; d < documents; d += 1) {
    const document = await addTextDocument(notebook.records, `Document ${d}`, generatedText(40, d));
    ids.push(document.id);
    // Created out of reading order: the page must sort them.
    for (let h = perDocument - 1; h >= 0; h -= 1) {
      await createHighlight(notebook.records, texts, { documentId: document.id, anchor: { start: h * 50, end: h * 50 + 20 }, color: colors[h % 3] as HighlightColor, comment: '', tags: [], actorIds: [], eventIds: [] });
    }
  }
  return ids;
}

describe('a page of all highlights', () => {
  it('groups by document, newest document first, in reading order, and pages through them', async () => {
    const ids = await fill(3, 4);
    const first = await page(notebook.records, { limit: 5 });
    expect(first.items.map((item) => [item.documentTitle, item.highlight.target.position.start])).toEqual([
      ['Document 2', 0], ['Document 2', 50], ['Document 2', 100], ['Document 2', 150], ['Document 1', 0],
    ]);
    expect(first).toMatchObject({ hasMore: true });
    const last = await page(notebook.records, { offset: 10, limit: 5 });
    expect(last.items.map((item) => item.highlight.documentId)).toEqual([ids[0], ids[0]]);
    expect(last).toMatchObject({ hasMore: false, total: 12 });
  });

  it('filters by colour, tag, document and author, and leaves deleted highlights out', async () => {
    const ids = await fill(2, 3);
    const tag = await notebook.records.create('tags', { name: 'convoy', color: '#336699' });
    const [tagged, deleted] = (await notebook.records.list('highlights', { documentId: ids[0] as string })).sort((a, b) => a.target.position.start - b.target.position.start);
    await notebook.records.update('highlights', tagged!.id, { tags: [tag.id] });
    await notebook.records.delete('highlights', deleted!.id);

    expect((await page(notebook.records, { color: 'green' })).items.map((item) => item.highlight.color)).toEqual(['green']);
    expect((await page(notebook.records, { tagId: tag.id })).items.map((item) => item.highlight.id)).toEqual([tagged!.id]);
    expect((await page(notebook.records, { documentId: ids[0] as string })).total).toBe(2);
    expect((await page(notebook.records, { author: 'tester' })).total).toBe(5);
    expect((await page(notebook.records, { author: 'someone else' })).items).toEqual([]);
  });

  it('reads only the documents the page needs, not every highlight in the notebook', async () => {
    await fill(30, 5);
    const read: string[] = [];
    const counting = new Proxy(notebook.records, {
      get(target, property, receiver) {
        if (property !== 'list') return Reflect.get(target, property, receiver);
        return (type: 'documents' | 'highlights', options?: ListOptions) => {
          if (type === 'highlights') read.push(options?.documentId ?? 'all');
          return target.list(type, options);
        };
      },
    });
    const first = await page(counting, { limit: 12 });
    expect(first.items).toHaveLength(12);
    expect(first.total).toBeUndefined();
    expect(read).toHaveLength(3);
    expect(read).not.toContain('all');
  });

  it('restores a deleted highlight as it was', async () => {
    const [id] = await fill(1, 1);
    const [highlight] = await notebook.records.list('highlights', { documentId: id as string });
    await notebook.records.update('highlights', highlight!.id, { comment: 'Keep this.' });
    await notebook.records.delete('highlights', highlight!.id);
    const restored = await notebook.records.restore('highlights', highlight!.id);
    expect(restored).not.toHaveProperty('deletedAt');
    expect(restored.comment).toBe('Keep this.');
    expect((await page(notebook.records, {})).items.map((item) => item.highlight.id)).toEqual([highlight!.id]);
  });
});
