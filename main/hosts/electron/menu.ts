import { dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../../../shared/api/contract';
import { importExtensions, importFormatsLabel } from '../../../shared/model/import-formats';
import type { Services } from '../../app/services';
import { folderChooser } from './choose-folder';

/**
 * The application menu. Export and Merge open the renderer's dialogs, where the selection, passphrase and merge report are.
 * DevTools only when `devTools` (not packaged): in a packaged build they would let anyone at the keyboard script the notebook.
 */
export function buildAppMenu(window: BrowserWindow, services: Services, { devTools }: { devTools: boolean }): Menu {
  const command = (name: AppCommand) => () => services.events.emit('app.command', { command: name });
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: '&File',
      submenu: [
        { label: 'New Notebook…', accelerator: 'CmdOrCtrl+N', click: () => void chooseNotebook(window, services, true) },
        { label: 'Open Notebook…', accelerator: 'CmdOrCtrl+O', click: () => void chooseNotebook(window, services, false) },
        { type: 'separator' },
        { label: 'Import Files…', accelerator: 'CmdOrCtrl+I', click: () => void chooseImport(window, services, ['openFile', 'multiSelections']) },
        { label: 'Import Folder…', accelerator: 'CmdOrCtrl+Shift+I', click: () => void chooseImport(window, services, ['openDirectory', 'multiSelections']) },
        { label: 'Export Notebook…', accelerator: 'CmdOrCtrl+E', click: command('export-notebook') },
        { label: 'Merge a Notebook File…', accelerator: 'CmdOrCtrl+Shift+M', click: command('merge-notebook') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { label: 'Search', accelerator: 'CmdOrCtrl+K', click: command('focus-search') },
        { type: 'separator' },
        { label: 'Documents', accelerator: 'CmdOrCtrl+1', click: command('show-documents') },
        { label: 'Actors', accelerator: 'CmdOrCtrl+2', click: command('show-actors') },
        { label: 'Events', accelerator: 'CmdOrCtrl+3', click: command('show-events') },
        { label: 'Notes', accelerator: 'CmdOrCtrl+4', click: command('show-notes') },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' },
        // The role's default on Windows and Linux, Ctrl+Shift+I, is Import Folder's.
        ...(devTools ? [{ role: 'toggleDevTools', accelerator: isMac ? 'Alt+Command+I' : 'F12' } satisfies MenuItemConstructorOptions] : []),
      ],
    },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}

async function chooseImport(window: BrowserWindow, services: Services, properties: ('openFile' | 'openDirectory' | 'multiSelections')[]): Promise<void> {
  const choice = await dialog.showOpenDialog(window, {
    title: 'Import into this notebook',
    buttonLabel: 'Import',
    properties,
    filters: properties.includes('openFile') ? [{ name: importFormatsLabel, extensions: Object.keys(importExtensions).map((extension) => extension.slice(1)) }] : [],
  });
  if (choice.canceled || choice.filePaths.length === 0) return;
  // With no notebook open (the last one was locked at start) there is nowhere to import to: say so rather than fail unseen.
  try {
    services.startImport({ paths: choice.filePaths });
  } catch (error) {
    dialog.showErrorBox('Could not import', error instanceof Error ? error.message : String(error));
  }
}

async function chooseNotebook(window: BrowserWindow, services: Services, create: boolean): Promise<void> {
  const dir = await folderChooser(window)(create ? 'create' : 'open');
  if (!dir) return;
  try {
    await services.openNotebook(dir, { create });
  } catch (error) {
    dialog.showErrorBox(create ? 'Could not create the notebook' : 'Could not open the notebook', error instanceof Error ? error.message : String(error));
  }
}
