import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../cli/fieldbook';
import { findElectronBinary, installElectronBinary } from './electron-binary';

/**
 * `npm start`: the Electron app when its binary is here or can be fetched;
 * otherwise the same app through the browser host, said in one line.
 */
async function start(): Promise<number> {
  let binary = findElectronBinary();
  if (!binary) {
    const installed = installElectronBinary();
    if (installed.ok) binary = installed.binary;
    else console.log(`Electron's binary is not installed and could not be downloaded (${installed.reason}); starting the browser host instead.`);
  }
  if (!binary) return runCli(['serve', '--open', ...process.argv.slice(2)]);

  const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const child = spawn(binary, [appRoot, ...process.argv.slice(2)], { stdio: 'inherit' });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}

start().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('Fieldbook could not start:', error);
    process.exitCode = 1;
  },
);
