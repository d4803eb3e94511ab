import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../support/temp-dir';
import type { MenuItemSeen } from './electron-double';
import { quitApp, runMain } from './run-main';

type Platform = 'darwin' | 'win32' | 'linux';

/**
 * What a role brings when the template gives no accelerator or submenu: the
 * defaults of Electron's lib/browser/api/menu-item-roles.ts (Electron 45),
 * for the roles that have any. Roles are matched without case, as Electron does.
 */
function roleDefaults(platform: Platform): { accelerators: Record<string, string | undefined>; submenus: Record<string, MenuItemSeen[]> } {
  const mac = platform === 'darwin';
  const windows = platform === 'win32';
  const roles = (...names: string[]) => names.map((role) => ({ role }));
  return {
    accelerators: {
      close: 'CommandOrControl+W',
      copy: 'CommandOrControl+C',
      cut: 'CommandOrControl+X',
      forcereload: 'Shift+CmdOrCtrl+R',
      hide: 'Command+H',
      hideothers: 'Command+Alt+H',
      minimize: 'CommandOrControl+M',
      paste: 'CommandOrControl+V',
      pasteandmatchstyle: mac ? 'Cmd+Option+Shift+V' : 'Shift+CommandOrControl+V',
      quit: windows ? undefined : 'CommandOrControl+Q',
      redo: windows ? 'Control+Y' : 'Shift+CommandOrControl+Z',
      reload: 'CmdOrCtrl+R',
      resetzoom: 'CommandOrControl+0',
      selectall: 'CommandOrControl+A',
      toggledevtools: mac ? 'Alt+Command+I' : 'Ctrl+Shift+I',
      togglefullscreen: mac ? 'Control+Command+F' : 'F11',
      undo: 'CommandOrControl+Z',
      zoomin: 'CommandOrControl+Plus',
      zoomout: 'CommandOrControl+-',
    },
    submenus: {
      appmenu: roles('about', 'services', 'hide', 'hideOthers', 'unhide', 'quit'),
      filemenu: roles(mac ? 'close' : 'quit'),
      editmenu: roles('undo', 'redo', 'cut', 'copy', 'paste', ...(mac ? ['pasteAndMatchStyle', 'delete', 'selectAll', 'showSubstitutions', 'toggleSmartQuotes', 'toggleSmartDashes', 'toggleTextReplacement', 'startSpeaking', 'stopSpeaking'] : ['delete', 'selectAll'])),
      viewmenu: roles('reload', 'forceReload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen'),
      windowmenu: roles('minimize', 'zoom', mac ? 'front' : 'close'),
    },
  };
}

/** One spelling per key combination: CmdOrCtrl is Cmd on macOS and Ctrl elsewhere; modifiers in a fixed order. */
function normalise(accelerator: string, platform: Platform): string {
  const order = ['Cmd', 'Ctrl', 'Alt', 'Shift', 'Super'];
  const names: Record<string, string> = { cmdorctrl: platform === 'darwin' ? 'Cmd' : 'Ctrl', commandorcontrol: platform === 'darwin' ? 'Cmd' : 'Ctrl', command: 'Cmd', cmd: 'Cmd', control: 'Ctrl', ctrl: 'Ctrl', alt: 'Alt', option: 'Alt', altgr: 'AltGr', shift: 'Shift', super: 'Super', meta: 'Super' };
  const parts = accelerator.split('+').map((part) => names[part.toLowerCase()] ?? part.toUpperCase());
  const key = parts.pop();
  return [...parts.sort((a, b) => order.indexOf(a) - order.indexOf(b)), key].join('+');
}

/** Every item's effective accelerator, with roles expanded to their default submenus and accelerators. */
function acceleratorClashes(template: MenuItemSeen[], platform: Platform): string[] {
  const defaults = roleDefaults(platform);
  const owners = new Map<string, string[]>();
  const visit = (items: MenuItemSeen[]) => {
    for (const item of items) {
      const role = item.role?.toLowerCase();
      const accelerator = item.accelerator ?? (role ? defaults.accelerators[role] : undefined);
      if (accelerator) {
        const combination = normalise(accelerator, platform);
        owners.set(combination, [...(owners.get(combination) ?? []), item.label ?? item.role ?? '?']);
      }
      visit(item.submenu ?? (role ? (defaults.submenus[role] ?? []) : []));
    }
  };
  visit(template);
  return [...owners].filter(([, items]) => items.length > 1).map(([combination, items]) => `${combination}: ${items.join(', ')}`);
}

describe('the application menu', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it.each(['linux', 'win32', 'darwin'] as const)('gives no two items the same accelerator, counting roles, with DevTools in the menu, on %s', async (platform) => {
    const temp = await makeTempDir('fieldbook-menu-');
    const { electron } = runMain({ home: path.join(temp.dir, 'home'), notebook: path.join(temp.dir, 'notebook'), platform, isPackaged: false });
    cleanups.push(async () => {
      await quitApp(electron);
      await temp.remove();
    });
    electron.becomeReady();
    await electron.loaded;
    const template = electron.applicationMenu();
    if (!template) throw new Error('No application menu');
    expect(JSON.stringify(template)).toMatch(/toggleDevTools/i);
    expect(acceleratorClashes(template, platform)).toEqual([]);
  });

  it('counts a role default as taken (the check is not vacuous)', () => {
    const template = [{ label: 'File', submenu: [{ label: 'Import Folder…', accelerator: 'CmdOrCtrl+Shift+I' }] }, { role: 'viewMenu' }];
    expect(acceleratorClashes(template, 'linux')).toEqual(['Ctrl+Shift+I: Import Folder…, toggleDevTools']);
    expect(acceleratorClashes(template, 'darwin')).toEqual([]);
  });
});
