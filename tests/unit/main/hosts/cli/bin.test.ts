import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { appVersion } from '../../../../../main/app/version';
import { budget } from '../../../../support/time-budget';

// The built `fieldbook` bin, as a user runs it (`npm test` builds before the unit tests).
const root = path.resolve(import.meta.dirname, '..', '..', '..', '..', '..');
const bin = path.join(root, 'dist', 'cli', 'fieldbook.mjs');
const built = existsSync(bin);
const run = promisify(execFile);
/** PATH without any node_modules/.bin: what a shell in the checkout has, so npm alone must find the pinned Node. */
const shellPath = (process.env.PATH ?? '').split(path.delimiter).filter((dir) => !dir.includes('node_modules')).join(path.delimiter);
const { engines } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
const minimum = /^>=(\d+\.\d+)$/.exec(engines.node)?.[1];

/** The system's Node, when it is older than Fieldbook needs (Debian 12's is 20). */
function olderNode(): string | undefined {
  try {
    const version = execFileSync('/usr/bin/node', ['--version'], { encoding: 'utf8' }).trim().slice(1);
    const [major = 0, minor = 0] = version.split('.').map(Number);
    const [needMajor = 0, needMinor = 0] = (minimum ?? '').split('.').map(Number);
    return major < needMajor || (major === needMajor && minor < needMinor) ? '/usr/bin/node' : undefined;
  } catch {
    return undefined;
  }
}
const older = olderNode();

describe('the fieldbook bin', { timeout: budget(60_000) }, () => {
  it('on an older Node, says in one line that Fieldbook needs Node 22 and how to get it, and exits 1', async ({ skip }) => {
    skip(!built, 'dist/cli is not built: run npm run build');
    skip(!older, `no Node older than ${minimum ?? '?'} at /usr/bin/node to try it with`);
    const failure = await run(older as string, [bin, 'import', '--notebook', path.join(root, 'no-such-notebook'), 'x.md']).then(
      () => undefined,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stdout).toBe('');
    const lines = (failure?.stderr ?? '').split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`Fieldbook needs Node.js ${minimum} or newer`);
    expect(lines[0]).toContain('npx fieldbook');
    expect(lines[0]).not.toMatch(/unexpected failure|withResolvers/);
  });

  it('runs as `npx fieldbook` in the checkout, on the pinned Node, from a shell whose PATH has no node_modules/.bin', async ({ skip }) => {
    skip(!built, 'dist/cli is not built: run npm run build');
    const { stdout } = await run('npx', ['--offline', 'fieldbook', '--version'], { cwd: root, env: { ...process.env, PATH: shellPath } });
    // On the system's older Node the bin would have refused (exit 1): answering proves npx ran the pinned one.
    expect(stdout.trim()).toBe(appVersion);
  });
});
