import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OpenConflict } from '../../../../shared/exchange/conflicts';
import { OpenConflicts } from '../../../../main/exchange/open-conflicts';
import { OPEN_CONFLICTS_FILE } from '../../../../main/notebook/open-conflicts-file';
import { openTestNotebook, type OpenTestNotebook } from '../../../support/notebook-fixture';
import { makeTempDir } from '../../../support/temp-dir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let notebook: OpenTestNotebook;
beforeEach(async () => {
  temp = await makeTempDir();
  notebook = await openTestNotebook(path.join(temp.dir, 'notebook'));
});
afterEach(async () => {
  await notebook.store.close();
  await temp.remove();
});

function conflict(id: string, notebookText: string, fileText: string): OpenConflict {
  return {
    type: 'notes',
    id,
    label: 'Reading notes',
    field: 'body',
    mergedAt: '2026-11-26T01:00:00.000Z',
    fileAuthor: 'Layla',
    notebook: { text: notebookText, savedAt: '2026-11-26T00:30:00.000Z' },
    file: { text: fileText, savedAt: '2026-11-25T12:00:00.000Z' },
  };
}

describe('open conflicts', () => {
  it('keeps one conflict per record: a later merge replaces the earlier one', async () => {
    const conflicts = new OpenConflicts(notebook.store);
    await conflicts.add([conflict('note-00001', 'mine', 'theirs'), conflict('note-00002', 'a', 'b')]);
    await conflicts.add([conflict('note-00001', 'mine again', 'theirs again')]);
    expect((await conflicts.list()).map((open) => [open.id, open.notebook.text])).toEqual([
      ['note-00002', 'a'],
      ['note-00001', 'mine again'],
    ]);
  });

  it('writes the chosen version through the updater, and writes nothing when both are kept', async () => {
    const conflicts = new OpenConflicts(notebook.store);
    await conflicts.add([conflict('note-00001', 'mine', 'theirs'), conflict('note-00002', 'a', 'b')]);
    const update = vi.fn(() => Promise.resolve());
    expect(await conflicts.resolve({ type: 'notes', id: 'note-00001' }, 'file', update)).toHaveLength(1);
    expect(update).toHaveBeenCalledWith('notes', 'note-00001', 'theirs');
    expect(await conflicts.resolve({ type: 'notes', id: 'note-00002' }, 'both', update)).toEqual([]);
    expect(update).toHaveBeenCalledTimes(1);
  });

  it('leaves the conflict open when writing the chosen version fails', async () => {
    const conflicts = new OpenConflicts(notebook.store);
    await conflicts.add([conflict('note-00001', 'mine', 'theirs')]);
    await expect(conflicts.resolve({ type: 'notes', id: 'note-00001' }, 'notebook', () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    expect(await conflicts.list()).toHaveLength(1);
  });

  it('sets a damaged list aside instead of refusing the next merge', async () => {
    const file = path.join(notebook.store.info.path, OPEN_CONFLICTS_FILE);
    await writeFile(file, '{ not json');
    const conflicts = new OpenConflicts(notebook.store);
    await expect(conflicts.list()).rejects.toMatchObject({ code: 'NOTEBOOK_INVALID' });
    await conflicts.add([conflict('note-00001', 'mine', 'theirs')]);
    expect(await conflicts.list()).toHaveLength(1);
    const aside = (await readdir(notebook.store.info.path)).filter((name) => name.startsWith(`${OPEN_CONFLICTS_FILE}.damaged-`));
    expect(aside).toHaveLength(1);
    expect(await readFile(path.join(notebook.store.info.path, aside[0] as string), 'utf8')).toBe('{ not json');
  });
});
