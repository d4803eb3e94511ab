import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../../../main/api/dispatcher';
import { createHandlers } from '../../../../../main/api/handlers';
import { createServices, type Services } from '../../../../../main/app/services';
import type { MethodArgs, MethodName, MethodResult } from '../../../../../shared/api/contract';
import { makeTempDir } from '../../../../support/temp-dir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let services: Services;
let call: <M extends MethodName>(method: M, args: MethodArgs<M>) => Promise<MethodResult<M>>;

beforeEach(async () => {
  temp = await makeTempDir();
  services = await createServices({ host: 'browser', dataDir: path.join(temp.dir, 'data'), notebookDir: path.join(temp.dir, 'notebook') });
  const dispatch = createDispatcher(createHandlers(services), () => undefined);
  call = async (method, args) => {
    const envelope = await dispatch(method, args);
    if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code });
    return envelope.result as never;
  };
});
afterEach(async () => {
  await services.close();
  await temp.remove();
});

describe('documents.content', () => {
  it('gives a text document its paragraphs when the import kept no structure', async () => {
    const document = await call('documents.create', { title: 'Log', text: 'First day.\n\nSecond day,\nlate.\n\nThird.' });
    expect(await call('documents.content', { id: document.id })).toEqual({
      text: 'First day.\n\nSecond day,\nlate.\n\nThird.',
      structure: { blocks: [{ type: 'paragraph', start: 0, end: 10 }, { type: 'paragraph', start: 12, end: 29 }, { type: 'paragraph', start: 31, end: 37 }] },
    });
  });

  it('gives Markdown its sanitised HTML and its headings', async () => {
    const file = path.join(temp.dir, 'ferry.md');
    await writeFile(file, '# Ferry log\n\nThe ferry left **twice**.\n\n<script>alert(1)</script>\n');
    await services.current().imports.importPaths([file]);
    const [document] = await call('documents.list', {});
    const content = await call('documents.content', { id: document!.id });
    // Markdown's raw HTML is shown as text, never as markup.
    expect(content.text).toBe('Ferry log\n\nThe ferry left twice.\n\n<script>alert(1)</script>');
    expect(content.structure.blocks[0]).toMatchObject({ type: 'heading', level: 1, start: 0, end: 9 });
    expect(content.html).toContain('<strong>twice</strong>');
    expect(content.html).not.toContain('<script');
  });

  it('refuses a deleted document', async () => {
    const document = await call('documents.create', { title: 'Gone', text: 'Soon deleted.' });
    await call('documents.delete', { id: document.id });
    await expect(call('documents.content', { id: document.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('documents.blob', () => {
  it('serves the document’s own blobs, byte for byte, and no other', async () => {
    const one = await call('documents.create', { title: 'One', text: 'Convoy seen at dawn: ٣ trucks.' });
    const two = await call('documents.create', { title: 'Two', text: 'Another text.' });
    const blob = await call('documents.blob', { id: one.id, sha256: one.original.sha256 });
    expect(Buffer.from(blob.base64, 'base64').toString('utf8')).toBe('Convoy seen at dawn: ٣ trucks.');
    expect(blob.mediaType).toBe(one.original.mediaType);
    await expect(call('documents.blob', { id: one.id, sha256: two.original.sha256 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(call('documents.blob', { id: one.id, sha256: '../../etc/passwd' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
