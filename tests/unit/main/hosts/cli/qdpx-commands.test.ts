import { stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliSandbox, run } from '../../../../support/cli';
import { populatedNotebook } from '../../exchange/exchange-fixture';

const temp = cliSandbox();

describe('fieldbook export-qdpx and import-qdpx', () => {
  it('writes a .qdpx and says what went in, imports it into another notebook with a report; bad usage is explained', async () => {
    const source = path.join(temp.dir, 'layla');
    await (await populatedNotebook(source)).store.close();
    const out = path.join(temp.dir, 'project.qdpx');
    const done = await run('export-qdpx', '--notebook', source, '--out', out, '--json');
    expect(done.err).toBe('');
    const printed = JSON.parse(done.out) as { bytes: number };
    expect(printed).toMatchObject({ file: out, documents: 1, highlights: 2, unanchored: [] });
    expect((await stat(out)).size).toBe(printed.bytes);
    expect((await run('export-qdpx', '--notebook', source)).code).toBe(2);

    const target = path.join(temp.dir, 'omar');
    expect((await run('init', '--notebook', target)).code).toBe(0);
    const imported = await run('import-qdpx', '--notebook', target, out);
    expect(imported.err).toBe('');
    expect(imported.out).toContain('Imported 1 documents (0 already here), 2 highlights, 4 tags, 0 actors,');
    expect(imported.out).toContain('Not shown: Users (Layla)');
    expect((await run('import-qdpx', '--notebook', target)).code).toBe(2);
    expect((await run('import-qdpx', '--notebook', target, out, '--codes-as', 'events')).err).toContain('--codes-as must be one of tags, actors');
  });
});
