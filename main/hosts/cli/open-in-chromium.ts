import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { userDataDir } from '../../app/paths';
import type { CommandOutput } from './command';

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/**
 * Show the browser host in a window of its own, without tabs or an address
 * bar, in a profile kept apart from the user's browsing and with Chromium's
 * own background traffic switched off, so using the app sends nothing out.
 */
export function openInChromiumAppMode(url: string, output: CommandOutput): boolean {
  const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  const chromium = candidates.find((candidate) => existsSync(candidate));
  if (!hasDisplay || !chromium) {
    output.out(hasDisplay ? 'Chromium was not found; open the address above in a browser.' : 'No display here; open the address above in a browser.');
    return false;
  }
  const child = spawn(
    chromium,
    [
      `--app=${url}`,
      `--user-data-dir=${path.join(userDataDir(), 'chromium-profile')}`,
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    { detached: true, stdio: 'ignore' },
  );
  child.on('error', (error) => output.err(`Could not start Chromium: ${error.message}`));
  child.unref();
  return true;
}
