import type { EventEnvelope } from './contract';
import type { ResponseEnvelope } from './errors';

/** IPC channel names shared by Electron's main process and its preload. */
export const IPC_CALL_CHANNEL = 'fieldbook:call';
export const IPC_EVENT_CHANNEL = 'fieldbook:event';
export const IPC_UPLOAD_CHANNEL = 'fieldbook:upload';
export const IPC_DOWNLOAD_CHANNEL = 'fieldbook:download';

/**
 * What the sandboxed preload exposes on `window.fieldbookBridge`: raw
 * envelopes only. The renderer's client adds the types and error handling,
 * the same way for IPC and for HTTP.
 */
export interface FieldbookBridge {
  call(method: string, args: unknown): Promise<ResponseEnvelope>;
  onEvent(listener: (envelope: EventEnvelope) => void): () => void;
  /**
   * Hand a file over for import: into upload batch `batch`, at `relativePath` (a dropped folder keeps its layout).
   * Electron's contextBridge cannot carry a Blob, so that bridge takes the bytes; HTTP streams the Blob.
   */
  upload(batch: string, relativePath: string, data: Blob | ArrayBuffer): Promise<ResponseEnvelope>;
  /**
   * Hand over a file main prepared (an export), by its download id; the result is a DownloadOutcome.
   * Electron asks where to save it and moves it there; HTTP fetches it and gives it to the browser's downloads.
   */
  download(id: string, fileName: string): Promise<ResponseEnvelope>;
}

/** Electron serves the app from app://fieldbook/, never file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'fieldbook';
