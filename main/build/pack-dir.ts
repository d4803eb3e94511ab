// Packs the built app into an unpacked Linux package (electron-builder's
// `--dir` target) with no network: electron-builder is handed a local Electron
// distribution, the stand-in by default. The command then checks that the
// package holds every file the app needs at run time.
//
//   node main/build/pack-dir.ts [--electron-dist DIR] [--out DIR]   (npm run package:dir: into release/)
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkElectronDist, installedElectronVersion } from './electron-dist.ts';
import { makeElectronStandIn } from './electron-stand-in.ts';
import { checkRuntimeFiles } from './package-contents.ts';

export interface PackOptions {
  /** The repository: electron-builder.yml, package.json, dist/. */
  projectDir: string;
  /** electron-builder's output folder; the package is `linux-unpacked` in it. */
  outDir: string;
  /** An unpacked Electron for Linux x64; by default a stand-in is made in outDir. */
  electronDist?: string;
}

export interface PackedApp {
  /** linux-unpacked: the executable, Electron's files, resources/. */
  appDir: string;
  /** Holds app.asar and app.asar.unpacked. */
  resourcesDir: string;
  /** The Electron executable renamed by electron-builder, with its fuses flipped. */
  executable: string;
}

function runElectronBuilder(projectDir: string, args: string[]): Promise<void> {
  const cli = createRequire(path.join(projectDir, 'package.json')).resolve('electron-builder/cli.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: projectDir, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`electron-builder exited with code ${code}:\n${output}`))));
  });
}

export async function packDir(options: PackOptions): Promise<PackedApp> {
  const { projectDir, outDir } = options;
  let electronDist = options.electronDist;
  if (!electronDist) {
    electronDist = path.join(outDir, 'electron-stand-in');
    await makeElectronStandIn(electronDist, installedElectronVersion());
  }
  checkElectronDist(electronDist);
  if (!existsSync(path.join(projectDir, 'dist', 'electron', 'main.cjs'))) throw new Error(`${path.join(projectDir, 'dist')} holds no built app: run \`npm run build\` first.`);
  // electronDist is the one thing electron-builder would download; `--dir` needs none of its other tools.
  await runElectronBuilder(projectDir, ['--linux', '--x64', '--dir', '--config', 'electron-builder.yml', `-c.electronDist=${electronDist}`, `-c.directories.output=${outDir}`]);
  const appDir = path.join(outDir, 'linux-unpacked');
  // electron-builder names the executable after productName, lower-cased on Linux.
  return { appDir, resourcesDir: path.join(appDir, 'resources'), executable: path.join(appDir, 'fieldbook') };
}

/** The command line's options, or undefined when it is wrong. */
function options(): { electronDist?: string; out?: string } | undefined {
  try {
    const { values } = parseArgs({ options: { 'electron-dist': { type: 'string' }, out: { type: 'string' } } });
    return { ...(values['electron-dist'] ? { electronDist: values['electron-dist'] } : {}), ...(values.out ? { out: values.out } : {}) };
  } catch {
    return undefined;
  }
}

if (import.meta.main) {
  const chosen = options();
  if (!chosen) {
    console.error('usage: node main/build/pack-dir.ts [--electron-dist DIR] [--out DIR (default release)]');
    process.exit(2);
  }
  const { electronDist, out } = chosen;
  const projectDir = process.cwd();
  try {
    const packed = await packDir({ projectDir, outDir: path.resolve(out ?? 'release'), ...(electronDist ? { electronDist: path.resolve(electronDist) } : {}) });
    checkRuntimeFiles(packed.resourcesDir);
    console.log(`Packed ${packed.appDir}; every runtime file is in place.`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
