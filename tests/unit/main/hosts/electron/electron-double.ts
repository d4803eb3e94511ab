import { EventEmitter } from 'node:events';

/**
 * A recording stand-in for the `electron` module, just wide enough for the
 * built main bundle. It keeps Electron's rules that the code could get wrong:
 * schemes are registered before ready, sessions, protocols and windows exist
 * only after; a quit asks its listeners (will-quit can be prevented) and then
 * ends the process at once, whatever is still pending.
 */

/** Electron's event object: the listener's parameters and preventDefault. */
export type ElectronEvent<Params extends object = object> = Params & { defaultPrevented: boolean; preventDefault(): void };

export function electronEvent<Params extends object>(params: Params): ElectronEvent<Params> {
  const event = {
    ...params,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

export interface FrameDouble {
  url: string;
}

export type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class WebContentsDouble extends EventEmitter {
  readonly mainFrame: FrameDouble = { url: '' };
  readonly sent: [string, unknown][] = [];
  windowOpenHandler: WindowOpenHandler | undefined;

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }

  isDestroyed(): boolean {
    return false;
  }
}

export interface WebPreferencesSeen {
  preload?: string;
  contextIsolation?: boolean;
  sandbox?: boolean;
  nodeIntegration?: boolean;
  webSecurity?: boolean;
  devTools?: boolean;
  [key: string]: unknown;
}

export interface MenuItemSeen {
  label?: string;
  role?: string;
  accelerator?: string;
  type?: string;
  submenu?: MenuItemSeen[];
  click?: () => void;
}

export type ProtocolHandler = (request: Request) => Response | Promise<Response>;
export type BeforeRequestListener = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;
export type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: object) => void;
export type PermissionCheckHandler = (contents: unknown, permission: string, origin: string, details: object) => boolean;
export type DevicePermissionHandler = (details: object) => boolean;
export type IpcHandler = (event: IpcEventDouble, ...args: unknown[]) => unknown;

export interface IpcEventDouble {
  sender: WebContentsDouble;
  senderFrame: FrameDouble | null;
}

export interface ElectronDoubleOptions {
  isPackaged: boolean;
  /** What requestSingleInstanceLock answers: false when another instance runs. */
  singleInstance: boolean;
  userData: string;
}

