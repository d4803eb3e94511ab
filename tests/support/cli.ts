import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { runCli } from '../../main/hosts/cli/fieldbook';
import { makeTempDir } from './temp-dir';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Run the command line in this process, capturing what it prints. */
export async function run(...argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/**
 * A fresh folder for each test, with the user's data folder (FIELDBOOK_HOME)
 * inside it so commands never touch the real one; removed after the test.
 * Call at the top of a test file, before other hooks that use `dir`.
 */
export function cliSandbox(): { readonly dir: string } {
  let temp: Awaited<ReturnType<typeof makeTempDir>> | undefined;
  const previousHome = process.env.FIELDBOOK_HOME;
  beforeEach(async () => {
    temp = await makeTempDir();
    process.env.FIELDBOOK_HOME = path.join(temp.dir, 'home');
  });
  afterEach(async () => {
    if (previousHome === undefined) delete process.env.FIELDBOOK_HOME;
    else process.env.FIELDBOOK_HOME = previousHome;
    await temp?.remove();
  });
  return {
    get dir() {
      if (!temp) throw new Error('cliSandbox().dir is only there during a test');
      return temp.dir;
    },
  };
}
