import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectFiles } from '../../../../main/import/collect-files';
import { defaultImportLimits } from '../../../../main/import/extracted-document';
import { detectKind } from '../../../../main/import/file-kind';
import { readSavedPageResource } from '../../../../main/import/saved-page-resources';
import { UploadStore } from '../../../../main/import/upload-store';
import { makeTempDir } from '../../../support/temp-dir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => {
  temp = await makeTempDir();
});
afterEach(() => temp.remove());

async function put(relative: string, content = 'x'): Promise<string> {
  const file = path.join(temp.dir, relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
  return file;
}

describe('choosing files to import', () => {
  it('walks folders, keeps importable kinds, leaves hidden files and a saved page\'s folder alone', async () => {
    await put('usb/brief.pdf');
    await put('usb/notes.md');
    await put('usb/report.html');
    await put('usb/report_files/chart.png');
    await put('usb/report_files/inner.html');
    await put('usb/other_files/page.txt');
    await put('usb/.hidden.txt');
    await put('usb/photo.jpg');
    await put('usb/movie.mp4');
    await put('usb/deep/a/b/c.txt');
    const found = (await collectFiles([path.join(temp.dir, 'usb')])).map((file) => path.relative(temp.dir, file.path));
    expect(found).toEqual(['usb/brief.pdf', 'usb/deep/a/b/c.txt', 'usb/notes.md', 'usb/other_files/page.txt', 'usb/photo.jpg', 'usb/report.html']);
  });

  it('takes Word documents and EPUB books, and lists old Word and OpenDocument files as skipped with what to do', async () => {
    await put('office/minutes.docx');
    await put('office/book.epub');
    await put('office/old.doc');
    await put('office/draft.odt');
    const found = (await collectFiles([path.join(temp.dir, 'office')])).map((file) => ({ path: path.relative(temp.dir, file.path), skip: file.skip }));
    expect(found).toEqual([
      { path: 'office/book.epub', skip: undefined },
      { path: 'office/draft.odt', skip: '“draft.odt” is an OpenDocument text (.odt), which Fieldbook cannot read: save it as a Word document (.docx) or PDF first.' },
      { path: 'office/minutes.docx', skip: undefined },
      { path: 'office/old.doc', skip: '“old.doc” is an old Word document (.doc), which Fieldbook cannot read: save it as a Word document (.docx) or PDF first.' },
    ]);
  });

  it('lists a missing file and a symbolic link as not imported, with a reason, and does not follow links', async () => {
    const real = await put('real/secret.txt');
    await symlink(path.dirname(real), path.join(temp.dir, 'link'));
    await put('folder/ok.txt');
    await symlink(real, path.join(temp.dir, 'folder', 'link.txt'));
    const found = await collectFiles([path.join(temp.dir, 'missing.pdf'), path.join(temp.dir, 'link'), path.join(temp.dir, 'folder')]);
    expect(found.map((file) => [path.relative(temp.dir, file.path), file.skip !== undefined])).toEqual([
      ['missing.pdf', true],
      ['link', true],
      ['folder/ok.txt', false],
    ]);
  });

  it('recognises kinds by content first', () => {
    expect(detectKind('scan.txt', new TextEncoder().encode('%PDF-1.7\n...'))).toBe('pdf');
    expect(() => detectKind('fake.pdf', new TextEncoder().encode('<html>'))).toThrow(/named like a PDF/);
    expect(() => detectKind('tool.exe', new Uint8Array([0x4d, 0x5a]))).toThrow(/not a kind of file/);
    expect(detectKind('Page.HTM', new TextEncoder().encode('<html>'))).toBe('html');
  });

  it('reads a saved page\'s resources only from its own _files folder', async () => {
    const page = await put('saved/Article.html', '<html>');
    await put('saved/Article_files/chart.png', 'png');
    await put('saved/private.txt', 'secret');
    const read = (relative: string) => readSavedPageResource(page, relative, defaultImportLimits).then((bytes) => (bytes ? Buffer.from(bytes).toString() : undefined));
    expect(await read('Article_files/chart.png')).toBe('png');
    expect(await read('private.txt')).toBeUndefined();
    expect(await read('Article_files/../private.txt')).toBeUndefined();
    expect(await read('/etc/passwd')).toBeUndefined();
  });
});

describe('upload store', () => {
  const batch = '0f8a6c1e-3b7d-4c55-9a0e-2d1f6b9c8e7a';

  it('keeps uploaded files under their batch with their relative paths', async () => {
    const store = new UploadStore(temp.dir);
    await store.save(batch, 'Folder/Page.html', new TextEncoder().encode('<p>x</p>'), 1000);
    await store.save(batch, 'Folder/Page_files/a.png', Readable.from([Buffer.from('png')]), 1000);
    expect(await readdir(path.join(store.batchDir(batch), 'Folder'))).toEqual(['Page.html', 'Page_files']);
    await store.discard(batch);
    await expect(readdir(store.batchDir(batch))).rejects.toThrow();
  });

  it.each(['../escape.txt', 'a/../../b.txt', '/etc/passwd', 'a//b.txt', 'C:/x.txt', 'a\\..\\b.txt', ''])('refuses the path %j', async (relative) => {
    await expect(new UploadStore(temp.dir).save(batch, relative, new Uint8Array(1), 10)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('refuses a bad batch id and a file over the limit, leaving nothing behind', async () => {
    const store = new UploadStore(temp.dir);
    await expect(store.save('../..', 'a.txt', new Uint8Array(1), 10)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(store.save(batch, 'big.txt', Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), 1000)).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' });
    expect(await readdir(store.batchDir(batch))).toEqual([]);
  });
});
