import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDoctor } from '../../../../main/notebook/doctor';
import { notebookLayout } from '../../../../main/notebook/notebook-store';
import { addTextDocument, openTestNotebook } from '../../../support/notebook-fixture';
import { useNotebookDir } from '../../../support/use-notebook-dir';

const notebook = useNotebookDir();

/** Three documents imported one after another: the backup of documents.json holds the first only (one is kept a minute at most). */
async function threeImports(): Promise<{ file: string; ids: string[] }> {
  const { store, records } = await openTestNotebook(notebook.dir);
  const ids: string[] = [];
  for (const title of ['First', 'Second', 'Last']) ids.push((await addTextDocument(records, title, `The words of the ${title.toLowerCase()} document.`)).id);
  await store.close();
  return { file: path.join(notebook.dir, notebookLayout.documents), ids };
}

async function titlesAfterRestore(): Promise<string[]> {
  const { store, records } = await openTestNotebook(notebook.dir);
  const titles = (await records.list('documents')).map((document) => document.title);
  await store.close();
  return titles;
}

describe('doctor --restore on a record file cut short', () => {
  it('keeps every whole record of the file, so the last import survives, and leaves doctor clean', async () => {
    const { file } = await threeImports();
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.slice(0, -2));

    const check = await runDoctor(notebook.dir);
    expect(check.problems).toEqual([expect.objectContaining({ kind: 'damaged-file', file, restorable: true, message: expect.stringContaining('3 record(s) read from the damaged file') })]);
    const restore = await runDoctor(notebook.dir, { restore: true });
    expect(restore.problems).toEqual([expect.objectContaining({ kind: 'damaged-file', restored: true })]);

    expect(await titlesAfterRestore()).toEqual(['First', 'Second', 'Last']);
    // The last document's blobs are named again: nothing is orphaned.
    expect((await runDoctor(notebook.dir)).problems).toEqual([]);
  });

  it('names the record it could not recover', async () => {
    const { file, ids } = await threeImports();
    const text = await readFile(file, 'utf8');
    const last = text.indexOf(`"id":"${ids[2] ?? ''}"`);
    await writeFile(file, text.slice(0, last + 60));

    const restore = await runDoctor(notebook.dir, { restore: true });
    expect(restore.problems).toEqual([
      expect.objectContaining({ kind: 'damaged-file', restored: true, message: expect.stringMatching(new RegExp(`2 record\\(s\\) read from the damaged file, 0 more from the backup .*Not recovered: .*inside record ${ids[2] ?? ''}`)) }),
    ]);
    expect(await titlesAfterRestore()).toEqual(['First', 'Second']);
  });

  it('takes from the backup the records the file lost', async () => {
    const { file } = await threeImports();
    await writeFile(file, (await readFile(file, 'utf8')).slice(0, 50));
    const restore = await runDoctor(notebook.dir, { restore: true });
    expect(restore.problems).toEqual([expect.objectContaining({ restored: true, message: expect.stringContaining('0 record(s) read from the damaged file, 1 more from the backup') })]);
    expect(await titlesAfterRestore()).toEqual(['First']);
  });
});
