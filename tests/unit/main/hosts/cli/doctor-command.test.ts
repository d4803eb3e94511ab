import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliSandbox, run } from '../../../../support/cli';

const temp = cliSandbox();

describe('fieldbook doctor', () => {
  it('names a staging folder a killed merge left, fails until --repair removes it, then passes', async () => {
    const notebook = path.join(temp.dir, 'nb');
    expect((await run('init', '--notebook', notebook)).code).toBe(0);
    await mkdir(path.join(notebook, '.exchange-0123456789ab', 'blobs'), { recursive: true });

    const check = await run('doctor', '--notebook', notebook);
    expect(check.code).toBe(1);
    expect(check.out).toMatch(/staging-leftover: .*\.exchange-0123456789ab: .* Run again with --repair to remove it\./);

    const repair = await run('doctor', '--notebook', notebook, '--repair');
    expect(repair.code).toBe(0);
    expect(repair.out).toMatch(/\.exchange-0123456789ab: .* Removed\./);
    expect((await run('doctor', '--notebook', notebook)).out).toMatch(/No problems left\./);
  });
});
