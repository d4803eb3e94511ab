import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/api/bridge';
import type { ResponseEnvelope } from '../../shared/api/errors';
import type { Dispatch } from '../api/dispatcher';
import type { EventBus } from '../events/event-bus';
import { isAppUrl } from '../security/url-policy';

/**
 * Wire the contract to IPC. Only the app's own top frame in our window may
 * call: a frame that somehow loaded other content is refused, not trusted.
 */
export function connectIpc(window: BrowserWindow, dispatch: Dispatch, events: EventBus): () => void {
  const trusted = (event: IpcMainInvokeEvent) =>
    event.sender === window.webContents && event.senderFrame !== null && event.senderFrame === window.webContents.mainFrame && isAppUrl(event.senderFrame.url);

  ipcMain.handle(IPC_CALL_CHANNEL, async (event, method: unknown, args: unknown): Promise<ResponseEnvelope> => {
    if (!trusted(event)) return { ok: false, error: { code: 'FORBIDDEN', message: 'Calls are accepted only from the Fieldbook window.' } };
    return dispatch(method, args);
  });
  const unsubscribe = events.subscribe((event, payload) => {
    if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, { event, payload });
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(IPC_CALL_CHANNEL);
  };
}
