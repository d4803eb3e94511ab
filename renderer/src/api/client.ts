import type { FieldbookBridge } from '../../../shared/api/bridge';
import { events, methods, type EventName, type FieldbookApi } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import { DownloadOutcome } from '../../../shared/exchange/transfer';
import { createHttpBridge, takeAccessToken } from './http-bridge';

declare global {
  interface Window {
    fieldbookBridge?: FieldbookBridge;
  }
}

/** The typed API over whichever bridge this page has: Electron's preload, or HTTP to the browser host. */
export function connectApi(): FieldbookApi {
  if (window.fieldbookBridge) return typedApi(window.fieldbookBridge, { sendBytes: true });
  const token = takeAccessToken();
  if (!token) throw new ApiError('UNAUTHORIZED', 'This page was opened without its access token. Open the full address that "fieldbook serve" printed.');
  return typedApi(createHttpBridge(token), { sendBytes: false });
}

/** `sendBytes`: the bridge cannot carry a Blob (Electron's contextBridge), so files are read into memory first. */
export function typedApi(bridge: FieldbookBridge, options: { sendBytes: boolean }): FieldbookApi {
  return {
    async call(method, args) {
      const envelope = await bridge.call(method, args);
      if (!envelope.ok) throw ApiError.fromShape(envelope.error);
      return methods[method].result.parse(envelope.result) as never;
    },
    async upload(batch, relativePath, data) {
      const envelope = await bridge.upload(batch, relativePath, options.sendBytes ? await data.arrayBuffer() : data);
      if (!envelope.ok) throw ApiError.fromShape(envelope.error);
    },
    async download({ id, fileName }) {
      const envelope = await bridge.download(id, fileName);
      if (!envelope.ok) throw ApiError.fromShape(envelope.error);
      return DownloadOutcome.parse(envelope.result);
    },
    on(event, listener) {
      return bridge.onEvent((envelope) => {
        if (envelope.event !== event) return;
        const parsed = events[event as EventName].safeParse(envelope.payload);
        if (parsed.success) listener(parsed.data as never);
      });
    },
  };
}
