import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MANIFEST_FILE, openNotebookFolder } from '../../../../main/notebook/notebook-folder';
import { NOTEBOOK_FORMAT, NOTEBOOK_FORMAT_VERSION } from '../../../../shared/model/notebook';
import { makeTempDir } from '../../../support/temp-dir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => {
  temp = await makeTempDir();
});
afterEach(() => temp.remove());

describe('notebook folder', () => {
  it('creates a notebook in a missing folder, named after it, and opens it again', async () => {
    const dir = path.join(temp.dir, 'Baghdad 2026');
    const created = await openNotebookFolder(dir, { create: true });
    expect(created).toMatchObject({ path: dir, name: 'Baghdad 2026', formatVersion: NOTEBOOK_FORMAT_VERSION });
    expect(await openNotebookFolder(dir)).toEqual(created);
  });

  it('keeps a name in Arabic', async () => {
    const dir = path.join(temp.dir, 'nb');
    expect((await openNotebookFolder(dir, { create: true, name: 'دفتر الانتخابات' })).name).toBe('دفتر الانتخابات');
  });

  it('refuses to turn a folder of other files into a notebook', async () => {
    await writeFile(path.join(temp.dir, 'thesis.docx'), 'mine');
    await expect(openNotebookFolder(temp.dir, { create: true })).rejects.toMatchObject({ code: 'NOTEBOOK_INVALID', message: expect.stringContaining('not empty') });
  });

  it('does not create anything unless asked', async () => {
    await expect(openNotebookFolder(path.join(temp.dir, 'missing'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('names a damaged manifest and leaves it untouched', async () => {
    const manifest = path.join(temp.dir, MANIFEST_FILE);
    await writeFile(manifest, '{"format": "fieldbook-notebook", "formatVer');
    await expect(openNotebookFolder(temp.dir, { create: true })).rejects.toMatchObject({ code: 'NOTEBOOK_INVALID', message: expect.stringContaining(manifest) });
    expect(await readFile(manifest, 'utf8')).toBe('{"format": "fieldbook-notebook", "formatVer');
  });

  it('refuses a notebook from a newer Fieldbook without rewriting it', async () => {
    const manifest = path.join(temp.dir, MANIFEST_FILE);
    const newer = JSON.stringify({ format: NOTEBOOK_FORMAT, formatVersion: NOTEBOOK_FORMAT_VERSION + 1, name: 'Future', createdAt: '2030-01-01T00:00:00.000Z', novelty: true });
    await writeFile(manifest, newer);
    await expect(openNotebookFolder(temp.dir)).rejects.toMatchObject({ code: 'NOTEBOOK_INVALID', message: expect.stringContaining('newer Fieldbook') });
    expect(await readFile(manifest, 'utf8')).toBe(newer);
  });

  it('refuses a JSON file that is not a Fieldbook manifest', async () => {
    await mkdir(temp.dir, { recursive: true });
    await writeFile(path.join(temp.dir, MANIFEST_FILE), JSON.stringify({ format: 'something-else', formatVersion: 1 }));
    await expect(openNotebookFolder(temp.dir)).rejects.toMatchObject({ code: 'NOTEBOOK_INVALID' });
  });
});
