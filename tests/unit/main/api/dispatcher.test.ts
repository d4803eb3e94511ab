import { describe, expect, it, vi } from 'vitest';
import { methods } from '../../../../shared/api/contract';
import { ApiError } from '../../../../shared/api/errors';
import { createDispatcher, type Handlers } from '../../../../main/api/dispatcher';

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const settings = { theme: 'system' as const, authorName: 'Rana' };
  const unused = Object.fromEntries(Object.keys(methods).map((name) => [name, () => { throw new Error(`${name} is not used by this test`); }]));
  return {
    ...(unused as unknown as Handlers),
    'app.info': () => ({ name: 'Fieldbook', version: '1.0.0', host: 'browser', platform: 'linux', canChooseFolder: false }),
    'notebook.current': () => ({ open: true, notebook: { path: '/n', name: 'N', formatVersion: 1, createdAt: '2026-01-01T00:00:00.000Z' } }),
    'library.counts': () => ({ documents: 0, actors: 0, events: 0, notes: 0 }),
    'library.list': () => ({ items: [], total: 0 }),
    'settings.get': () => settings,
    'settings.update': (patch) => ({ ...settings, ...patch }),
    'tasks.list': () => [],
    'tasks.cancel': () => ({ cancelled: false }),
    ...overrides,
  };
}

const quiet = () => undefined;

describe('dispatcher', () => {
  it('answers a valid call with its result', async () => {
    const dispatch = createDispatcher(handlers(), quiet);
    expect(await dispatch('settings.update', { theme: 'dark' })).toEqual({ ok: true, result: { theme: 'dark', authorName: 'Rana' } });
  });

  it('applies argument defaults before the handler sees them', async () => {
    const list = vi.fn(() => ({ items: [], total: 0 }));
    await createDispatcher(handlers({ 'library.list': list }), quiet)('library.list', { collection: 'actors' });
    expect(list).toHaveBeenCalledWith({ collection: 'actors', offset: 0, limit: 200 });
  });

  it.each([
    ['a method that does not exist', 'documents.destroyAll', {}, 'UNKNOWN_METHOD'],
    ['a method name that is not a string', 42, {}, 'UNKNOWN_METHOD'],
    ['a prototype key as method', '__proto__', {}, 'UNKNOWN_METHOD'],
    ['arguments of the wrong type', 'library.list', { collection: 'weapons' }, 'BAD_REQUEST'],
    ['an unexpected argument', 'settings.update', { theme: 'dark', admin: true }, 'BAD_REQUEST'],
    ['arguments that are not an object', 'tasks.cancel', 'x', 'BAD_REQUEST'],
    ['a limit out of range', 'library.list', { collection: 'notes', limit: 1e9 }, 'BAD_REQUEST'],
  ])('refuses %s with a clear error', async (_case, method, args, code) => {
    const handler = vi.fn();
    const dispatch = createDispatcher(handlers({ 'library.list': handler, 'settings.update': handler, 'tasks.cancel': handler }), quiet);
    const envelope = await dispatch(method, args);
    expect(envelope).toMatchObject({ ok: false, error: { code } });
    expect(envelope.ok || envelope.error.message.length > 10).toBe(true);
    expect(handler).not.toHaveBeenCalled();
  });

  it('names the argument that was wrong', async () => {
    const envelope = await createDispatcher(handlers(), quiet)('library.list', { collection: 'documents', offset: -1 });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', details: [{ path: 'offset' }] } });
  });

  it('passes a service ApiError through unchanged', async () => {
    const dispatch = createDispatcher(handlers({ 'tasks.list': () => { throw new ApiError('NOTEBOOK_LOCKED', 'Open elsewhere'); } }), quiet);
    expect(await dispatch('tasks.list', {})).toEqual({ ok: false, error: { code: 'NOTEBOOK_LOCKED', message: 'Open elsewhere' } });
  });

  it('turns an unexpected exception into INTERNAL without crashing', async () => {
    const log = vi.fn();
    const dispatch = createDispatcher(handlers({ 'tasks.list': () => { throw new TypeError('boom'); } }), log);
    expect(await dispatch('tasks.list', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(log).toHaveBeenCalled();
  });

  it('refuses to send a result that breaks the contract', async () => {
    const dispatch = createDispatcher(handlers({ 'library.counts': () => ({ documents: -1 }) as never }), quiet);
    expect(await dispatch('library.counts', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
