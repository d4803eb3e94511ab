import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDoctor } from '../../../../main/notebook/doctor';
import { addTextDocument, openTestNotebook } from '../../../support/notebook-fixture';
import { useNotebookDir } from '../../../support/use-notebook-dir';

const notebook = useNotebookDir();

describe('doctor reads content as the reader does', () => {
  it.each([
    ['nested 100,000 deep', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
    ['not JSON', '{"blocks": [{"type": "paragraph", "start": 0,'],
    ['JSON of the wrong shape', '{"blocks": [{"type": "sonnet", "start": "zero"}]}'],
  ])('reports a document whose structure the reader cannot read: %s', async (_case, structure) => {
    const { store, records } = await openTestNotebook(notebook.dir);
    const document = await addTextDocument(records, 'Brief', 'Original words.\n\nA second paragraph.');
    const healthy = await addTextDocument(records, 'Healthy', 'Words.');
    // Its hash is right: only parsing finds the damage, as merging a crafted file would leave it.
    const blob = await store.blobs.put(structure, 'application/json');
    await store.collection('documents').put({ ...document, structure: blob });
    await store.close();

    const problems = (await runDoctor(notebook.dir)).problems;
    expect(problems).toEqual([expect.objectContaining({ kind: 'damaged-content', file: path.join(notebook.dir, 'blobs', blob.sha256.slice(0, 2), blob.sha256), message: expect.stringContaining('“Brief”') })]);
    expect(problems[0]?.message).not.toContain(healthy.id);
  });
});
