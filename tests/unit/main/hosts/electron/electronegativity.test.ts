import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../support/temp-dir';
import { repoRoot } from './built-bundle';

interface Finding {
  id: string;
  file: string;
  sample?: string;
}
interface Scan {
  atomicChecks: number;
  globalChecks: number;
  errors: { file: string; message: string }[];
  issues: Finding[];
}
interface Accepted extends Finding {
  reason: string;
}

const electronegativity = createRequire(import.meta.url).resolve('@doyensec/electronegativity');

/**
 * Scan each input with electronegativity in a child process (it registers
 * globals and may call process.exit). It scans the TypeScript sources: over
 * the esbuild bundle it misses the handlers it looks for (navigation,
 * permissions) and reports them absent. Offline: the Electron release check
 * (GitHub) is excluded and the version given, and its translations request
 * is answered "offline" without leaving the process.
 */
async function scan(inputs: string[]): Promise<Scan[]> {
  const temp = await makeTempDir('fieldbook-electronegativity-');
  try {
    const out = path.join(temp.dir, 'scans.json');
    const options = { isRelative: true, electronVersionOverride: '45.5.0', excludeFromScan: ['AvailableSecurityFixesGlobalCheck'] };
    const script = `
      // Its only network use left is asking for translations on every run, with the bundled English as the fallback:
      // answer "offline" at once rather than wait for DNS to fail.
      const got = require('node:module').createRequire(${JSON.stringify(electronegativity)}).resolve('got');
      const offline = () => Promise.reject(new Error('offline'));
      require.cache[got] = { id: got, filename: got, loaded: true, exports: Object.assign(offline, { head: offline }) };
      const run = require(${JSON.stringify(electronegativity)});
      // Together, so that the translations request is waited for once.
      Promise.all(${JSON.stringify(inputs)}.map((input) => run({ ...${JSON.stringify(options)}, input }))).then((scans) =>
        require('node:fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(scans)),
      );`;
    await promisify(execFile)(process.execPath, ['-e', script], { cwd: repoRoot, env: { ...process.env, LANG: 'en-US' } });
    return JSON.parse(await readFile(out, 'utf8')) as Scan[];
  } finally {
    await temp.remove();
  }
}

const key = (finding: Finding) => [finding.id, finding.file, finding.sample?.trim()].filter(Boolean).join(' | ');

describe("electronegativity over Fieldbook's Electron layer", () => {
  let fieldbook: Scan;
  let insecure: Scan;
  const fixture = makeTempDir('fieldbook-insecure-window-');

  beforeAll(async () => {
    const { dir } = await fixture;
    // The check is not vacuous: the same scan over a careless window finds what it should.
    await writeFile(
      path.join(dir, 'window.ts'),
      "import { BrowserWindow } from 'electron';\nexport const window: BrowserWindow = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n",
    );
    [fieldbook, insecure] = (await scan([path.join(repoRoot, 'main', 'hosts', 'electron'), dir])) as [Scan, Scan];
  }, 120_000);
  afterAll(async () => (await fixture).remove());

  it('parses every file and runs its checks', () => {
    expect(fieldbook.errors).toEqual([]);
    expect(fieldbook.atomicChecks).toBeGreaterThan(30);
    expect(fieldbook.globalChecks).toBeGreaterThan(3);
  });

  it('finds only the accepted findings, and every accepted one is still found', async () => {
    const accepted = (JSON.parse(await readFile(path.join(repoRoot, 'main', 'hosts', 'electron', 'electronegativity-accepted.json'), 'utf8')) as { accepted: Accepted[] }).accepted;
    for (const entry of accepted) expect(entry.reason.length, key(entry)).toBeGreaterThan(40);
    expect(fieldbook.issues.map(key).sort()).toEqual(accepted.map(key).sort());
  });

  it('finds an insecure window, so a clean result means something', () => {
    expect(insecure.issues.map((issue) => issue.id)).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK']));
  });
});
