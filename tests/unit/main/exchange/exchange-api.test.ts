import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { methods } from '../../../../shared/api/contract';
import type { ResponseEnvelope } from '../../../../shared/api/errors';
import { EXCHANGE_UPLOAD_NAME } from '../../../../shared/exchange/transfer';
import { createDispatcher, type Dispatch } from '../../../../main/api/dispatcher';
import { createDownloads, createHandlers, createUpload } from '../../../../main/api/handlers';
import { createServices, type Services } from '../../../../main/app/services';
import { API_DOWNLOAD_PATH, startBrowserHost, type BrowserHost } from '../../../../main/hosts/browser-host/server';
import { safeFileName } from '../../../../main/exchange/outgoing-files';
import { makeTempDir } from '../../../support/temp-dir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let services: Services;
let dispatch: Dispatch;
let host: BrowserHost;

beforeEach(async () => {
  temp = await makeTempDir();
  services = await createServices({ host: 'browser', dataDir: path.join(temp.dir, 'data'), notebookDir: path.join(temp.dir, 'Field notes') });
  await services.settings.update({ authorName: 'Layla' });
  dispatch = createDispatcher(createHandlers(services), () => undefined);
  host = await startBrowserHost({ dispatch, upload: createUpload(services), downloads: createDownloads(services), events: services.events, rendererDir: path.join(temp.dir, 'none') });
});

afterEach(async () => {
  await host.close();
  await services.close();
  await temp.remove();
});

async function call(method: string, args: unknown): Promise<unknown> {
  const envelope = await dispatch(method, args);
  if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), envelope.error);
  return envelope.result;
}

async function populate(): Promise<{ highlightId: string }> {
  const document = methods['documents.create'].result.parse(await call('documents.create', { title: 'Brief', text: 'The militia leader met the prime minister. The group denied any role.' }));
  const highlight = methods['highlights.create'].result.parse(await call('highlights.create', { documentId: document.id, anchor: { quote: 'denied any role' }, color: 'yellow', comment: 'First reading.' }));
  return { highlightId: highlight.id };
}

function download(id: string): Promise<Response> {
  return fetch(`http://127.0.0.1:${host.port}${API_DOWNLOAD_PATH}?id=${id}`, { headers: { Authorization: `Bearer ${host.token}` } });
}