export function createElectronDouble(options: ElectronDoubleOptions) {
  /** Calls in order, for the checks that are about order (schemes before ready). */
  const log: string[] = [];
  let ready = false;
  const requireReady = (what: string) => {
    if (!ready) throw new Error(`${what} cannot be used before the app is ready`);
  };

  let markReady: () => void = () => undefined;
  const readyPromise = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  let announceEnd: (outcome: ProcessEnd) => void = () => undefined;
  /** How the process ended: by a completed quit or by exit(code). */
  const ended = new Promise<ProcessEnd>((resolve) => {
    announceEnd = resolve;
  });
  let announceLoaded: (window: BrowserWindowDouble) => void = () => undefined;
  const loaded = new Promise<BrowserWindowDouble>((resolve) => {
    announceLoaded = resolve;
  });
  let hasEnded = false;
  const end = (outcome: ProcessEnd) => {
    if (hasEnded) return;
    hasEnded = true;
    log.push(outcome.kind === 'exit' ? `app.exit(${outcome.code})` : 'process ends');
    announceEnd(outcome);
  };

  class AppDouble extends EventEmitter {
    readonly isPackaged = options.isPackaged;
    quitCalls = 0;

    requestSingleInstanceLock(): boolean {
      log.push('app.requestSingleInstanceLock');
      return options.singleInstance;
    }

    whenReady(): Promise<void> {
      return readyPromise;
    }

    getPath(name: string): string {
      if (name === 'userData') return options.userData;
      throw new Error(`getPath(${name}) is not expected here`);
    }

    /** Electron's order: before-quit, the windows close, will-quit; either preventable; then the process ends. */
    quit(): void {
      this.quitCalls += 1;
      log.push('app.quit');
      if (hasEnded) return;
      const beforeQuit = electronEvent({});
      this.emit('before-quit', beforeQuit);
      if (beforeQuit.defaultPrevented) return;
      for (const window of windows) window.close();
      const willQuit = electronEvent({});
      this.emit('will-quit', willQuit);
      if (willQuit.defaultPrevented) return;
      this.emit('quit', electronEvent({}), 0);
      end({ kind: 'quit' });
    }

    exit(code = 0): void {
      end({ kind: 'exit', code });
    }
  }
  const app = new AppDouble();

  const windows: BrowserWindowDouble[] = [];
  class BrowserWindowDouble extends EventEmitter {
    readonly webContents = new WebContentsDouble();
    readonly loadedUrls: string[] = [];
    readonly calls: string[] = [];
    minimized = false;
    destroyed = false;

    constructor(readonly options: { webPreferences?: WebPreferencesSeen; [key: string]: unknown }) {
      super();
      requireReady('BrowserWindow');
      windows.push(this);
      app.emit('web-contents-created', electronEvent({}), this.webContents);
    }

    async loadURL(url: string): Promise<void> {
      this.loadedUrls.push(url);
      this.webContents.mainFrame.url = url;
      this.emit('ready-to-show');
      announceLoaded(this);
    }

    async loadFile(file: string): Promise<void> {
      this.loadedUrls.push(`file://${file}`);
      announceLoaded(this);
    }

    show(): void {
      this.calls.push('show');
    }
    focus(): void {
      this.calls.push('focus');
    }
    restore(): void {
      this.minimized = false;
      this.calls.push('restore');
    }
    isMinimized(): boolean {
      return this.minimized;
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    close(): void {
      if (this.destroyed) return;
      this.destroyed = true;
      this.emit('closed');
    }
  }

  const protocolHandlers = new Map<string, ProtocolHandler>();
  const privilegedSchemes: { scheme: string; privileges?: Record<string, boolean> }[] = [];
  const protocol = {
    registerSchemesAsPrivileged(schemes: { scheme: string; privileges?: Record<string, boolean> }[]): void {
      if (ready) throw new Error('registerSchemesAsPrivileged must be called before the app is ready');
      log.push('protocol.registerSchemesAsPrivileged');
      privilegedSchemes.push(...schemes);
    },
    handle(scheme: string, handler: ProtocolHandler): void {
      requireReady('protocol.handle');
      protocolHandlers.set(scheme, handler);
    },
  };

  const defaultSession = {
    beforeRequest: undefined as BeforeRequestListener | undefined,
    permissionRequest: undefined as PermissionRequestHandler | undefined,
    permissionCheck: undefined as PermissionCheckHandler | undefined,
    devicePermission: undefined as DevicePermissionHandler | undefined,
    webRequest: {
      onBeforeRequest(listener: BeforeRequestListener): void {
        defaultSession.beforeRequest = listener;
      },
    },
    setPermissionRequestHandler(handler: PermissionRequestHandler): void {
      defaultSession.permissionRequest = handler;
    },
    setPermissionCheckHandler(handler: PermissionCheckHandler): void {
      defaultSession.permissionCheck = handler;
    },
    setDevicePermissionHandler(handler: DevicePermissionHandler): void {
      defaultSession.devicePermission = handler;
    },
  };
  const session = {
    get defaultSession() {
      requireReady('session.defaultSession');
      return defaultSession;
    },
  };

  const ipcHandlers = new Map<string, IpcHandler>();
  const ipcMain = {
    handle(channel: string, handler: IpcHandler): void {
      if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      ipcHandlers.set(channel, handler);
    },
    removeHandler(channel: string): void {
      ipcHandlers.delete(channel);
    },
  };

  let applicationMenu: MenuItemSeen[] | undefined;
  const Menu = {
    buildFromTemplate: (template: MenuItemSeen[]) => ({ template }),
    setApplicationMenu(menu: { template: MenuItemSeen[] } | null): void {
      applicationMenu = menu?.template;
    },
  };

  const errorBoxes: { title: string; content: string }[] = [];
  /** What the person picks in the next open dialogs, in order; none left is a cancel. */
  const openDialogAnswers: string[][] = [];
  const dialog = {
    showErrorBox(title: string, content: string): void {
      errorBoxes.push({ title, content });
    },
    showOpenDialog(): Promise<{ canceled: boolean; filePaths: string[] }> {
      const filePaths = openDialogAnswers.shift();
      return Promise.resolve(filePaths ? { canceled: false, filePaths } : { canceled: true, filePaths: [] });
    },
  };

  return {
    /** What `require('electron')` returns to the bundle. */
    module: { app, BrowserWindow: BrowserWindowDouble, protocol, session, ipcMain, Menu, dialog },
    app,
    log,
    windows,
    protocolHandlers,
    privilegedSchemes,
    defaultSession,
    ipcHandlers,
    errorBoxes,
    openDialogAnswers,
    applicationMenu: () => applicationMenu,
    /** The first window that loaded its page. */
    loaded,
    ended,
    becomeReady(): void {
      ready = true;
      log.push('app.ready');
      app.emit('ready');
      markReady();
    },
  };
}

export type ProcessEnd = { kind: 'quit' } | { kind: 'exit'; code: number };
export type ElectronDouble = ReturnType<typeof createElectronDouble>;
export type BrowserWindowDouble = InstanceType<ElectronDouble['module']['BrowserWindow']>;
