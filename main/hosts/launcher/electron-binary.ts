import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The Electron executable, when the `electron` package's binary has been
 * installed. Its install step is denied in package.json (it downloads from
 * GitHub), so on many machines there is none. This reads the package's
 * path.txt itself: requiring `electron` would start a download.
 */
export function findElectronBinary(): string | undefined {
  const packageDir = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(packageDir, 'dist');
  const binary = path.join(distDir, relative);
  return existsSync(binary) ? binary : undefined;
}

/** Run electron's own installer once; on failure, a one-line reason. */
export function installElectronBinary(): { ok: true; binary: string } | { ok: false; reason: string } {
  const installer = require.resolve('electron/install.js');
  const run = spawnSync(process.execPath, [installer], { encoding: 'utf8', timeout: 180_000 });
  const binary = run.status === 0 ? findElectronBinary() : undefined;
  if (binary) return { ok: true, binary };
  const firstLine = `${run.stderr ?? ''}\n${run.stdout ?? ''}`.split('\n').map((line) => line.trim()).find(Boolean);
  return { ok: false, reason: run.error?.message ?? firstLine ?? `installer exited with ${String(run.status)}` };
}
