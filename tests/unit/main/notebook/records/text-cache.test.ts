import { rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TextCache } from '../../../../../main/notebook/records/text-cache';
import { BlobStore } from '../../../../../main/notebook/storage/blob-store';
import { makeTempDir } from '../../../../support/temp-dir';

describe('text cache', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let blobs: BlobStore;

  beforeEach(async () => {
    temp = await makeTempDir();
    blobs = new BlobStore(temp.dir);
  });
  afterEach(() => temp.remove());

  async function stored(texts: string[]): Promise<string[]> {
    return Promise.all(texts.map(async (text) => (await blobs.put(text, 'text/plain')).sha256));
  }

  it('reads each text once while it is among the most recently used', async () => {
    const [a, b, c] = await stored(['alpha', 'bravo', 'charlie']);
    const read = vi.spyOn(blobs, 'getText');
    const cache = new TextCache(blobs, { texts: 2 });
    expect(await cache.get(a as string)).toBe('alpha');
    await cache.get(b as string);
    await cache.get(a as string);
    expect(read).toHaveBeenCalledTimes(2);
    // c pushes out b, the least recently used; a stays.
    await cache.get(c as string);
    await cache.get(a as string);
    expect(read).toHaveBeenCalledTimes(3);
    await cache.get(b as string);
    expect(read).toHaveBeenCalledTimes(4);
  });

  it('keeps no more characters than its budget, but always the text just read', async () => {
    const [small, big, other] = await stored(['x'.repeat(10), 'y'.repeat(100), 'z'.repeat(10)]);
    const read = vi.spyOn(blobs, 'getText');
    const cache = new TextCache(blobs, { texts: 10, characters: 50 });
    await cache.get(small as string);
    expect(await cache.get(big as string)).toHaveLength(100);
    await new Promise((resolve) => setImmediate(resolve));
    await cache.get(big as string);
    expect(read).toHaveBeenCalledTimes(2);
    // The big text alone is over budget: the next one read replaces it.
    await cache.get(other as string);
    await new Promise((resolve) => setImmediate(resolve));
    await cache.get(big as string);
    expect(read).toHaveBeenCalledTimes(4);
  });

  it('forgets a text that could not be read, so it is read again next time', async () => {
    const [a] = await stored(['alpha']);
    await rm(blobs.pathOf(a as string));
    const cache = new TextCache(blobs);
    await expect(cache.get(a as string)).rejects.toThrow(/missing/);
    await blobs.put('alpha', 'text/plain');
    expect(await cache.get(a as string)).toBe('alpha');
  });
});
