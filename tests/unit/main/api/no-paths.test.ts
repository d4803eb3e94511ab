import { access, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { methods } from '../../../../shared/api/contract';
import { createDispatcher, type Dispatch } from '../../../../main/api/dispatcher';
import { createHandlers } from '../../../../main/api/handlers';
import { notebooksDir } from '../../../../main/app/paths';
import { createServices, type Services } from '../../../../main/app/services';
import { makeTempDir } from '../../../support/temp-dir';

/**
 * The renderer is untrusted: a single script injected into it must not be
 * able to name a file or folder for main to read or write. This walks every
 * call's arguments as the page may send them, so a new call that takes a path
 * fails here, not in a security review.
 */

/** Words that name a place on disk, as they appear in argument names (`filePath`, `dir`, `folders`…). */
const PATH_WORDS = new Set(['path', 'paths', 'dir', 'dirs', 'directory', 'directories', 'folder', 'folders', 'file', 'files', 'filename', 'filenames']);
/** Objects keyed by what the page chooses, each with why its keys are not paths. */
const FREE_KEYS: Record<string, string> = {
  'import.start': 'passwords are keyed by a file name inside the uploaded batch, only matched against files main keeps there',
};

interface Field {
  method: string;
  at: string;
  kind: 'property' | 'free keys';
}

/** Every property name (at any depth) and every object with open keys that a method's arguments accept. */
function fieldsOf(method: string, schema: z.ZodType): Field[] {
  const fields: Field[] = [];
  const walk = (node: unknown, at: string): void => {
    if (Array.isArray(node)) return node.forEach((item) => walk(item, at));
    if (typeof node !== 'object' || node === null) return;
    const json = node as Record<string, unknown>;
    if (json.properties && typeof json.properties === 'object') {
      for (const [name, child] of Object.entries(json.properties)) {
        fields.push({ method, at: `${at}.${name}`, kind: 'property' });
        walk(child, `${at}.${name}`);
      }
    }
    if (json.propertyNames !== undefined || (typeof json.additionalProperties === 'object' && json.additionalProperties !== null)) fields.push({ method, at, kind: 'free keys' });
    for (const [key, child] of Object.entries(json)) if (key !== 'properties') walk(child, at);
  };
  walk(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), method);
  return fields;
}

const words = (name: string) => name.split(/(?=[A-Z])|[_\-.]/).map((word) => word.toLowerCase());
const allFields = Object.entries(methods).flatMap(([method, { args }]) => fieldsOf(method, args));

describe('no call takes a path from the page', () => {
  it('walks every method of the contract', () => {
    expect(new Set(allFields.map((field) => field.method)).size).toBeGreaterThan(50);
    // The walk sees nested fields, not only the top level: a highlight's anchor, an event's participants.
    expect(allFields.some((field) => field.at === 'highlights.create.anchor.quote')).toBe(true);
  });

  it('has no argument named like a path, at any depth', () => {
    const pathy = allFields.filter((field) => field.kind === 'property' && words(field.at.split('.').pop() ?? '').some((word) => PATH_WORDS.has(word)));
    expect(pathy.map((field) => field.at)).toEqual([]);
  });

  it('takes open-keyed objects only where their keys are known not to be paths', () => {
    const free = allFields.filter((field) => field.kind === 'free keys');
    expect(free.map((field) => field.method).sort()).toEqual(Object.keys(FREE_KEYS).sort());
  });
});

describe('the attacks from the issue', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let services: Services;
  let dispatch: Dispatch;
  let secret: string;
  let dataDir: string;

  beforeEach(async () => {
    temp = await makeTempDir();
    dataDir = path.join(temp.dir, 'data');
    secret = path.join(temp.dir, 'secret.txt');
    await writeFile(secret, 'The informant lives on Al-Rasheed Street.');
    services = await createServices({ host: 'browser', dataDir, notebookDir: path.join(temp.dir, 'Field notes') });
    dispatch = createDispatcher(createHandlers(services), () => undefined);
  });
  afterEach(async () => {
    await services.close();
    await temp.remove();
  });

  it.each([
    ['import a file by its path', 'import.start', () => ({ paths: [secret] })],
    ['slip a path beside an upload batch', 'import.start', () => ({ batch: 'aaaaaaaa-bbbb', paths: [secret] })],
    ['climb out of the uploads with a batch id', 'import.start', () => ({ batch: '../../../../etc' })],
    ['retry an import by path', 'import.retry', () => ({ retryId: secret, password: 'x' })],
    ['open a folder by its path', 'notebook.open', () => ({ path: temp.dir })],
    ['open a folder by a path posing as an id', 'notebook.open', () => ({ id: '../../../../home/user' })],
    ['create a notebook in a folder of its choosing', 'notebook.create', () => ({ path: path.join(temp.dir, 'planted') })],
    ['create a named notebook in a folder of its choosing', 'notebook.create', () => ({ name: 'Planted', path: path.join(temp.dir, 'planted') })],
    ['hand the folder dialog an answer', 'notebook.chooseFolder', () => ({ create: true, path: path.join(temp.dir, 'planted') })],
  ])('refuses to %s (BAD_REQUEST)', async (_attack, method, args) => {
    expect(await dispatch(method, args())).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await dispatch('documents.list', {})).toEqual({ ok: true, result: [] });
    await expect(access(path.join(temp.dir, 'planted'))).rejects.toThrow();
    expect(services.notebook().path).toBe(path.join(temp.dir, 'Field notes'));
  });

  it('keeps a notebook named like a path inside the notebooks folder', async () => {
    const envelope = await dispatch('notebook.create', { name: '../../../planted' });
    expect(envelope).toMatchObject({ ok: true, result: { name: '../../../planted' } });
    expect(path.dirname(services.notebook().path)).toBe(notebooksDir(dataDir));
    expect(await readdir(temp.dir)).toEqual(expect.not.arrayContaining(['planted']));
  });

  it('opens only notebooks it listed, by their ids', async () => {
    expect(await dispatch('notebook.open', { id: 'AAAAAAAAAAAAAAAAAAAAAAAA' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await dispatch('import.retry', { retryId: 'aaaaaaaa-bbbb-cccc', password: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('says the browser host has no folder dialog, and how to open another folder', async () => {
    expect(await dispatch('app.info', {})).toMatchObject({ ok: true, result: { canChooseFolder: false } });
    expect(await dispatch('notebook.chooseFolder', { create: false })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringContaining('fieldbook serve --notebook') } });
  });

  it('opens the folder the host chose, never one from the page', async () => {
    const chosen = path.join(temp.dir, 'Chosen in the dialog');
    const host = createDispatcher(createHandlers(services, { chooseFolder: async () => chosen }), () => undefined);
    expect(await host('app.info', {})).toMatchObject({ ok: true, result: { canChooseFolder: true } });
    expect(await host('notebook.chooseFolder', { create: true })).toMatchObject({ ok: true, result: { path: chosen, name: 'Chosen in the dialog' } });
    const cancelled = createDispatcher(createHandlers(services, { chooseFolder: async () => undefined }), () => undefined);
    expect(await cancelled('notebook.chooseFolder', {})).toEqual({ ok: true, result: null });
    expect(services.notebook().path).toBe(chosen);
  });
});
