import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, session } from 'electron';
import { createDispatcher } from '../../api/dispatcher';
import { createDownloads, createHandlers, createUpload } from '../../api/handlers';
import { builtRendererDir } from '../../app/paths';
import { createServices } from '../../app/services';
import { appEntryUrl, registerAppScheme, serveRenderer } from './app-protocol';
import { folderChooser } from './choose-folder';
import { connectIpc } from './ipc';
import { lockDownAllWebContents, lockDownSession } from './lockdown';
import { buildAppMenu } from './menu';
import { closeServicesOnQuit } from './quit';

// The Electron adapter: window, protocol, IPC and menu over the shared services. No logic of its own lives here.
registerAppScheme();
lockDownAllWebContents();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // DevTools are for development; a packaged build has none.
  const devTools = !app.isPackaged;
  let window: BrowserWindow | undefined;
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());

  app
    .whenReady()
    .then(async () => {
      // The session's guards and app:// go in place first, before anything can load.
      lockDownSession(session.defaultSession, { devTools });
      serveRenderer(builtRendererDir(__dirname));
      const dataDir = process.env.FIELDBOOK_HOME ? path.resolve(process.env.FIELDBOOK_HOME) : app.getPath('userData');
      const notebookDir = process.env.FIELDBOOK_NOTEBOOK ? path.resolve(process.env.FIELDBOOK_NOTEBOOK) : undefined;
      const services = await createServices({ host: 'electron', dataDir, ...(notebookDir ? { notebookDir } : {}) });
      closeServicesOnQuit(services);

      window = new BrowserWindow({
        width: 1280,
        height: 820,
        minWidth: 720,
        minHeight: 480,
        title: 'Fieldbook',
        show: false,
        webPreferences: {
          preload: path.join(__dirname, 'preload.cjs'),
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
          webSecurity: true,
          devTools,
          spellcheck: false,
        },
      });
      const shown = window;
      shown.once('ready-to-show', () => shown.show());
      const disconnect = connectIpc(shown, createDispatcher(createHandlers(services, { chooseFolder: folderChooser(shown) })), services.events, createUpload(services), createDownloads(services));
      shown.on('closed', () => {
        disconnect();
        window = undefined;
      });
      Menu.setApplicationMenu(buildAppMenu(shown, services, { devTools }));
      await shown.loadURL(appEntryUrl);
    })
    .catch((error: unknown) => {
      dialog.showErrorBox('Fieldbook could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}
