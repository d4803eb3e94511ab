import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, type ResponseEnvelope } from '../../../shared/api/errors';
import type { Dispatch, Upload } from '../../api/dispatcher';
import type { EventBus } from '../../bus/event-bus';
import { handOver, type Downloads } from '../../exchange/outgoing-files';
import { securityHeaders } from '../../security/content-security-policy';
import { readStaticFile } from '../../security/static-files';
import { checkApiCaller, checkHost, type GuardedRequest } from './request-guard';

export const API_CALL_PATH = '/api/v1/call';
export const API_EVENTS_PATH = '/api/v1/events';
export const API_UPLOAD_PATH = '/api/v1/upload';
export const API_DOWNLOAD_PATH = '/api/v1/download';
/**
 * The largest call is saving a note at its limit (5,000,000 characters: up to
 * about 15 MB as JSON, Arabic taking two bytes a character and escapes more);
 * nothing else comes near it. Files travel by upload, not by call.
 */
export const MAX_CALL_BYTES = 32 * 1024 * 1024;
const KEEPALIVE_MS = 15_000;

export interface BrowserHostOptions {
  dispatch: Dispatch;
  upload: Upload;
  /** Files main prepared for the person (exports), handed over once each; a host without them serves none. */
  downloads?: Downloads;
  events: EventBus;
  /** Folder of the built renderer (index.html and assets). */
  rendererDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Fixed only by tests; otherwise a fresh random secret per start. */
  token?: string;
}

export interface BrowserHost {
  readonly port: number;
  readonly token: string;
  /** The address to open: the token rides in the fragment, so it never reaches a log or a Referer. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The browser host: the app's UI and API over HTTP on 127.0.0.1 only. It is
 * the same contract as Electron's IPC, for machines without Electron and for
 * the end-to-end tests.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  let port = 0;
  const streams = new Set<ServerResponse>();

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('Browser host request failed', error);
      if (!response.headersSent) sendEnvelope(response, 500, { ok: false, error: { code: 'INTERNAL', message: 'Internal error' } });
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const guarded = guardedRequest(request);
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    try {
      checkHost(guarded, port);
      if (url.pathname.startsWith('/api/')) {
        checkApiCaller(guarded, port, token);
        if (url.pathname === API_CALL_PATH && request.method === 'POST') return await answerCall(request, response);
        if (url.pathname === API_EVENTS_PATH && request.method === 'GET') return streamEvents(request, response);
        if (url.pathname === API_UPLOAD_PATH && request.method === 'POST') return await answerUpload(request, response, url);
        if (url.pathname === API_DOWNLOAD_PATH && request.method === 'GET') return await sendDownload(response, url);
        throw new ApiError('NOT_FOUND', `No API endpoint ${request.method ?? ''} ${url.pathname}.`);
      }
    } catch (error) {
      if (error instanceof ApiError) return sendEnvelope(response, statusOf(error), { ok: false, error: error.toShape() });
      throw error;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD', ...securityHeaders }).end();
      return;
    }
    const file = await readStaticFile(options.rendererDir, url.pathname);
    if (file.status !== 200) {
      response.writeHead(file.status, { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders }).end(file.message);
      return;
    }
    response.writeHead(200, { 'Content-Type': file.contentType, 'Cache-Control': 'no-store', ...securityHeaders });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  async function answerCall(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
      throw new ApiError('BAD_REQUEST', 'API calls must be sent as application/json.');
    }
    const body = await readBody(request, MAX_CALL_BYTES);
    let call: unknown;
    try {
      call = JSON.parse(body);
    } catch {
      throw new ApiError('BAD_REQUEST', 'The request body is not valid JSON.');
    }
    if (typeof call !== 'object' || call === null || Array.isArray(call)) {
      throw new ApiError('BAD_REQUEST', 'The request body must be an object {"method": ..., "args": ...}.');
    }
    const { method, args } = call as { method?: unknown; args?: unknown };
    const envelope = await options.dispatch(method, args);
    sendEnvelope(response, envelope.ok ? 200 : statusOf(ApiError.fromShape(envelope.error)), envelope);
  }

  async function answerUpload(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    // The body is the file itself, streamed to disk: uploads may be far larger than an API call.
    const envelope = await options.upload(url.searchParams.get('batch') ?? '', url.searchParams.get('path') ?? '', request);
    if (!envelope.ok) request.resume();
    sendEnvelope(response, envelope.ok ? 200 : statusOf(ApiError.fromShape(envelope.error)), envelope);
  }

  async function sendDownload(response: ServerResponse, url: URL): Promise<void> {
    if (!options.downloads) throw new ApiError('NOT_FOUND', 'This host hands over no files.');
    const file = await options.downloads().claim(url.searchParams.get('id') ?? '');
    try {
      response.writeHead(200, {
        'Content-Type': 'application/octet-stream',
        'Content-Length': String(file.size),
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        'Cache-Control': 'no-store',
        ...securityHeaders,
      });
    } catch (error) {
      await file.release();
      throw error;
    }
    await handOver(file, response);
  }

  function streamEvents(request: IncomingMessage, response: ServerResponse): void {
    // Newline-delimited JSON over a long response: fetch() can send the token header, EventSource cannot.
    response.writeHead(200, { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store', ...securityHeaders });
    response.write('\n');
    streams.add(response);
    const unsubscribe = options.events.subscribe((event, payload) => {
      response.write(`${JSON.stringify({ event, payload })}\n`);
    });
    const keepalive = setInterval(() => response.write('\n'), KEEPALIVE_MS);
    const stop = () => {
      clearInterval(keepalive);
      unsubscribe();
      streams.delete(response);
    };
    request.on('close', stop);
    response.on('close', stop);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const stream of streams) stream.end();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function guardedRequest(request: IncomingMessage): GuardedRequest {
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  return { host: header('host'), origin: header('origin'), secFetchSite: header('sec-fetch-site'), authorization: header('authorization') };
}

function statusOf(error: ApiError): number {
  switch (error.code) {
    case 'BAD_REQUEST':
      return 400;
    case 'UNAUTHORIZED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
    case 'UNKNOWN_METHOD':
      return 404;
    case 'CONFLICT':
    case 'NOTEBOOK_LOCKED':
    case 'NO_NOTEBOOK':
      return 409;
    case 'UNAVAILABLE':
      return 501;
    case 'PAYLOAD_TOO_LARGE':
    case 'FILE_TOO_LARGE':
      return 413;
    case 'INTERNAL':
      return 500;
    default:
      return 422;
  }
}

function sendEnvelope(response: ServerResponse, status: number, envelope: ResponseEnvelope): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...securityHeaders });
  response.end(JSON.stringify(envelope));
}

function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // An oversized body is read to its end and discarded, so the client gets the 413 instead of a reset connection.
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    request.on('end', () => {
      if (size > limit) reject(new ApiError('PAYLOAD_TOO_LARGE', `API calls are limited to ${limit} bytes.`));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', reject);
  });
}
