import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../../../../shared/model/import';
import { SearchArgs } from '../../../../../shared/search/results';
import { EventBus } from '../../../../../main/bus/event-bus';
import { NotebookStore } from '../../../../../main/notebook/notebook-store';
import { RecordService } from '../../../../../main/notebook/records/record-service';
import { TextCache } from '../../../../../main/notebook/records/text-cache';
import { openNotebookSearch } from '../../../../../main/search/notebook-search';
import { buildInThread } from '../../../../../main/search/segment-builder';
import { buildPdf } from '../../../../support/pdf-builder';
import { cliSandbox, run } from '../../../../support/cli';

const temp = cliSandbox();
let notebook: string;
let usb: string;

beforeEach(async () => {
  notebook = path.join(temp.dir, 'nb');
  usb = path.join(temp.dir, 'usb');
  await mkdir(usb);
  expect((await run('init', '--notebook', notebook)).code).toBe(0);
});

describe('fieldbook import', () => {
  it('opens password-protected PDFs with --password-file, and names the file it could not open', async () => {
    await writeFile(path.join(usb, 'locked.pdf'), buildPdf({ pages: [{ lines: ['Field report'] }], encryption: { userPassword: 'tigris 7' } }));
    await writeFile(path.join(usb, 'no-password.pdf'), buildPdf({ pages: [{ lines: ['Other'] }], encryption: { userPassword: 'euphrates' } }));
    const secret = path.join(temp.dir, 'password.txt');
    await writeFile(secret, 'tigris 7\n');

    const result = await run('import', '--notebook', notebook, usb, '--password-file', secret, '--json');
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.out) as ImportSummary;
    const byName = Object.fromEntries(summary.results.map((entry) => [path.basename(entry.path), entry]));
    expect(byName['locked.pdf']).toMatchObject({ status: 'imported', title: 'locked' });
    expect(byName['no-password.pdf']).toMatchObject({ status: 'failed', code: 'PASSWORD_INCORRECT' });
  });

  it('indexes what it imported, so the next search finds it without catching up', async () => {
    await writeFile(path.join(usb, 'report.md'), '# Water rights\n\nThe irrigation council met in Basra.');
    expect((await run('import', '--notebook', notebook, usb)).code).toBe(0);
    const store = await NotebookStore.open(notebook, { readOnly: true });
    try {
      const search = openNotebookSearch({ store, records: new RecordService(store, () => 'test', new EventBus()), texts: new TextCache(store.blobs) }, { build: buildInThread }, { catchUp: false });
      await search.indexer.loaded;
      const result = await search.service.search(SearchArgs.parse({ query: 'irrigation' }));
      expect(result.groups.map((group) => group.title)).toEqual(['Water rights']);
    } finally {
      await store.close();
    }
  });

  it('refuses a missing or empty password file as a usage error, before importing anything', async () => {
    await writeFile(path.join(usb, 'a.txt'), 'Some words.');
    expect(await run('import', '--notebook', notebook, usb, '--password-file', path.join(temp.dir, 'nowhere.txt'))).toMatchObject({ code: 2, err: expect.stringContaining('cannot read') });
    await writeFile(path.join(temp.dir, 'empty.txt'), '\n');
    expect(await run('import', '--notebook', notebook, usb, '--password-file', path.join(temp.dir, 'empty.txt'))).toMatchObject({ code: 2, err: expect.stringContaining('is empty') });
    expect(JSON.parse((await run('list', 'documents', '--notebook', notebook, '--json')).out)).toEqual([]);
  });
});
