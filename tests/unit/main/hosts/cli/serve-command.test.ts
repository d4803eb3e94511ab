import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST_FILE } from '../../../../../main/notebook/notebook-folder';
import { NotebookStore } from '../../../../../main/notebook/notebook-store';
import { NOTEBOOK_FORMAT } from '../../../../../shared/model/notebook';
import { cliSandbox } from '../../../../support/cli';

// The built command line, as a user runs it (`npm test` builds before the unit tests).
const bin = path.resolve(import.meta.dirname, '..', '..', '..', '..', '..', 'dist', 'cli', 'fieldbook.mjs');
const sandbox = cliSandbox();

/** Run `fieldbook serve` in a child process until it exits, or until it prints its address (then stop it): its exit code and what it printed. */
function serve(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, 'serve', '--json', ...args], { env: { ...process.env, FIELDBOOK_HOME: path.join(sandbox.dir, 'home') }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('\n')) child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

async function notebookWith(file: string, content: string): Promise<string> {
  const dir = path.join(sandbox.dir, 'nb');
  await (await NotebookStore.open(dir, { create: true })).close();
  await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
  await writeFile(path.join(dir, file), content);
  return dir;
}

async function foreignFolder(): Promise<string> {
  const dir = path.join(sandbox.dir, 'papers');
  await mkdir(dir);
  await writeFile(path.join(dir, 'notes.txt'), "Somebody else's folder.");
  return dir;
}

describe('fieldbook serve --notebook DIR', () => {
  it.each([
    ['from a newer Fieldbook', () => notebookWith(MANIFEST_FILE, JSON.stringify({ format: NOTEBOOK_FORMAT, formatVersion: 999, name: 'Future', createdAt: new Date().toISOString() })), /newer Fieldbook/],
    ['damaged', () => notebookWith('documents.json', '{"formatVersion": 1, "records": ['), /documents\.json is damaged/],
    ['a folder of other files', foreignFolder, /not empty and is not a Fieldbook notebook/],
  ])('exits 1 with the reason when the notebook is %s', async (_case, make, reason) => {
    if (!existsSync(bin)) throw new Error('dist/cli is not built: run npm run build');
    const result = await serve('--notebook', await make());
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(reason);
    expect(result.stdout).toBe('');
  });

  it('exits 1 with the reason when another Fieldbook holds the notebook', async () => {
    const dir = path.join(sandbox.dir, 'held');
    const holder = await NotebookStore.open(dir, { create: true });
    try {
      const result = await serve('--notebook', dir);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/fieldbook serve: .*(in use|locked|open)/i);
    } finally {
      await holder.close();
    }
  });

  it('without --notebook, starts on the chooser when the last notebook cannot be opened', async () => {
    const dir = path.join(sandbox.dir, 'held');
    await (await NotebookStore.open(dir, { create: true })).close();
    const first = await serve('--notebook', dir);
    expect(JSON.parse(first.stdout)).toMatchObject({ notebook: dir });
    const holder = await NotebookStore.open(dir);
    try {
      const result = await serve();
      expect(JSON.parse(result.stdout)).toMatchObject({ notebook: null, problem: expect.any(String) });
    } finally {
      await holder.close();
    }
  });
});
