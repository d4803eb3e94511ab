import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultNotebookDir } from '../../../../main/app/paths';
import { createServices } from '../../../../main/app/services';
import { NotebookStore } from '../../../../main/notebook/notebook-store';
import { makeTempDir } from '../../../support/temp-dir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let dataDir: string;
beforeEach(async () => {
  temp = await makeTempDir();
  dataDir = path.join(temp.dir, 'data');
});
afterEach(() => temp.remove());

describe('services', () => {
  it('opens the default notebook on first run, with a welcome document the user can delete', async () => {
    const services = await createServices({ host: 'browser', dataDir });
    expect(services.notebook()).toMatchObject({ path: defaultNotebookDir(dataDir), name: 'My notebook' });
    const [welcome] = await services.current().records.list('documents');
    expect(welcome?.title).toBe('Welcome to Fieldbook');
    expect(await services.current().texts.get(welcome!.text.sha256)).toContain('First steps');
    await services.current().records.delete('documents', welcome!.id);
    await services.close();

    // Deleted stays deleted: the welcome document is not recreated.
    const again = await createServices({ host: 'browser', dataDir });
    expect(await again.current().records.list('documents')).toEqual([]);
    await again.close();
  });

  it('reopens the last notebook opened, and lists recent ones', async () => {
    const first = await createServices({ host: 'browser', dataDir });
    const other = path.join(temp.dir, 'Field notes');
    await first.openNotebook(other, { create: true });
    expect(first.recent().map((entry) => entry.path)).toEqual([other, defaultNotebookDir(dataDir)]);
    await first.close();

    const second = await createServices({ host: 'browser', dataDir });
    expect(second.notebook().path).toBe(other);
    await second.close();
  });

  it('releases the old notebook when switching, and stays put when the new one cannot open', async () => {
    const services = await createServices({ host: 'browser', dataDir });
    const before = services.notebook();
    await expect(services.openNotebook(path.join(temp.dir, 'missing'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(services.notebook()).toEqual(before);
    await services.openNotebook(path.join(temp.dir, 'second'), { create: true });
    // The first notebook's lock is released: another process (here, a store) may open it.
    await (await NotebookStore.open(before.path)).close();
    await services.close();
  });

  it('renames the open notebook and remembers the new name', async () => {
    const services = await createServices({ host: 'browser', dataDir });
    const events: unknown[] = [];
    services.events.subscribe((event, payload) => events.push([event, payload]));
    await services.renameNotebook('Baghdad, November');
    expect(services.notebook().name).toBe('Baghdad, November');
    expect(services.recent()[0]?.name).toBe('Baghdad, November');
    expect(events).toEqual([['notebook.changed', expect.objectContaining({ name: 'Baghdad, November' })]]);
    await services.close();
    const reopened = await createServices({ host: 'browser', dataDir });
    expect(reopened.notebook().name).toBe('Baghdad, November');
    await reopened.close();
  });
});
