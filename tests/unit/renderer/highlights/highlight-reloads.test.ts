import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeRange } from '../../../../shared/anchoring/text-quote';
import type { HighlightRecord } from '../../../../shared/model/records';
import { HighlightReloads, RELOAD_DELAY_MS, mergeListed, patched, upsert } from '../../../../renderer/src/highlights/highlight-reloads';

const text = 'The convoy left at dawn and returned at noon.';

function highlight(id: string, updatedAt = '2026-01-01T00:00:00.000Z', changes: Partial<HighlightRecord> = {}): HighlightRecord {
  return {
    id,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt,
    author: 'Tester',
    documentId: 'document-1',
    target: describeRange(text, 4, 10),
    color: 'yellow',
    comment: '',
    tags: [],
    actorIds: [],
    eventIds: [],
    ...changes,
  };
}

/** A promise settled from the test, to hold a list or a save "in flight". */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

/** Main's list, answered when the test says so; `applied` is what the reader was given. */
function harness() {
  const requests: ReturnType<typeof deferred<HighlightRecord[]>>[] = [];
  const applied: HighlightRecord[][] = [];
  const errors: unknown[] = [];
  const reloads = new HighlightReloads(
    () => {
      const request = deferred<HighlightRecord[]>();
      requests.push(request);
      return request.promise;
    },
    (listed) => applied.push(listed),
    (error) => errors.push(error),
  );
  return { reloads, requests, applied, errors };
}

const settle = () => vi.advanceTimersByTimeAsync(0);

describe('reloading the open document’s highlights', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads the list once for a burst of changes, a little after the last', async () => {
    const { reloads, requests, applied } = harness();
    for (let i = 0; i < 20; i++) {
      reloads.changed();
      await vi.advanceTimersByTimeAsync(RELOAD_DELAY_MS / 2);
    }
    expect(requests).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(RELOAD_DELAY_MS);
    expect(requests).toHaveLength(1);
    requests[0]?.resolve([highlight('highlight-1')]);
    await settle();
    expect(applied).toEqual([[highlight('highlight-1')]]);
  });

  it('puts off a reload while the reader’s own edit is saved, then reads the list once it is', async () => {
    const { reloads, requests, applied } = harness();
    const save = deferred<string>();
    const saved = reloads.saving(() => save.promise);
    // The edit's own change event arrives before its answer.
    reloads.changed();
    await vi.advanceTimersByTimeAsync(RELOAD_DELAY_MS * 4);
    expect(requests).toHaveLength(0);

    save.resolve('saved');
    await expect(saved).resolves.toBe('saved');
    await vi.advanceTimersByTimeAsync(RELOAD_DELAY_MS);
    expect(requests).toHaveLength(1);
    requests[0]?.resolve([highlight('highlight-1', '2026-01-02T00:00:00.000Z', { color: 'pink' })]);
    await settle();
    expect(applied.map((list) => list.map((record) => record.color))).toEqual([['pink']]);
  });

  it('drops a list read before an edit’s save, which would show the old highlight again, and reads it anew', async () => {
    const { reloads, requests, applied } = harness();
    const stale = reloads.reload();
    expect(requests).toHaveLength(1);
    const save = deferred<void>();
    const saved = reloads.saving(() => save.promise);
    requests[0]?.resolve([highlight('highlight-1')]);
    await stale;
    expect(applied).toHaveLength(0);

    save.resolve();
    await saved;
    await vi.advanceTimersByTimeAsync(RELOAD_DELAY_MS);
    expect(requests).toHaveLength(2);
    requests[1]?.resolve([highlight('highlight-1', '2026-01-02T00:00:00.000Z', { color: 'blue' })]);
    await settle();
    expect(applied.map((list) => list.map((record) => record.color))).toEqual([['blue']]);
  });

  it('still reads the list after a refused save', async () => {
    const { reloads, requests } = harness();
    const save = deferred<void>();
    const refused = expect(reloads.saving(() => save.promise)).rejects.toThrow('refused');
    reloads.changed();
    await vi.advanceTimersByTimeAsync(RELOAD_DELAY_MS);
    expect(requests).toHaveLength(0);
    save.reject(new Error('refused'));
    await refused;
    await vi.advanceTimersByTimeAsync(RELOAD_DELAY_MS);
    expect(requests).toHaveLength(1);
  });

  it('shows only the latest list when reads overlap, and reports a failed read', async () => {
    const { reloads, requests, applied, errors } = harness();
    const first = reloads.reload();
    const second = reloads.reload();
    requests[1]?.resolve([highlight('highlight-2')]);
    requests[0]?.resolve([highlight('highlight-1')]);
    await Promise.all([first, second]);
    expect(applied).toEqual([[highlight('highlight-2')]]);

    const failed = reloads.reload();
    requests[2]?.reject(new Error('notebook closed'));
    await failed;
    expect(errors).toEqual([new Error('notebook closed')]);
  });

  it('reads and applies nothing once the document is closed', async () => {
    const { reloads, requests, applied } = harness();
    const pending = reloads.reload();
    reloads.changed();
    reloads.stop();
    requests[0]?.resolve([highlight('highlight-1')]);
    await pending;
    reloads.changed();
    await vi.advanceTimersByTimeAsync(RELOAD_DELAY_MS * 2);
    expect(requests).toHaveLength(1);
    expect(applied).toHaveLength(0);
  });
});

describe('merging a reloaded list into the one shown', () => {
  it('keeps the shown list itself when nothing changed, so nothing re-renders', () => {
    const shown = [highlight('highlight-1'), highlight('highlight-2')];
    expect(mergeListed(shown, [highlight('highlight-2'), highlight('highlight-1')])).toBe(shown);
  });

  it('takes changed, new and removed highlights from main and keeps the unchanged ones as shown', () => {
    const unchanged = highlight('highlight-1');
    const shown = [unchanged, highlight('highlight-2'), highlight('highlight-3')];
    const changed = highlight('highlight-2', '2026-01-02T00:00:00.000Z', { actorIds: ['actor-1'] });
    const added = highlight('highlight-4');
    const merged = mergeListed(shown, [highlight('highlight-1'), changed, added]);
    expect(merged).toEqual([unchanged, changed, added]);
    expect(merged[0]).toBe(unchanged);
    expect(merged[1]).toBe(changed);
  });

  it('takes the list as it is before anything was shown', () => {
    const listed = [highlight('highlight-1')];
    expect(mergeListed(undefined, listed)).toBe(listed);
  });
});

describe('a highlight while its edit is saved', () => {
  it('shows the patched fields and keeps the rest', () => {
    const record = highlight('highlight-1', '2026-01-01T00:00:00.000Z', { comment: 'kept', tags: ['tag-1'] });
    expect(patched(record, { color: 'green', actorIds: ['actor-1'] })).toEqual({ ...record, color: 'green', actorIds: ['actor-1'] });
  });

  it('replaces a highlight in place or adds it once', () => {
    const first = highlight('highlight-1');
    const newer = highlight('highlight-1', '2026-01-02T00:00:00.000Z', { color: 'pink' });
    const second = highlight('highlight-2');
    expect(upsert([first, second], newer)).toEqual([newer, second]);
    expect(upsert(upsert([first], second), second)).toEqual([first, second]);
    expect(upsert(undefined, first)).toEqual([first]);
  });
});
