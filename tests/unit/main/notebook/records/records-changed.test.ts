import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../../../shared/api/contract';
import { createHighlight } from '../../../../../main/notebook/records/highlights';
import { TextCache } from '../../../../../main/notebook/records/text-cache';
import { addTextDocument, type OpenTestNotebook } from '../../../../support/notebook-fixture';
import { useTestNotebook } from '../../../../support/use-test-notebook';

let nb: OpenTestNotebook;
useTestNotebook((opened) => (nb = opened));

describe('records.changed', () => {
  it('names the document of a highlight created, changed or deleted, and nothing more for other records', async () => {
    const seen: EventPayload<'records.changed'>[] = [];
    nb.events.subscribe((event, payload) => {
      if (event === 'records.changed') seen.push(payload as EventPayload<'records.changed'>);
    });
    const document = await addTextDocument(nb.records, 'Brief', 'The convoy left at dawn and returned at noon.');
    const highlight = await createHighlight(nb.records, new TextCache(nb.store.blobs), { documentId: document.id, anchor: { quote: 'left at dawn' }, color: 'yellow', comment: '', tags: [], actorIds: [], eventIds: [] });
    await nb.records.update('highlights', highlight.id, { comment: 'Early.' });
    await nb.records.delete('highlights', highlight.id);
    expect(seen.filter((payload) => payload.type === 'highlights')).toEqual([
      { type: 'highlights', ids: [highlight.id], documentIds: [document.id] },
      { type: 'highlights', ids: [highlight.id], documentIds: [document.id] },
      { type: 'highlights', ids: [highlight.id], documentIds: [document.id] },
    ]);
    expect(seen.find((payload) => payload.type === 'documents')).toEqual({ type: 'documents', ids: [document.id] });
  });
});
