import { stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliSandbox, run } from '../../../../support/cli';
import { populatedNotebook } from '../../exchange/exchange-fixture';

const temp = cliSandbox();

describe('fieldbook export-qdpx', () => {
  it('writes a .qdpx and says what went in; without --out it explains the usage', async () => {
    const source = path.join(temp.dir, 'layla');
    await (await populatedNotebook(source)).store.close();
    const out = path.join(temp.dir, 'project.qdpx');
    const done = await run('export-qdpx', '--notebook', source, '--out', out, '--json');
    expect(done.err).toBe('');
    const printed = JSON.parse(done.out) as { bytes: number };
    expect(printed).toMatchObject({ file: out, documents: 1, highlights: 2, unanchored: [] });
    expect((await stat(out)).size).toBe(printed.bytes);
    expect((await run('export-qdpx', '--notebook', source)).code).toBe(2);
  });
});
