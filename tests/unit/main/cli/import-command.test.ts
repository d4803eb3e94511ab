import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../../main/cli/fieldbook';
import type { ImportSummary } from '../../../../shared/model/import';
import { buildPdf } from '../../../support/pdf-builder';
import { makeTempDir } from '../../../support/temp-dir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let notebook: string;
let usb: string;
const previousHome = process.env.FIELDBOOK_HOME;

beforeEach(async () => {
  temp = await makeTempDir();
  notebook = path.join(temp.dir, 'nb');
  usb = path.join(temp.dir, 'usb');
  await mkdir(usb);
  process.env.FIELDBOOK_HOME = path.join(temp.dir, 'home');
  expect((await run('init', '--notebook', notebook)).code).toBe(0);
});
afterEach(async () => {
  if (previousHome === undefined) delete process.env.FIELDBOOK_HOME;
  else process.env.FIELDBOOK_HOME = previousHome;
  await temp.remove();
});

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('fieldbook import', () => {
  it('opens password-protected PDFs with --password-file, and names the file it could not open', async () => {
    await writeFile(path.join(usb, 'locked.pdf'), buildPdf({ pages: [{ lines: ['Field report'] }], encryption: { userPassword: 'tigris 7' } }));
    await writeFile(path.join(usb, 'no-password.pdf'), buildPdf({ pages: [{ lines: ['Other'] }], encryption: { userPassword: 'euphrates' } }));
    const secret = path.join(temp.dir, 'password.txt');
    await writeFile(secret, 'tigris 7\n');

    const result = await run('import', '--notebook', notebook, usb, '--password-file', secret, '--json');
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.out) as ImportSummary;
    const byName = Object.fromEntries(summary.results.map((entry) => [path.basename(entry.path), entry]));
    expect(byName['locked.pdf']).toMatchObject({ status: 'imported', title: 'locked' });
    expect(byName['no-password.pdf']).toMatchObject({ status: 'failed', code: 'PASSWORD_INCORRECT' });
  });

  it('refuses a missing or empty password file as a usage error, before importing anything', async () => {
    await writeFile(path.join(usb, 'a.txt'), 'Some words.');
    expect(await run('import', '--notebook', notebook, usb, '--password-file', path.join(temp.dir, 'nowhere.txt'))).toMatchObject({ code: 2, err: expect.stringContaining('cannot read') });
    await writeFile(path.join(temp.dir, 'empty.txt'), '\n');
    expect(await run('import', '--notebook', notebook, usb, '--password-file', path.join(temp.dir, 'empty.txt'))).toMatchObject({ code: 2, err: expect.stringContaining('is empty') });
    expect(JSON.parse((await run('list', 'documents', '--notebook', notebook, '--json')).out)).toEqual([]);
  });
});
