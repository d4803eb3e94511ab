import { EventEnvelope } from '../../../shared/api/contract';
import type { FieldbookBridge } from '../../../shared/api/bridge';
import { ResponseEnvelope } from '../../../shared/api/errors';

const CALL_PATH = '/api/v1/call';
const EVENTS_PATH = '/api/v1/events';
const UPLOAD_PATH = '/api/v1/upload';
const DOWNLOAD_PATH = '/api/v1/download';
const TOKEN_KEY = 'fieldbook.token';

/**
 * The browser host's token arrives in the URL fragment once; keep it for this
 * tab only and take it out of the address bar so it is not bookmarked or shared.
 */
export function takeAccessToken(): string | undefined {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromHash;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
}

/** The browser host's transport, shaped like the Electron preload's bridge. */
export function createHttpBridge(token: string): FieldbookBridge {
  const headers = { Authorization: `Bearer ${token}` };
  const listeners = new Set<(envelope: EventEnvelope) => void>();
  let streaming = false;

  async function stream(): Promise<void> {
    let delay = 500;
    while (listeners.size > 0) {
      try {
        const response = await fetch(EVENTS_PATH, { headers, cache: 'no-store' });
        if (!response.ok || !response.body) throw new Error(`events: HTTP ${response.status}`);
        delay = 500;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffered = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffered += value;
          const lines = buffered.split('\n');
          buffered = lines.pop() ?? '';
          for (const line of lines) dispatchLine(line);
        }
      } catch {
        // The host restarted or the machine slept: try again, more slowly each time.
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 10_000);
    }
    streaming = false;
  }

  function dispatchLine(line: string): void {
    if (!line.trim()) return;
    try {
      const parsed = EventEnvelope.safeParse(JSON.parse(line));
      if (parsed.success) for (const listener of listeners) listener(parsed.data);
    } catch {
      // A line we cannot read is dropped; the next ones still arrive.
    }
  }

  async function post(url: string, contentType: string, body: BodyInit): Promise<ResponseEnvelope> {
    let response: Response;
    try {
      response = await fetch(url, { method: 'POST', headers: { ...headers, 'Content-Type': contentType }, body, cache: 'no-store' });
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: 'Fieldbook is not reachable. Is the "fieldbook serve" process still running?' } };
    }
    const parsed = ResponseEnvelope.safeParse(await response.json().catch(() => undefined));
    return parsed.success ? parsed.data : { ok: false, error: { code: 'INTERNAL', message: `Unexpected answer from Fieldbook (HTTP ${response.status}).` } };
  }

  /** Fetch the prepared file (the token rides in a header, which a plain link cannot send) and give it to the browser's downloads. */
  async function download(id: string, fileName: string): Promise<ResponseEnvelope> {
    let response: Response;
    try {
      response = await fetch(`${DOWNLOAD_PATH}?${new URLSearchParams({ id }).toString()}`, { headers, cache: 'no-store' });
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: 'Fieldbook is not reachable. Is the "fieldbook serve" process still running?' } };
    }
    if (!response.ok) {
      const parsed = ResponseEnvelope.safeParse(await response.json().catch(() => undefined));
      return parsed.success ? parsed.data : { ok: false, error: { code: 'INTERNAL', message: `Unexpected answer from Fieldbook (HTTP ${response.status}).` } };
    }
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
    // The browser has started its download from the object URL by the time the click returns; give it a moment before letting go.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return { ok: true, result: { saved: true } };
  }

  return {
    download,
    call: (method, args) => post(CALL_PATH, 'application/json', JSON.stringify({ method, args })),
    upload: (batch, relativePath, data) => post(`${UPLOAD_PATH}?${new URLSearchParams({ batch, path: relativePath }).toString()}`, 'application/octet-stream', data),
    onEvent(listener) {
      listeners.add(listener);
      if (!streaming) {
        streaming = true;
        void stream();
      }
      return () => listeners.delete(listener);
    },
  };
}
