import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SaveQueue, type SaveStatus } from '../../../../shared/notes/save-queue';

/** A write that the test finishes by hand, to hold a save in flight. */
function deferredWrites() {
  const started: { value: string; finish(): void; fail(error: Error): void }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const write = (value: string) =>
    new Promise<void>((resolve, reject) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const done = () => inFlight--;
      started.push({ value, finish: () => (done(), resolve()), fail: (error) => (done(), reject(error)) });
    });
  return { started, write, maxInFlight: () => maxInFlight };
}

let text: string;
let statuses: SaveStatus[];
beforeEach(() => {
  vi.useFakeTimers();
  text = '';
  statuses = [];
});
afterEach(() => vi.useRealTimers());

function queueWith(write: (value: string) => Promise<void>) {
  return new SaveQueue({ read: () => text, write, delay: 500, onStatus: (status) => statuses.push(status) });
}

const type = (queue: SaveQueue<string>, more: string) => {
  text += more;
  queue.changed();
};

describe('SaveQueue', () => {
  it('saves once after a pause in typing, with everything typed', async () => {
    const writes = deferredWrites();
    const queue = queueWith(writes.write);
    type(queue, 'a');
    await vi.advanceTimersByTimeAsync(300);
    type(queue, 'b');
    await vi.advanceTimersByTimeAsync(300);
    expect(writes.started).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(writes.started.map((write) => write.value)).toEqual(['ab']);
    writes.started[0]?.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(queue.status).toBe('saved');
    expect(statuses).toEqual(['unsaved', 'unsaved', 'saving', 'saved']);
  });

  it('never runs two saves at once, and saves what was typed during a save right after it, in order', async () => {
    const writes = deferredWrites();
    const queue = queueWith(writes.write);
    type(queue, 'one');
    await vi.advanceTimersByTimeAsync(500);
    type(queue, ' two');
    const flushed = queue.flush();
    type(queue, ' three');
    await vi.advanceTimersByTimeAsync(500);
    expect(writes.started.map((write) => write.value)).toEqual(['one']);
    writes.started[0]?.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(writes.started.map((write) => write.value)).toEqual(['one', 'one two three']);
    writes.started[1]?.finish();
    await flushed;
    expect(writes.maxInFlight()).toBe(1);
    expect(queue.status).toBe('saved');
  });

  it('saves at once on flush (blur, close) without waiting for the pause', async () => {
    const written: string[] = [];
    const queue = queueWith(async (value) => void written.push(value));
    type(queue, 'draft');
    await queue.flush();
    expect(written).toEqual(['draft']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(written).toEqual(['draft']);
    await queue.flush();
    expect(written).toEqual(['draft']);
  });

  it('keeps a failed change and writes it with the next save', async () => {
    const writes = deferredWrites();
    const queue = queueWith(writes.write);
    type(queue, 'kept');
    await vi.advanceTimersByTimeAsync(500);
    writes.started[0]?.fail(new Error('disk full'));
    await vi.advanceTimersByTimeAsync(0);
    expect(queue.status).toBe('failed');
    expect(queue.dirty).toBe(true);
    const flushed = queue.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(writes.started.map((write) => write.value)).toEqual(['kept', 'kept']);
    writes.started[1]?.finish();
    await flushed;
    expect(queue.status).toBe('saved');
  });

  it('rejects a flush whose save failed, so closing can warn instead of losing text', async () => {
    const queue = queueWith(() => Promise.reject(new Error('disk full')));
    type(queue, 'x');
    await expect(queue.flush()).rejects.toThrow(/could not be saved/);
  });
});
