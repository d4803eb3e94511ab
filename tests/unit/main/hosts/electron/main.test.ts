import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { IPC_CALL_CHANNEL, IPC_DOWNLOAD_CHANNEL, IPC_UPLOAD_CHANNEL } from '../../../../../shared/api/bridge';
import type { ResponseEnvelope } from '../../../../../shared/api/errors';
import { contentSecurityPolicy } from '../../../../../main/security/content-security-policy';
import { NotebookStore } from '../../../../../main/notebook/notebook-store';
import { RecentNotebooks } from '../../../../../main/notebook/recent-notebooks';
import { LOCK_FILE } from '../../../../../main/notebook/storage/notebook-lock';
import { makeTempDir } from '../../../../support/temp-dir';
import { repoRoot } from './built-bundle';
import { electronEvent, WebContentsDouble, type BrowserWindowDouble, type ElectronDouble, type MenuItemSeen } from './electron-double';
import { quitApp, runMain, type MainOptions, type MainRun } from './run-main';

const APP_PAGE = 'app://fieldbook/index.html';

interface Started extends MainRun {
  home: string;
  notebook: string;
  /** The window, once loaded; undefined when the process ended first. */
  window: BrowserWindowDouble | undefined;
}

const cleanups: (() => Promise<void>)[] = [];

/** Start the built main in fresh data and notebook folders; wait until its window loads or the process ends. */
async function start(options: Partial<MainOptions> & { ownNotebook?: boolean } = {}): Promise<Started> {
  const temp = await makeTempDir('fieldbook-electron-');
  const home = path.join(temp.dir, 'home');
  const notebook = path.join(temp.dir, 'notebook');
  const run = runMain({ home, ...(options.ownNotebook === false ? {} : { notebook }), ...options });
  cleanups.push(async () => {
    await quitApp(run.electron);
    await temp.remove();
  });
  run.electron.becomeReady();
  const window = await Promise.race([run.electron.loaded, run.electron.ended.then(() => undefined)]);
  return { ...run, home, notebook, window };
}

async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}

function loadedWindow(started: Started): BrowserWindowDouble {
  if (!started.window) throw new Error(`The app ended instead of opening its window: ${JSON.stringify(started.electron.errorBoxes)}`);
  return started.window;
}

function beforeRequest(electron: ElectronDouble, url: string): { cancel?: boolean } {
  const listener = electron.defaultSession.beforeRequest;
  if (!listener) throw new Error('No onBeforeRequest listener');
  let answer: { cancel?: boolean } | undefined;
  listener({ url }, (response) => {
    answer = response;
  });
  if (!answer) throw new Error(`No answer for ${url}`);
  return answer;
}

function menuItems(items: MenuItemSeen[] | undefined): MenuItemSeen[] {
  return (items ?? []).flatMap((item) => [item, ...menuItems(item.submenu)]);
}

async function invoke(electron: ElectronDouble, channel: string, event: { sender: WebContentsDouble; senderFrame: { url: string } | null }, ...args: unknown[]): Promise<ResponseEnvelope> {
  const handler = electron.ipcHandlers.get(channel);
  if (!handler) throw new Error(`No handler on ${channel}`);
  return (await handler(event, ...args)) as ResponseEnvelope;
}

