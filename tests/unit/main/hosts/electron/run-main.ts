import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { builtBundle } from './built-bundle';
import { createElectronDouble, type ElectronDouble, type ElectronDoubleOptions } from './electron-double';

export interface MainRun {
  electron: ElectronDouble;
  /** dist/electron, where the preload must be. */
  bundleDir: string;
  /** What the app wrote to the console (errors also reach the test's output). */
  logged: string[];
}

export interface MainOptions extends Partial<Pick<ElectronDoubleOptions, 'isPackaged' | 'singleInstance'>> {
  /** FIELDBOOK_HOME: the data folder (settings, recent notebooks). */
  home: string;
  /** FIELDBOOK_NOTEBOOK, when the test chooses the notebook. */
  notebook?: string;
  platform?: NodeJS.Platform;
}

/**
 * Run the built dist/electron/main.cjs as Electron would (a CommonJS module
 * with __filename, __dirname and require), with `electron` resolved to the
 * double and everything else to the real modules beside the bundle. Its
 * `process` differs from this one only in env and, for the menu checks,
 * platform, so parallel tests never share or change the real ones; its
 * console is recorded.
 */
export function runMain(options: MainOptions): MainRun {
  const file = builtBundle('main.cjs');
  const electron = createElectronDouble({ isPackaged: options.isPackaged ?? true, singleInstance: options.singleInstance ?? true, userData: options.home });
  const env: NodeJS.ProcessEnv = { ...process.env, FIELDBOOK_HOME: options.home };
  if (options.notebook) env.FIELDBOOK_NOTEBOOK = options.notebook;
  else delete env.FIELDBOOK_NOTEBOOK;
  const platform = options.platform ?? process.platform;
  const processSeen = new Proxy(process, {
    get(target, key) {
      if (key === 'env') return env;
      if (key === 'platform') return platform;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const nodeRequire = createRequire(file);
  const requireSeen = (id: string): unknown => (id === 'electron' ? electron.module : nodeRequire(id));
  const logged: string[] = [];
  const record = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
  const consoleSeen = {
    ...console,
    log: record,
    info: record,
    warn: record,
    error: (...args: unknown[]) => {
      record(...args);
      console.error(...args);
    },
  };
  const module = { exports: {} };
  const main = vm.compileFunction(readFileSync(file, 'utf8'), ['exports', 'require', 'module', '__filename', '__dirname', 'process', 'console'], { filename: file });
  main(module.exports, requireSeen, module, file, path.dirname(file), processSeen, consoleSeen);
  return { electron, bundleDir: path.dirname(file), logged };
}

/** Quit as the user would and wait until the process would have ended. */
export async function quitApp(electron: ElectronDouble): Promise<void> {
  electron.app.quit();
  await electron.ended;
}
