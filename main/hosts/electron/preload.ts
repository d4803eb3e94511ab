import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CALL_CHANNEL, IPC_DOWNLOAD_CHANNEL, IPC_EVENT_CHANNEL, IPC_UPLOAD_CHANNEL, type FieldbookBridge } from '../../../shared/api/bridge';
import type { EventEnvelope } from '../../../shared/api/contract';
import type { ResponseEnvelope } from '../../../shared/api/errors';

// Sandboxed preload: only these functions cross into the page, never ipcRenderer itself.
const bridge: FieldbookBridge = {
  call: (method, args) => ipcRenderer.invoke(IPC_CALL_CHANNEL, method, args) as Promise<ResponseEnvelope>,
  upload: async (batch, relativePath, data) =>
    ipcRenderer.invoke(IPC_UPLOAD_CHANNEL, batch, relativePath, new Uint8Array(data instanceof ArrayBuffer ? data : await data.arrayBuffer())) as Promise<ResponseEnvelope>,
  // The file name is for the browser's download; Electron's main process knows it already.
  download: (id) => ipcRenderer.invoke(IPC_DOWNLOAD_CHANNEL, id) as Promise<ResponseEnvelope>,
  onEvent(listener) {
    const forward = (_event: IpcRendererEvent, envelope: EventEnvelope) => listener(envelope);
    ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.off(IPC_EVENT_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld('fieldbookBridge', bridge);
