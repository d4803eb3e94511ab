import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../../../main/api/dispatcher';
import { createHandlers, createUpload } from '../../../../../main/api/handlers';
import { createServices, type Services } from '../../../../../main/app/services';
import { API_CALL_PATH, API_EVENTS_PATH, API_UPLOAD_PATH, MAX_CALL_BYTES, startBrowserHost, type BrowserHost } from '../../../../../main/hosts/browser-host/server';
import { rawRequest } from '../../../../support/http';
import { makeTempDir } from '../../../../support/temp-dir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let services: Services;
let host: BrowserHost;

beforeAll(async () => {
  temp = await makeTempDir();
  const rendererDir = path.join(temp.dir, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Fieldbook</title>');
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(temp.dir, 'secret.txt'), 'outside the renderer');
  services = await createServices({ host: 'browser', dataDir: path.join(temp.dir, 'data'), notebookDir: path.join(temp.dir, 'notebook') });
  host = await startBrowserHost({ dispatch: createDispatcher(createHandlers(services), () => undefined), upload: createUpload(services), events: services.events, rendererDir });
});

afterAll(async () => {
  await host.close();
  await services.close();
  await temp.remove();
});

const good = () => ({ Host: `127.0.0.1:${host.port}`, Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' });
const call = (headers: Record<string, string>, body: unknown) => rawRequest(host.port, { method: 'POST', path: API_CALL_PATH, headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('browser host', () => {
  it('listens on loopback only, on a random port, with a long random token in the URL fragment', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/#token=[A-Za-z0-9_-]{40,}$`));
    expect(host.port).toBeGreaterThan(0);
  });

  it('answers a well-formed call', async () => {
    const response = await call({ ...good(), Origin: `http://127.0.0.1:${host.port}`, 'Sec-Fetch-Site': 'same-origin' }, { method: 'app.info', args: {} });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: true, result: { name: 'Fieldbook', host: 'browser' } });
  });

  it.each([
    ['no token', { Authorization: '' }, 401, 'UNAUTHORIZED'],
    ['a wrong token', { Authorization: 'Bearer nope' }, 401, 'UNAUTHORIZED'],
    ['another origin', { Origin: 'https://evil.example' }, 403, 'FORBIDDEN'],
    ['another port on loopback', { Origin: 'http://127.0.0.1:1' }, 403, 'FORBIDDEN'],
    ['a cross-site fetch', { 'Sec-Fetch-Site': 'cross-site' }, 403, 'FORBIDDEN'],
    ['a rebound hostname', { Host: `evil.example:${String(0)}` }, 403, 'FORBIDDEN'],
  ])('refuses a call with %s and changes nothing', async (_case, override, status, code) => {
    const before = services.settings.get();
    const headers = { ...good(), ...override };
    if (headers.Host.startsWith('evil')) headers.Host = `evil.example:${host.port}`;
    const response = await call(headers, { method: 'settings.update', args: { theme: 'dark' } });
    expect(response.status).toBe(status);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code } });
    expect(services.settings.get()).toEqual(before);
  });

  it.each([
    ['invalid JSON', '{"method":', 400],
    ['an array body', '[1,2]', 400],
    ['an unknown method', { method: 'fs.readFile', args: { path: '/etc/passwd' } }, 404],
    ['bad arguments', { method: 'library.list', args: { collection: 1 } }, 400],
  ])('answers %s with a clear error', async (_case, body, status) => {
    const response = await call(good(), body);
    expect(response.status).toBe(status);
    const envelope = JSON.parse(response.body) as { ok: boolean; error: { message: string } };
    expect(envelope.ok).toBe(false);
    expect(envelope.error.message).not.toHaveLength(0);
  });

  it('requires JSON content so that a plain HTML form cannot post to it', async () => {
    const response = await call({ ...good(), 'Content-Type': 'text/plain' }, { method: 'app.info', args: {} });
    expect(response.status).toBe(400);
  });

  it('refuses an oversized call', async () => {
    const response = await call(good(), { method: 'app.info', args: { pad: 'x'.repeat(MAX_CALL_BYTES) } });
    expect(response.status).toBe(413);
  });

  it('carries a note at its size limit, in Arabic', async () => {
    const body = 'ملاحظة طويلة\n'.repeat(5_000_000 / 13);
    const response = await call(good(), { method: 'notes.create', args: { title: 'Long', body } });
    expect(response.status).toBe(200);
  });

  it('serves the renderer with a strict Content-Security-Policy', async () => {
    const response = await rawRequest(host.port, { headers: { Host: `localhost:${host.port}` } });
    expect(response.status).toBe(200);
    expect(response.body).toContain('<title>Fieldbook</title>');
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('does not serve the UI to a rebound hostname (DNS rebinding)', async () => {
    const response = await rawRequest(host.port, { headers: { Host: 'attacker.example' } });
    expect(response.status).toBe(403);
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00', '/assets%5c..%5c..%5csecret.txt'])('never serves a file outside the renderer: %s', async (urlPath) => {
    const response = await rawRequest(host.port, { path: urlPath, headers: { Host: `127.0.0.1:${host.port}` } });
    expect(response.body).not.toContain('outside the renderer');
    expect([400, 404]).toContain(response.status);
  });

  it('pushes contract events to an authorised stream', async () => {
    const controller = new AbortController();
    const response = await fetch(`http://127.0.0.1:${host.port}${API_EVENTS_PATH}`, { headers: { Authorization: `Bearer ${host.token}` }, signal: controller.signal });
    expect(response.status).toBe(200);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    await reader.read(); // the stream's opening newline: subscribed from here on
    const started = services.tasks.start('test', 'Counting', async ({ progress }) => {
      progress(1, 2);
      return 'finished';
    });
    await started.result;
    let text = '';
    while (!text.includes('"state":"done"')) text += (await reader.read()).value ?? '';
    const events = text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { event: string; payload: { taskId: string; state: string } });
    expect(events.every((event) => event.event === 'task.progress' && event.payload.taskId === started.taskId)).toBe(true);
    expect(events.map((event) => event.payload.state)).toContain('running');
    controller.abort();
  });

  describe('uploads for import', () => {
    const batch = '5b9d2c4e-8f1a-4e3b-9c7d-1a2b3c4d5e6f';
    const upload = (headers: Record<string, string>, query: string, body: string) => rawRequest(host.port, { method: 'POST', path: `${API_UPLOAD_PATH}?${query}`, headers, body });

    it('keeps an uploaded file in the notebook\'s batch folder', async () => {
      const response = await upload({ ...good(), 'Content-Type': 'application/octet-stream' }, `batch=${batch}&path=${encodeURIComponent('Folder/note.md')}`, '# Note');
      expect(JSON.parse(response.body)).toEqual({ ok: true, result: { batch } });
      expect(await readFile(path.join(services.current().uploads.batchDir(batch), 'Folder', 'note.md'), 'utf8')).toBe('# Note');
    });

    it('refuses an upload without the token, or with a path that leaves the batch', async () => {
      expect((await upload({ Host: `127.0.0.1:${host.port}` }, `batch=${batch}&path=a.txt`, 'x')).status).toBe(401);
      const escaping = await upload(good(), `batch=${batch}&path=${encodeURIComponent('../../notebook.json')}`, '{}');
      expect(escaping.status).toBe(400);
      expect(JSON.parse(escaping.body)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    });
  });

  it('does not open an event stream without the token', async () => {
    const response = await rawRequest(host.port, { path: API_EVENTS_PATH, headers: { Host: `127.0.0.1:${host.port}` } });
    expect(response.status).toBe(401);
  });
});
