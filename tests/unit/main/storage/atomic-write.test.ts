import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../../main/storage/atomic-write';
import { makeTempDir } from '../../../support/temp-dir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => {
  temp = await makeTempDir();
});
afterEach(() => temp.remove());

describe('atomic write', () => {
  it('replaces the content and leaves no temporary file', async () => {
    const file = path.join(temp.dir, 'a.json');
    await writeFile(file, 'old');
    await writeFileAtomic(file, 'new');
    expect(await readFile(file, 'utf8')).toBe('new');
    expect(await readdir(temp.dir)).toEqual(['a.json']);
  });

  it('leaves the old content and no temporary file when the write cannot complete', async () => {
    const file = path.join(temp.dir, 'missing-dir', 'a.json');
    await expect(writeFileAtomic(file, 'x')).rejects.toThrow();
    expect(await readdir(temp.dir)).toEqual([]);
  });

  it('keeps each of many concurrent writes whole', async () => {
    const file = path.join(temp.dir, 'b.json');
    const contents = Array.from({ length: 20 }, (_, i) => JSON.stringify({ i, pad: 'x'.repeat(10_000) }));
    await Promise.all(contents.map((content) => writeFileAtomic(file, content)));
    expect(contents).toContain(await readFile(file, 'utf8'));
    expect(await readdir(temp.dir)).toEqual(['b.json']);
  });
});
