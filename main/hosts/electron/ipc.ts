import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_CALL_CHANNEL, IPC_DOWNLOAD_CHANNEL, IPC_EVENT_CHANNEL, IPC_UPLOAD_CHANNEL } from '../../../shared/api/bridge';
import type { ResponseEnvelope } from '../../../shared/api/errors';
import type { Dispatch, Upload } from '../../api/dispatcher';
import type { EventBus } from '../../bus/event-bus';
import type { Downloads } from '../../exchange/outgoing-files';
import { isAppUrl } from '../../security/url-policy';
import { saveDownload } from './save-download';

/**
 * Wire the contract to IPC. Only the app's own top frame in our window may
 * call: a frame that somehow loaded other content is refused, not trusted.
 */
export function connectIpc(window: BrowserWindow, dispatch: Dispatch, events: EventBus, upload: Upload, downloads: Downloads): () => void {
  const trusted = (event: IpcMainInvokeEvent) =>
    event.sender === window.webContents && event.senderFrame !== null && event.senderFrame === window.webContents.mainFrame && isAppUrl(event.senderFrame.url);

  ipcMain.handle(IPC_CALL_CHANNEL, async (event, method: unknown, args: unknown): Promise<ResponseEnvelope> => {
    if (!trusted(event)) return { ok: false, error: { code: 'FORBIDDEN', message: 'Calls are accepted only from the Fieldbook window.' } };
    return dispatch(method, args);
  });
  ipcMain.handle(IPC_UPLOAD_CHANNEL, async (event, batch: unknown, relativePath: unknown, data: unknown): Promise<ResponseEnvelope> => {
    if (!trusted(event)) return { ok: false, error: { code: 'FORBIDDEN', message: 'Uploads are accepted only from the Fieldbook window.' } };
    if (typeof batch !== 'string' || typeof relativePath !== 'string' || !(data instanceof Uint8Array)) {
      return { ok: false, error: { code: 'BAD_REQUEST', message: 'An upload needs a batch id, a relative path and the file bytes.' } };
    }
    return upload(batch, relativePath, data);
  });
  ipcMain.handle(IPC_DOWNLOAD_CHANNEL, async (event, id: unknown): Promise<ResponseEnvelope> => {
    if (!trusted(event)) return { ok: false, error: { code: 'FORBIDDEN', message: 'Downloads are handed only to the Fieldbook window.' } };
    if (typeof id !== 'string') return { ok: false, error: { code: 'BAD_REQUEST', message: 'A download needs its id.' } };
    return saveDownload(window, downloads(), id);
  });
  const unsubscribe = events.subscribe((event, payload) => {
    if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, { event, payload });
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(IPC_CALL_CHANNEL);
    ipcMain.removeHandler(IPC_UPLOAD_CHANNEL);
    ipcMain.removeHandler(IPC_DOWNLOAD_CHANNEL);
  };
}
