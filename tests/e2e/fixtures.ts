import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { _electron, test as base, chromium, type Browser, type Page, type Request } from '@playwright/test';
import { findElectronBinary } from '../../main/hosts/launcher/electron-binary';
import { openNotebookFolder } from '../../main/notebook/notebook-folder';
import { RecentNotebooks } from '../../main/notebook/recent-notebooks';
import { LOCK_FILE } from '../../main/notebook/storage/notebook-lock';
import type { MethodArgs, MethodName, MethodResult } from '../../shared/api/contract';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const chromiumPath = process.env.FIELDBOOK_CHROMIUM ?? '/usr/bin/chromium';
const chromiumArgs = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-gpu'];

export type HostKind = 'browser' | 'electron';
export interface HostOptions {
  hostKind: HostKind;
}

export interface AppUnderTest {
  readonly host: HostKind;
  readonly page: Page;
  readonly notebookDir: string;
  /** The origin the app is served from: http://127.0.0.1:PORT or app://fieldbook. */
  readonly origin: string;
  /** Every request the app's pages made, in order. */
  readonly requests: Request[];
  /** Call the API from inside the page, through the same bridge the UI uses, to set up data. */
  call<M extends MethodName>(method: M, args: MethodArgs<M>): Promise<MethodResult<M>>;
}

interface TestOptions {
  /** Start on a notebook that a Fieldbook on another computer holds (its lock names another host, as on a synced drive). */
  notebookLockedElsewhere: boolean;
}

/** The lock a Fieldbook on another computer leaves in a notebook it has open. */
export const foreignLock = { pid: 4242, hostname: 'laptop-in-basra' };

interface WorkerFixtures extends HostOptions {
  /** Launched on first use, so the Electron project never starts Chromium. */
  getChromium: () => Promise<Browser>;
}

export const test = base.extend<{ app: AppUnderTest } & TestOptions, WorkerFixtures>({
  notebookLockedElsewhere: [false, { option: true }],
  hostKind: ['browser', { option: true, scope: 'worker' }],
  getChromium: [
    async ({}, use) => {
      let browser: Promise<Browser> | undefined;
      await use(() => (browser ??= chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })));
      if (browser) await (await browser).close();
    },
    { scope: 'worker' },
  ],
  app: async ({ hostKind, getChromium, notebookLockedElsewhere }, use, testInfo) => {
    const temp = await mkdtemp(path.join(os.tmpdir(), 'fieldbook-e2e-'));
    const notebookDir = path.join(temp, 'Field notes');
    const env = { ...process.env, FIELDBOOK_HOME: path.join(temp, 'data') };
    if (notebookLockedElsewhere) {
      // The locked notebook is the one last opened, not one named at start: a notebook named at start that cannot be opened ends `serve`.
      const info = await openNotebookFolder(notebookDir, { create: true });
      await (await RecentNotebooks.open(env.FIELDBOOK_HOME)).remember(info);
      await writeFile(path.join(notebookDir, LOCK_FILE), JSON.stringify({ ...foreignLock, acquiredAt: new Date().toISOString() }));
    }
    const named = notebookLockedElsewhere ? undefined : notebookDir;
    const requests: Request[] = [];
    let stop: () => Promise<void>;
    let app: Omit<AppUnderTest, 'call'>;

    if (hostKind === 'electron') {
      const binary = findElectronBinary();
      testInfo.skip(!binary, "Not run against Electron: its binary is not installed here (electron's download from GitHub is not possible on this machine).");
      const electronApp = await _electron.launch({ executablePath: binary, args: [repoRoot], env: named ? { ...env, FIELDBOOK_NOTEBOOK: named } : env });
      const page = await electronApp.firstWindow();
      page.on('request', (request) => requests.push(request));
      app = { host: 'electron', page, notebookDir, origin: 'app://fieldbook', requests };
      stop = () => electronApp.close();
    } else {
      const server = await startServe(named, env);
      const context = await (await getChromium()).newContext({ viewport: { width: 1280, height: 800 } });
      context.on('request', (request) => requests.push(request));
      const page = await context.newPage();
      await page.goto(server.url);
      app = { host: 'browser', page, notebookDir, origin: new URL(server.url).origin, requests };
      stop = async () => {
        await context.close();
        await stopServe(server.process);
      };
    }

    // The shell has rendered once the current view has its heading.
    await app.page.getByRole('heading', { level: 1 }).waitFor();
    const page = app.page;
    await use({ ...app, call: (method, args) => callInPage(page, method, args) as never });

    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('screenshot', { body: await app.page.screenshot({ fullPage: true }), contentType: 'image/png' }).catch(() => undefined);
    }
    await stop();
    await rm(temp, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';

async function callInPage(page: Page, method: string, args: unknown): Promise<unknown> {
  const envelope = await page.evaluate(
    async ({ method, args }) => {
      const bridge = (window as { fieldbookBridge?: { call(method: string, args: unknown): Promise<unknown> } }).fieldbookBridge;
      if (bridge) return bridge.call(method, args);
      const response = await fetch('/api/v1/call', {
        method: 'POST',
        headers: { Authorization: `Bearer ${sessionStorage.getItem('fieldbook.token') ?? ''}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ method, args }),
      });
      return response.json() as Promise<unknown>;
    },
    { method, args },
  );
  const result = envelope as { ok: boolean; result?: unknown; error?: { message: string } };
  if (!result.ok) throw new Error(`${method} failed: ${result.error?.message ?? 'unknown error'}`);
  return result.result;
}

/** Ask the server to stop and wait until it has: it saves what is pending (the search index) before exiting, and the notebook is removed after. */
async function stopServe(child: ChildProcessByStdio<null, Readable, Readable>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const stuck = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(stuck);
}

async function startServe(notebookDir: string | undefined, env: NodeJS.ProcessEnv): Promise<{ url: string; process: ChildProcessByStdio<null, Readable, Readable> }> {
  const named = notebookDir ? ['--notebook', notebookDir] : [];
  const child = spawn(process.execPath, [path.join(repoRoot, 'dist/cli/fieldbook.mjs'), 'serve', ...named, '--json'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n')[0];
      if (stdout.includes('\n') && line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.on('exit', (code) => reject(new Error(`fieldbook serve exited with ${String(code)}: ${stderr}`)));
  });
  return { url, process: child };
}
