// A stand-in for Electron's Linux x64 distribution, so the app can be packed
// (`electron-builder --dir`) and the package checked where Electron's zip
// cannot be downloaded. Every file is a placeholder: the package it makes
// has the real layout, app.asar and fuses, but does not start.
//
//   node main/build/electron-stand-in.ts DIR
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { defaultFuseWire, ELECTRON_EXECUTABLE, ELECTRON_LINUX_FILES, installedElectronVersion } from './electron-dist.ts';

/**
 * A shell script, so that running it says what it is instead of failing
 * obscurely; the fuse wire sits in a comment line, which the shell skips
 * (the wire holds no newline byte).
 */
function placeholderExecutable(version: string): Buffer {
  return Buffer.concat([
    Buffer.from(`#!/bin/sh\n# Fieldbook's stand-in for Electron ${version} (main/build/electron-stand-in.ts). Fuse wire: `),
    defaultFuseWire(),
    Buffer.from(`\necho "This is a stand-in for Electron ${version}, made to pack and check Fieldbook offline; it cannot run the app." >&2\nexit 1\n`),
  ]);
}

/** Replaces `dir` with a stand-in distribution for Electron `version`. */
export async function makeElectronStandIn(dir: string, version: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, 'locales'), { recursive: true });
  await mkdir(path.join(dir, 'resources'));
  for (const file of ELECTRON_LINUX_FILES) {
    if (file === ELECTRON_EXECUTABLE) continue;
    await writeFile(path.join(dir, file), `Placeholder for Electron ${version}'s ${file}.\n`);
  }
  await writeFile(path.join(dir, ELECTRON_EXECUTABLE), placeholderExecutable(version));
  await chmod(path.join(dir, ELECTRON_EXECUTABLE), 0o755);
  for (const helper of ['chrome_crashpad_handler', 'chrome-sandbox']) await chmod(path.join(dir, helper), 0o755);
}

if (import.meta.main) {
  const [dir] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node main/build/electron-stand-in.ts DIR');
    process.exit(2);
  }
  await makeElectronStandIn(path.resolve(dir), installedElectronVersion());
}
