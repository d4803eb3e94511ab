import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimNotebookFolder, folderNameFor } from '../../../../main/notebook/new-notebook-folder';
import { makeTempDir } from '../../../support/temp-dir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => {
  temp = await makeTempDir();
});
afterEach(() => temp.remove());

describe('a new notebook’s folder', () => {
  it.each([
    ['Baghdad, November', 'Baghdad, November'],
    ['دفتر بغداد', 'دفتر بغداد'],
    ['../../etc', 'etc'],
    ['-rf', 'rf'],
    ['Iraq/Syria\\2026', 'Iraq-Syria-2026'],
    ['.hidden', 'hidden'],
    ['trailing dots... ', 'trailing dots'],
    ['tab\there\nnewline', 'tab-here-newline'],
    ['CON', 'CON notebook'],
    ['lpt1.txt', 'lpt1.txt notebook'],
  ])('names “%s” as %s', (name, folder) => {
    expect(folderNameFor(name)).toBe(folder);
  });

  it('keeps a long name within the file system’s limit, whole characters only', () => {
    const folder = folderNameFor('كتائب حزب الله '.repeat(40));
    expect(Buffer.byteLength(folder)).toBeLessThanOrEqual(200);
    expect(folder).not.toMatch(/\uFFFD|\s$/);
  });

  it.each(['...', ' / ', '::'])('refuses “%s”, which leaves nothing to name a folder', (name) => {
    expect(() => folderNameFor(name)).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
  });

  it('makes a folder of its own inside the parent, numbered when the name is taken', async () => {
    const parent = path.join(temp.dir, 'notebooks');
    const made = await Promise.all([claimNotebookFolder(parent, 'Field notes'), claimNotebookFolder(parent, 'Field notes'), claimNotebookFolder(parent, 'Field notes')]);
    expect(made.map((folder) => path.dirname(folder))).toEqual([parent, parent, parent]);
    expect((await readdir(parent)).sort()).toEqual(['Field notes', 'Field notes 2', 'Field notes 3']);
  });
});
