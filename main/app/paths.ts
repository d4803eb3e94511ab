import os from 'node:os';
import path from 'node:path';

/**
 * The user's data folder, where Electron's `app.getPath('userData')` puts it
 * for an app named Fieldbook, so that every host finds the same settings and
 * default notebook. FIELDBOOK_HOME overrides it (tests, portable installs).
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.FIELDBOOK_HOME) return path.resolve(env.FIELDBOOK_HOME);
  const home = os.homedir();
  switch (process.platform) {
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', 'Fieldbook');
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Fieldbook');
    default:
      return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Fieldbook');
  }
}

/** Where notebooks made in the app (not in a folder the person chose) live. */
export function notebooksDir(dataDir: string): string {
  return path.join(dataDir, 'notebooks');
}

/** The notebook opened on first run, before the user has made or chosen one. */
export function defaultNotebookDir(dataDir: string): string {
  return path.join(notebooksDir(dataDir), 'My notebook');
}

/** Built files sit beside each other under dist/: electron/, cli/, renderer/. */
export function builtRendererDir(bundleDir: string): string {
  return path.resolve(bundleDir, '..', 'renderer');
}
