import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../../shared/api/contract';
import { createDispatcher } from '../../../../main/api/dispatcher';
import { createHandlers } from '../../../../main/api/handlers';
import { defaultNotebookDir, notebooksDir } from '../../../../main/app/paths';
import { createServices, type Services } from '../../../../main/app/services';
import { MANIFEST_FILE } from '../../../../main/notebook/notebook-folder';
import { NotebookStore } from '../../../../main/notebook/notebook-store';
import { LOCK_FILE } from '../../../../main/notebook/storage/notebook-lock';
import { buildPdf } from '../../../support/pdf-builder';
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

  it('creates notebooks by name in the data folder, each in a folder of its own, and opens recent ones by id', async () => {
    const services = await createServices({ host: 'browser', dataDir });
    const first = await services.createNotebook('Iraq / Syria: 2026');
    expect(first).toMatchObject({ name: 'Iraq / Syria: 2026', path: path.join(notebooksDir(dataDir), 'Iraq - Syria- 2026') });
    const second = await services.createNotebook('Iraq / Syria: 2026');
    expect(second.path).toBe(path.join(notebooksDir(dataDir), 'Iraq - Syria- 2026 2'));
    const arabic = await services.createNotebook('دفتر بغداد');
    expect(path.basename(arabic.path)).toBe('دفتر بغداد');
    await expect(services.createNotebook('...')).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(services.notebook().path).toBe(arabic.path);

    const entry = services.recent().find((candidate) => candidate.path === first.path);
    expect(entry?.id).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect(entry?.id).not.toContain(first.path);
    await services.openRecent(entry!.id);
    expect(services.notebook().path).toBe(first.path);
    await expect(services.openRecent('not-a-listed-notebook-id')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await services.close();
  });

  it('gives a file imported by path a retry id, and imports it again by that id with its password', async () => {
    const services = await createServices({ host: 'browser', dataDir, notebookDir: path.join(temp.dir, 'Field notes') });
    const file = path.join(temp.dir, 'usb', 'locked.pdf');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, buildPdf({ pages: [{ lines: ['Behind a password'] }], encryption: { userPassword: 'open sesame' } }));
    const finished = (taskId: string) =>
      new Promise<EventPayload<'import.finished'>['summary']>((resolve) => {
        const stop = services.events.subscribe((event, payload) => {
          const done = payload as EventPayload<'import.finished'>;
          if (event === 'import.finished' && done.taskId === taskId) {
            stop();
            resolve(done.summary);
          }
        });
      });
    // The menu imports by path, in main.
    const menu = services.startImport({ paths: [file] });
    const [refused] = (await finished(menu.taskId)).results;
    expect(refused).toMatchObject({ path: file, status: 'failed', code: 'PASSWORD_REQUIRED', retryId: expect.any(String) });

    // The page retries by the id, never the path.
    const dispatch = createDispatcher(createHandlers(services), () => undefined);
    const retried = await dispatch('import.retry', { retryId: refused!.retryId, password: 'open sesame' });
    expect(retried.ok).toBe(true);
    const [imported] = (await finished((retried as { result: { taskId: string } }).result.taskId)).results;
    expect(imported).toMatchObject({ path: file, status: 'imported' });
    await services.close();
  });
});

describe('services when the notebook at start cannot be opened', () => {
  let services: Services | undefined;
  afterEach(async () => {
    await services?.close();
    services = undefined;
  });

  /** The app's notebook from a first run, then closed: the one it will try to reopen. */
  async function lastNotebook(): Promise<string> {
    const first = await createServices({ host: 'browser', dataDir });
    const dir = first.notebook().path;
    await first.close();
    return dir;
  }

  async function expectChooser(started: Services, dir: string, code: string, message: RegExp) {
    expect(started.state()).toEqual({ open: false, problem: { path: dir, id: expect.any(String), code, message: expect.stringMatching(message) } });
    expect(() => started.current()).toThrow(expect.objectContaining({ code: 'NO_NOTEBOOK' }));
    const dispatch = createDispatcher(createHandlers(started), () => undefined);
    expect(await dispatch('notebook.current', {})).toMatchObject({ ok: true, result: { open: false, problem: { code } } });
    expect(await dispatch('library.counts', {})).toMatchObject({ ok: false, error: { code: 'NO_NOTEBOOK' } });
    expect(await dispatch('import.start', { batch: 'aaaaaaaa-bbbb' })).toMatchObject({ ok: false, error: { code: 'NO_NOTEBOOK' } });
    // The chooser's calls still work: the recent list (with the notebook that failed, to try again) and making another.
    expect(await dispatch('notebook.recent', {})).toMatchObject({ ok: true, result: [{ path: dir }] });
  }

  it('starts with no notebook when another Fieldbook here holds the last one, and opens another', async () => {
    const dir = await lastNotebook();
    const holder = await NotebookStore.open(dir);
    try {
      services = await createServices({ host: 'browser', dataDir });
      await expectChooser(services, dir, 'NOTEBOOK_LOCKED', /already open in this Fieldbook|open in another Fieldbook/);
      const changed: unknown[] = [];
      services.events.subscribe((event) => changed.push(event));
      const other = await services.createNotebook('Baghdad, November');
      expect(services.state()).toEqual({ open: true, notebook: other });
      expect(changed).toContain('notebook.changed');
      const dispatch = createDispatcher(createHandlers(services), () => undefined);
      expect(await dispatch('actors.create', { name: 'Esmail Qaani', kind: 'person' })).toMatchObject({ ok: true });
      expect(await dispatch('library.counts', {})).toMatchObject({ ok: true, result: { actors: 1 } });
    } finally {
      await holder.close();
    }
  });

  it('starts with no notebook when a lock names another computer (a synced drive), and leaves that lock alone', async () => {
    const dir = await lastNotebook();
    const lock = JSON.stringify({ pid: 4242, hostname: 'laptop-in-basra', acquiredAt: new Date().toISOString() });
    await writeFile(path.join(dir, LOCK_FILE), lock);
    services = await createServices({ host: 'browser', dataDir });
    await expectChooser(services, dir, 'NOTEBOOK_LOCKED', /open in another Fieldbook \(pid 4242 on laptop-in-basra\)/);
    expect(await readFile(path.join(dir, LOCK_FILE), 'utf8')).toBe(lock);

    // Trying again while the other computer holds it changes nothing; once it lets go, the same id opens it.
    const state = services.state();
    const id = state.open ? undefined : state.problem.id;
    expect(id).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    await expect(services.openRecent(id!)).rejects.toMatchObject({ code: 'NOTEBOOK_LOCKED' });
    await rm(path.join(dir, LOCK_FILE));
    expect(await services.openRecent(id!)).toMatchObject({ path: dir });
    expect(services.state()).toMatchObject({ open: true, notebook: { path: dir } });
  });

  it('starts with no notebook when the one asked for is from a newer Fieldbook, and changes nothing in it', async () => {
    const dir = path.join(temp.dir, 'From the future');
    await mkdir(dir);
    const manifest = JSON.stringify({ format: 'fieldbook-notebook', formatVersion: 99, name: 'Future', createdAt: new Date().toISOString() });
    await writeFile(path.join(dir, MANIFEST_FILE), manifest);
    services = await createServices({ host: 'browser', dataDir, notebookDir: dir });
    expect(services.state()).toMatchObject({ open: false, problem: { path: dir, code: 'NOTEBOOK_INVALID', message: expect.stringMatching(/newer Fieldbook/) } });
    expect(await readdir(dir)).toEqual([MANIFEST_FILE]);
  });
});

