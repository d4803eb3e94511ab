import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../../../main/notebook/storage/atomic-write';
import { mountSmallDisk } from '../../../../support/constrained-disk';
import { makeTempDir } from '../../../../support/temp-dir';

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

  it('leaves the old content and no temporary file when the new content does not fit on the disk', async (context) => {
    const disk = await mountSmallDisk(temp.dir, 64);
    if (typeof disk === 'string') return context.skip(disk);
    try {
      const file = path.join(disk.dir, 'a.json');
      await writeFileAtomic(file, 'old');
      // Larger than the whole disk: the temporary file fills it and the write fails before any rename.
      await expect(writeFileAtomic(file, 'x'.repeat(256 * 1024))).rejects.toMatchObject({ code: 'ENOSPC' });
      expect(await readFile(file, 'utf8')).toBe('old');
      expect(await readdir(disk.dir)).toEqual(['a.json']);
    } finally {
      disk.unmount();
    }
  });

  it('fails, creating nothing, when the folder does not exist', async () => {
    const file = path.join(temp.dir, 'missing-dir', 'a.json');
    await expect(writeFileAtomic(file, 'x')).rejects.toMatchObject({ code: 'ENOENT' });
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