/** Another Fieldbook holding `notebook`: the built command line's browser host, alive until stopped. */
async function serveInAnotherFieldbook(notebook: string, home: string): Promise<{ pid: number; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'dist', 'cli', 'fieldbook.mjs'), 'serve', '--notebook', notebook, '--json'], {
    env: { ...process.env, FIELDBOOK_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // It prints its address once it has opened (and locked) the notebook.
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    void exited.then(() => reject(new Error(`fieldbook serve ended: ${stderr}`)));
  });
  return {
    pid: child.pid ?? -1,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

describe('the built Electron main process, packaged', () => {
  let app: Started;
  let window: BrowserWindowDouble;

  beforeAll(async () => {
    app = await start({ isPackaged: true });
    window = loadedWindow(app);
  });
  afterAll(cleanUp);

  it('opens its window with context isolation', () => {
    expect(window.options.webPreferences?.contextIsolation).toBe(true);
  });

  it('opens its window sandboxed', () => {
    expect(window.options.webPreferences?.sandbox).toBe(true);
  });

  it('opens its window without Node integration', () => {
    expect(window.options.webPreferences?.nodeIntegration).toBe(false);
    expect(window.options.webPreferences?.nodeIntegrationInSubFrames).not.toBe(true);
    expect(window.options.webPreferences?.nodeIntegrationInWorker).not.toBe(true);
  });

  it('opens its window with web security on', () => {
    expect(window.options.webPreferences?.webSecurity).toBe(true);
    expect(window.options.webPreferences?.allowRunningInsecureContent).not.toBe(true);
  });

  it('gives the window the built preload beside the bundle', () => {
    expect(window.options.webPreferences?.preload).toBe(path.join(app.bundleDir, 'preload.cjs'));
    expect(existsSync(path.join(app.bundleDir, 'preload.cjs'))).toBe(true);
  });

  it('serves the app from its own privileged scheme, registered before ready, and never loads file://', () => {
    expect(app.electron.privilegedSchemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(app.electron.log.indexOf('protocol.registerSchemesAsPrivileged')).toBeLessThan(app.electron.log.indexOf('app.ready'));
    expect([...app.electron.protocolHandlers.keys()]).toEqual(['app']);
    expect(window.loadedUrls).toEqual([APP_PAGE]);
    expect(beforeRequest(app.electron, `file://${path.join(app.bundleDir, '..', 'renderer', 'index.html')}`)).toEqual({ cancel: true });
  });

  it.each([
    ['the page', APP_PAGE, 200],
    ['the root', 'app://fieldbook/', 200],
    ['a missing file', 'app://fieldbook/missing.js', 404],
    ['a traversal with encoded slashes', 'app://fieldbook/..%2f..%2fpackage.json', 404],
    ['a traversal with dots', 'app://fieldbook/../../../package.json', 404],
    ['a malformed path', 'app://fieldbook/%E0%A4%A', 400],
    ['another host', 'app://elsewhere/index.html', 404],
  ])('sends the content security policy with every app:// response: %s', async (_name, url, status) => {
    const handler = app.electron.protocolHandlers.get('app');
    if (!handler) throw new Error('No app:// handler');
    const response = await handler(new Request(url));
    expect(response.status).toBe(status);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    if (status !== 200) expect(await response.text()).not.toContain('"name": "fieldbook"');
  });

  describe.each([
    ['the window', () => window.webContents],
    [
      'any other web contents',
      () => {
        const contents = new WebContentsDouble();
        app.electron.app.emit('web-contents-created', electronEvent({}), contents);
        return contents;
      },
    ],
  ])('in %s', (_name, contentsOf) => {
    // Handlers get Electron's details object only: the positional url argument is deprecated since Electron 45.
    it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('blocks %s away from the app, allows it within', (eventName) => {
      const contents = contentsOf();
      for (const [url, blocked] of [
        ['https://example.com/', true],
        ['http://127.0.0.1:8080/', true],
        ['file:///etc/passwd', true],
        ['app://elsewhere/index.html', true],
        ['app://fieldbook/index.html#/documents', false],
      ] as const) {
        const event = electronEvent({ url, isSameDocument: false, isMainFrame: true, frame: null });
        contents.emit(eventName, event);
        expect({ url, blocked: event.defaultPrevented }).toEqual({ url, blocked });
      }
    });

    it('denies window.open', () => {
      const contents = contentsOf();
      for (const url of ['https://example.com/', APP_PAGE, 'about:blank']) expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    });

    it('refuses to attach a <webview>', () => {
      const event = electronEvent({});
      contentsOf().emit('will-attach-webview', event, { preload: '/tmp/x.js' }, { src: 'https://example.com/' });
      expect(event.defaultPrevented).toBe(true);
    });
  });

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'fullscreen', 'openExternal', 'pointerLock', 'midi', 'hid', 'serial', 'usb', 'display-capture'])(
    'denies every permission request and check: %s',
    (permission) => {
      const { permissionRequest, permissionCheck, devicePermission } = app.electron.defaultSession;
      const answers: boolean[] = [];
      permissionRequest?.(window.webContents, permission, (granted) => answers.push(granted), { requestingUrl: APP_PAGE });
      expect(answers).toEqual([false]);
      expect(permissionCheck?.(window.webContents, permission, 'app://fieldbook', { requestingUrl: APP_PAGE })).toBe(false);
      expect(devicePermission?.({ deviceType: permission, origin: 'app://fieldbook' })).toBe(false);
    },
  );

  it.each([
    'http://example.com/',
    'https://example.com/tracker.js',
    'http://127.0.0.1:8080/api',
    'file:///etc/passwd',
    'ws://localhost:9229/',
    'wss://example.com/socket',
    'ftp://example.com/x',
    'devtools://devtools/bundled/devtools_app.html',
    'app://elsewhere/index.html',
    'blob:https://example.com/1',
  ])('cancels every request that is not the app: %s', (url) => {
    expect(beforeRequest(app.electron, url)).toEqual({ cancel: true });
  });

  it.each([APP_PAGE, 'app://fieldbook/assets/index.js', 'data:image/png;base64,AAAA', 'blob:app://fieldbook/1234'])('lets the app load itself: %s', (url) => {
    expect(beforeRequest(app.electron, url)).toEqual({ cancel: false });
  });

  it('answers calls from the app page in its own window', async () => {
    const answer = await invoke(app.electron, IPC_CALL_CHANNEL, { sender: window.webContents, senderFrame: window.webContents.mainFrame }, 'app.info', {});
    expect(answer).toMatchObject({ ok: true, result: { name: 'Fieldbook', host: 'electron' } });
  });

  it.each([
    ['another web contents', () => ({ sender: new WebContentsDouble(), senderFrame: { url: APP_PAGE } })],
    ['a subframe of the window', () => ({ sender: window.webContents, senderFrame: { url: APP_PAGE } })],
    ['a frame already gone', () => ({ sender: window.webContents, senderFrame: null })],
  ])('refuses IPC from %s', async (_name, eventOf) => {
    for (const [channel, args] of [
      [IPC_CALL_CHANNEL, ['app.info', {}]],
      [IPC_UPLOAD_CHANNEL, ['batch', 'a.txt', new Uint8Array([1])]],
      [IPC_DOWNLOAD_CHANNEL, ['download-1']],
    ] as const) {
      expect(await invoke(app.electron, channel, eventOf(), ...args)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('refuses IPC from its own window once it shows another URL', async () => {
    const frame = window.webContents.mainFrame;
    frame.url = 'https://example.com/';
    try {
      expect(await invoke(app.electron, IPC_CALL_CHANNEL, { sender: window.webContents, senderFrame: frame }, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    } finally {
      frame.url = APP_PAGE;
    }
  });

  it('has no DevTools: none in the window, none in the menu, none of their pages load', () => {
    expect(window.options.webPreferences?.devTools).toBe(false);
    expect(menuItems(app.electron.applicationMenu()).map((item) => item.role?.toLowerCase())).not.toContain('toggledevtools');
    expect(beforeRequest(app.electron, 'devtools://devtools/bundled/devtools_app.html')).toEqual({ cancel: true });
  });

  it('focuses its window when a second instance starts', () => {
    window.minimized = true;
    window.calls.length = 0;
    app.electron.app.emit('second-instance', electronEvent({}), ['fieldbook'], process.cwd(), {});
    expect(window.calls).toEqual(['restore', 'focus']);
  });
});

describe('the built Electron main process, from the sources', () => {
  afterEach(cleanUp);

  it('has DevTools for the developer: in the window, in the menu, and their pages load', async () => {
    const app = await start({ isPackaged: false });
    expect(loadedWindow(app).options.webPreferences?.devTools).toBe(true);
    expect(menuItems(app.electron.applicationMenu()).map((item) => item.role?.toLowerCase())).toContain('toggledevtools');
    expect(beforeRequest(app.electron, 'devtools://devtools/bundled/devtools_app.html')).toEqual({ cancel: false });
  });
});

describe('the built Electron main process, starting and quitting', () => {
  afterEach(cleanUp);

  it('quits at once as a second instance, opening nothing and locking no notebook', async () => {
    const app = await start({ singleInstance: false });
    expect(app.window).toBeUndefined();
    expect(await app.electron.ended).toEqual({ kind: 'quit' });
    expect(app.electron.windows).toEqual([]);
    expect(existsSync(app.notebook)).toBe(false);
  });

  it("releases the notebook's lock before the process ends on quit", async () => {
    const app = await start();
    loadedWindow(app);
    const lock = path.join(app.notebook, LOCK_FILE);
    expect(JSON.parse(readFileSync(lock, 'utf8'))).toMatchObject({ pid: process.pid });
    let lockAtEnd: boolean | undefined;
    void app.electron.ended.then(() => {
      lockAtEnd = existsSync(lock);
    });
    await quitApp(app.electron);
    expect(lockAtEnd).toBe(false);
    // The first quit was held back while closing, the second went through.
    expect(app.electron.app.quitCalls).toBe(2);
  });

  it('closes once when quit is asked again while closing', async () => {
    const app = await start();
    loadedWindow(app);
    app.electron.app.quit();
    app.electron.app.quit();
    await app.electron.ended;
    expect(existsSync(path.join(app.notebook, LOCK_FILE))).toBe(false);
    expect(app.logged.filter((line) => line.includes('could not close'))).toEqual([]);
  });

  it('opens the window when the last notebook is open in another live Fieldbook', async () => {
    const temp = await makeTempDir('fieldbook-electron-locked-');
    const home = path.join(temp.dir, 'home');
    const busy = path.join(temp.dir, 'busy notebook');
    const other = await serveInAnotherFieldbook(busy, path.join(temp.dir, 'other home'));
    try {
      const reader = await NotebookStore.open(busy, { readOnly: true });
      await (await RecentNotebooks.open(home)).remember(reader.info);
      await reader.close();
      const app = await start({ home, ownNotebook: false });
      expect(app.electron.errorBoxes).toEqual([]);
      expect(loadedWindow(app).loadedUrls).toEqual([APP_PAGE]);
      // With no notebook open, File › Import says why it cannot, instead of failing unseen.
      const importFiles = menuItems(app.electron.applicationMenu()).find((item) => item.label === 'Import Files…');
      app.electron.openDialogAnswers.push([path.join(temp.dir, 'brief.md')]);
      importFiles?.click?.();
      await expect.poll(() => app.electron.errorBoxes).toEqual([{ title: 'Could not import', content: expect.stringContaining('No notebook is open') }]);
      await quitApp(app.electron);
      // The other Fieldbook's lock is still its own.
      expect(JSON.parse(readFileSync(path.join(busy, LOCK_FILE), 'utf8'))).toMatchObject({ pid: other.pid });
    } finally {
      await other.stop();
      await temp.remove();
    }
  });
});
