// The size of the packaged app: app.asar (what Electron's main process reads),
// app.asar.unpacked (the workers and the runtime dependencies they load from
// the disk) and both together. Packed offline by the same script as `npm run
// package:dir`, with the Electron stand-in, so Electron's own files (about
// 250 MB, the same for every Electron app) are not counted.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { printFigure } from './figures';

async function bytesUnder(target: string): Promise<number> {
  const info = await stat(target);
  if (!info.isDirectory()) return info.size;
  let total = 0;
  for (const entry of await readdir(target)) total += await bytesUnder(path.join(target, entry));
  return total;
}

export async function benchPackageSize(): Promise<void> {
  const out = await mkdtemp(path.join(os.tmpdir(), 'fieldbook-bench-package-'));
  try {
    await promisify(execFile)(process.execPath, ['main/build/pack-dir.ts', '--out', out], { maxBuffer: 16 * 1024 * 1024 });
    const resources = path.join(out, 'linux-unpacked', 'resources');
    const archive = await bytesUnder(path.join(resources, 'app.asar'));
    const unpacked = await bytesUnder(path.join(resources, 'app.asar.unpacked'));
    const mb = (bytes: number) => bytes / 1024 / 1024;
    printFigure('package size', { part: 'app.asar' }, mb(archive), 'MiB');
    printFigure('package size', { part: 'app.asar.unpacked' }, mb(unpacked), 'MiB');
    printFigure('package size', { part: 'total (without Electron)' }, mb(archive + unpacked), 'MiB');
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