/** Export through the API and take the file from the browser host, as the UI does. */
async function exportFile(args: unknown): Promise<Uint8Array> {
  const outcome = methods['exchange.export'].result.parse(await call('exchange.export', args));
  const response = await download(outcome.download.id);
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

async function upload(bytes: Uint8Array): Promise<string> {
  const batch = crypto.randomUUID();
  const envelope: ResponseEnvelope = await createUpload(services)(batch, EXCHANGE_UPLOAD_NAME, bytes);
  expect(envelope.ok).toBe(true);
  return batch;
}

const comment = async () => methods['highlights.list'].result.parse(await call('highlights.list', {}))[0]?.comment;

describe('exchange over the API', () => {
  it('exports to a download the browser host hands over once, named after the notebook', async () => {
    await populate();
    const outcome = methods['exchange.export'].result.parse(await call('exchange.export', { passphrase: 'correct horse battery' }));
    expect(outcome).toMatchObject({ encrypted: true, selection: 'the whole notebook', counts: { documents: 1, highlights: 1 }, download: { fileName: 'Field notes.fieldbook' } });
    const first = await download(outcome.download.id);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''Field%20notes.fieldbook");
    expect(Buffer.from(await first.arrayBuffer()).subarray(0, 8).toString('ascii')).toBe('FBKCRYPT');
    const again = await download(outcome.download.id);
    expect(again.status).toBe(404);
    expect(await again.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringMatching(/export again/) } });
    // Removed once the response has gone out, which the client may see before the server does.
    await expect.poll(() => readdir(path.join(services.notebook().path, '.outgoing'))).toEqual([]);
  });

  it('refuses a download without the token', async () => {
    await populate();
    const outcome = methods['exchange.export'].result.parse(await call('exchange.export', {}));
    const response = await fetch(`http://127.0.0.1:${host.port}${API_DOWNLOAD_PATH}?id=${outcome.download.id}`);
    expect(response.status).toBe(401);
  });

  it('checks passphrases: too short to export with, missing or wrong to merge with, and the notebook stays as it was', async () => {
    await populate();
    await expect(call('exchange.export', { passphrase: 'short' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/at least 8 characters/) });
    const bytes = await exportFile({ passphrase: 'correct horse battery' });
    await call('notebook.create', { name: 'Team notebook' });
    const batch = await upload(bytes);
    await expect(call('exchange.merge', { batch })).rejects.toMatchObject({ code: 'PASSWORD_REQUIRED', message: expect.stringMatching(/encrypted/) });
    await expect(call('exchange.merge', { batch, passphrase: 'wrong horse battery', dryRun: false })).rejects.toMatchObject({ code: 'PASSWORD_INCORRECT', message: 'The passphrase is wrong for this file.' });
    expect(await call('documents.list', {})).toEqual([]);

    const preview = methods['exchange.merge'].result.parse(await call('exchange.merge', { batch, passphrase: 'correct horse battery' }));
    expect(preview).toMatchObject({ dryRun: true, file: { author: 'Layla', encrypted: true }, counts: { added: { documents: 1, highlights: 1 } } });
    expect(await call('documents.list', {})).toEqual([]);
    const applied = methods['exchange.merge'].result.parse(await call('exchange.merge', { batch, passphrase: 'correct horse battery', dryRun: false }));
    expect(applied.dryRun).toBe(false);
    expect(await comment()).toBe('First reading.');
    // An applied merge lets go of its upload.
    await expect(call('exchange.merge', { batch, passphrase: 'correct horse battery' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a file that is not a Fieldbook file, all or nothing', async () => {
    await populate();
    const before = await call('highlights.list', { includeDeleted: true });
    const batch = await upload(new TextEncoder().encode('PK\u0003\u0004 not really a zip'));
    await expect(call('exchange.merge', { batch, dryRun: false })).rejects.toMatchObject({ code: 'DAMAGED_FILE', message: expect.stringMatching(/Nothing was imported/) });
    expect(await call('highlights.list', { includeDeleted: true })).toEqual(before);
    expect(await call('exchange.discardUpload', { batch })).toEqual({ discarded: true });
  });

  it('keeps both versions of a comment changed on both sides, lists the conflict, and writes the version chosen', async () => {
    const { highlightId } = await populate();
    const bytes = await exportFile({});
    await call('highlights.update', { id: highlightId, patch: { comment: 'Second reading.' } });
    const report = methods['exchange.merge'].result.parse(await call('exchange.merge', { batch: await upload(bytes), dryRun: false }));
    expect(report.conflicts).toEqual([expect.objectContaining({ type: 'highlights', id: highlightId, reason: 'kept-both-versions', fields: ['comment'] })]);
    expect(await comment()).toMatch(/^Second reading\.[\s\S]*First reading\.$/);

    const open = methods['exchange.conflicts'].result.parse(await call('exchange.conflicts', {}));
    expect(open).toEqual([
      expect.objectContaining({
        type: 'highlights',
        id: highlightId,
        field: 'comment',
        fileAuthor: 'Layla',
        notebook: expect.objectContaining({ text: 'Second reading.' }),
        file: expect.objectContaining({ text: 'First reading.' }),
      }),
    ]);
    expect(await call('exchange.resolveConflict', { type: 'highlights', id: highlightId, keep: 'file' })).toEqual([]);
    expect(await comment()).toBe('First reading.');
    await expect(call('exchange.resolveConflict', { type: 'highlights', id: highlightId, keep: 'file' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps both versions as merged when the person says so', async () => {
    const { highlightId } = await populate();
    const bytes = await exportFile({});
    await call('highlights.update', { id: highlightId, patch: { comment: 'Second reading.' } });
    const batch = await upload(bytes);
    // A dry run reports the conflict but records none.
    expect(methods['exchange.merge'].result.parse(await call('exchange.merge', { batch })).conflicts).toHaveLength(1);
    expect(await call('exchange.conflicts', {})).toEqual([]);
    await call('exchange.merge', { batch, dryRun: false });
    const merged = await comment();
    expect(await call('exchange.resolveConflict', { type: 'highlights', id: highlightId, keep: 'both' })).toEqual([]);
    expect(await comment()).toBe(merged);
  });

  it('exports for other tools: Web Annotations, events CSV and a Markdown report, each as a download', async () => {
    await populate();
    const document = methods['documents.list'].result.parse(await call('documents.list', {}))[0];
    const w3c = methods['exchange.exportAnnotations'].result.parse(await call('exchange.exportAnnotations', { format: 'w3c' }));
    expect(w3c.fileName).toBe('Field notes.annotations.jsonld');
    expect(JSON.parse(await (await download(w3c.id)).text())).toMatchObject({ type: 'AnnotationCollection' });
    const csv = methods['exchange.exportAnnotations'].result.parse(await call('exchange.exportAnnotations', { format: 'events-csv', selection: {} }));
    expect((await (await download(csv.id)).text()).split('\n')[0]).toMatch(/^event_id,event_date/);
    const markdown = methods['exchange.exportAnnotations'].result.parse(await call('exchange.exportAnnotations', { format: 'markdown', subject: { kind: 'document', id: document?.id } }));
    expect(markdown.fileName).toBe('Field notes.md');
    expect(await (await download(markdown.id)).text()).toContain('denied any role');
    await expect(call('exchange.exportAnnotations', { format: 'markdown', selection: {} })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('file names of downloads', () => {
  it.each([
    ['Field notes', 'Field notes'],
    ['../../etc/passwd', 'etc passwd'],
    ['a/b\\c:d', 'a b c d'],
    ['دفتر بغداد', 'دفتر بغداد'],
    ['...', 'Fieldbook export'],
    ['', 'Fieldbook export'],
  ])('%j becomes %j', (name, expected) => {
    expect(safeFileName(name)).toBe(expected);
  });
});
