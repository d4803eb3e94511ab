import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { flipFuses, FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkElectronDist, ELECTRON_LINUX_FILES, FUSE_SENTINEL, installedElectronVersion } from '../../../main/build/electron-dist';
import { packDir } from '../../../main/build/pack-dir';
import { makeElectronStandIn } from '../../../main/build/electron-stand-in';
import { makeTempDir } from '../../support/temp-dir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let dist: string;

beforeEach(async () => {
  temp = await makeTempDir('fieldbook-stand-in-');
  dist = path.join(temp.dir, 'electron');
  await makeElectronStandIn(dist, '45.5.0');
});
afterEach(() => temp.remove());

/** The wire as the characters Electron compiles in: '1' on, '0' off. */
async function fuses(executable: string): Promise<string> {
  const wire = await getCurrentFuseWire(executable);
  return Object.entries(wire)
    .filter(([key]) => key !== 'version')
    .map(([, state]) => String.fromCharCode(state as number))
    .join('');
}

describe("the stand-in for Electron's Linux distribution", () => {
  it("has the release zip's files and Electron's default fuses, which @electron/fuses flips and reads back", async () => {
    expect(() => checkElectronDist(dist)).not.toThrow();
    expect(ELECTRON_LINUX_FILES).toEqual(expect.arrayContaining(['electron', 'libffmpeg.so', 'icudtl.dat', 'resources.pak', 'v8_context_snapshot.bin', 'locales/en-US.pak', 'chrome-sandbox']));
    const executable = path.join(dist, 'electron');
    expect((await getCurrentFuseWire(executable)).version).toBe(FuseVersion.V1);
    // Run as node, cookie encryption, NODE_OPTIONS, --inspect, asar integrity, asar only, V8 snapshot, file:// privileges.
    expect(await fuses(executable)).toBe('10110001');

    await flipFuses(executable, { version: FuseVersion.V1, [FuseV1Options.RunAsNode]: false, [FuseV1Options.OnlyLoadAppFromAsar]: true });
    expect(await fuses(executable)).toBe('00110101');
  });

  it('says what it is when run, instead of pretending to start an app', async () => {
    const run = promisify(execFile)(path.join(dist, 'electron'));
    await expect(run).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('stand-in for Electron 45.5.0') });
  });

  it('is made for the installed electron', () => {
    expect(installedElectronVersion()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('a distribution electron-builder cannot use', () => {
  it('is refused, naming every missing file', async () => {
    await rm(path.join(dist, 'libffmpeg.so'));
    await rm(path.join(dist, 'locales', 'en-US.pak'));
    expect(() => checkElectronDist(dist)).toThrow(/lacks libffmpeg\.so, locales\/en-US\.pak\./);
  });

  it('stops packing before electron-builder copies it', async () => {
    await rm(path.join(dist, 'icudtl.dat'));
    const outDir = path.join(temp.dir, 'out');
    await expect(packDir({ projectDir: path.resolve(import.meta.dirname, '..', '..', '..'), outDir, electronDist: dist })).rejects.toThrow(/lacks icudtl\.dat\./);
    expect(existsSync(outDir)).toBe(false);
  });

  it('is refused when its executable has no fuse wire', async () => {
    const executable = path.join(dist, 'electron');
    await writeFile(executable, (await readFile(executable, 'latin1')).replace(FUSE_SENTINEL, 'no sentinel here'), 'latin1');
    expect(() => checkElectronDist(dist)).toThrow(`${executable} has no fuse wire`);
  });
});
