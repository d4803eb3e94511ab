import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { MergeReport } from '../../../../../shared/exchange/merge-report';
import { cliSandbox, run } from '../../../../support/cli';
import { populatedNotebook, type FixtureIds } from '../../exchange/exchange-fixture';

const temp = cliSandbox();
let source: string;
let ids: FixtureIds;

beforeEach(async () => {
  source = path.join(temp.dir, 'layla');
  const notebook = await populatedNotebook(source);
  ids = notebook.ids;
  await notebook.store.close();
});

describe('fieldbook export and merge', () => {
  it('exports an encrypted selection and merges it, printing the report as JSON; twice changes nothing', async () => {
    const file = path.join(temp.dir, 'kh.fieldbook');
    const secret = path.join(temp.dir, 'secret.txt');
    await writeFile(secret, 'tea in the courtyard\n');
    const exported = await run('export', '--notebook', source, '--out', file, '--passphrase-file', secret, '--actor', 'KH', '--json');
    expect(exported.err).toBe('');
    expect(JSON.parse(exported.out)).toMatchObject({ encrypted: true, selection: 'the evidence on “Kata\'ib Hezbollah”', counts: { documents: 1, highlights: 2, actors: 2, events: 1 } });

    const target = path.join(temp.dir, 'omar');
    expect((await run('init', '--notebook', target)).code).toBe(0);
    const wrong = path.join(temp.dir, 'wrong.txt');
    await writeFile(wrong, 'coffee in the courtyard');
    const refused = await run('merge', '--notebook', target, file, '--passphrase-file', wrong, '--json');
    expect(refused).toMatchObject({ code: 1, err: expect.stringContaining('passphrase is wrong') });

    const merged = JSON.parse((await run('merge', '--notebook', target, file, '--passphrase-file', secret, '--json')).out) as MergeReport;
    expect(merged.counts.added).toMatchObject({ documents: 1, highlights: 2, actors: 2, events: 1 });
  }, 90_000);

  it('a dry run changes nothing, and merging twice changes nothing the second time', async () => {
    const file = path.join(temp.dir, 'all.fieldbook');
    await run('export', '--notebook', source, '--out', file);
    const target = path.join(temp.dir, 'omar');
    await run('init', '--notebook', target);
    const dry = JSON.parse((await run('merge', '--notebook', target, file, '--dry-run', '--json')).out) as MergeReport;
    expect(dry).toMatchObject({ dryRun: true, counts: { added: { highlights: 2 } } });
    expect(JSON.parse((await run('list', 'highlights', '--notebook', target, '--json')).out)).toEqual([]);
    await run('merge', '--notebook', target, file, '--json');
    const again = JSON.parse((await run('merge', '--notebook', target, file, '--json')).out) as MergeReport;
    expect(again.added).toEqual([]);
    expect(again.updated).toEqual([]);
    expect(again.counts.unchanged).toMatchObject({ documents: 1, highlights: 2 });
  });

  it('prints a readable report, and refuses bad usage and hostile files clearly', async () => {
    const file = path.join(temp.dir, 'all.fieldbook');
    expect((await run('export', '--notebook', source, '--out', file)).out).toMatch(/^Exported the whole notebook: 1 documents, 2 highlights/);
    const target = path.join(temp.dir, 'omar');
    await run('init', '--notebook', target);
    const text = await run('merge', '--notebook', target, file);
    expect(text.code).toBe(0);
    expect(text.out).toContain('Added: 1 documents, 2 highlights, 2 actors, 1 events, 1 notes, 1 tags.');

    expect((await run('merge', '--notebook', target)).code).toBe(2);
    expect((await run('export', '--notebook', source, '--out', file, '--since', 'last week')).err).toContain('--since: Use YYYY-MM-DD');
    const short = path.join(temp.dir, 'short.txt');
    await writeFile(short, 'abc');
    expect((await run('export', '--notebook', source, '--out', file, '--passphrase-file', short)).err).toContain('at least 8 characters');

    const junk = path.join(temp.dir, 'junk.fieldbook');
    await writeFile(junk, 'PK\u0003\u0004 this is not really a zip');
    const hostile = await run('merge', '--notebook', target, junk);
    expect(hostile.code).toBe(1);
    expect(hostile.err).toMatch(/truncated or is not a Fieldbook file.*Nothing was imported/);
  });
});

describe('fieldbook export-annotations', () => {
  it('writes W3C annotations, events CSV and a Markdown report', async () => {
    const w3c = path.join(temp.dir, 'notes.jsonld');
    expect((await run('export-annotations', '--notebook', source, '--format', 'w3c', '--out', w3c)).code).toBe(0);
    expect(JSON.parse(await readFile(w3c, 'utf8'))).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: 2 });

    const csv = path.join(temp.dir, 'events.csv');
    await run('export-annotations', '--notebook', source, '--format', 'events-csv', '--out', csv);
    expect((await readFile(csv, 'utf8')).split('\r\n')[0]).toBe('event_id,event_date,date_precision,event_type,actor1,actor2,other_actors,location,fatalities,notes,sources,title');

    const markdown = path.join(temp.dir, 'kh.md');
    expect((await run('export-annotations', '--notebook', source, '--format', 'markdown', '--actor', 'كتائب حزب الله', '--out', markdown)).code).toBe(0);
    expect(await readFile(markdown, 'utf8')).toContain("> Kata'ib Hezbollah denied any role");
    const event = path.join(temp.dir, 'event.md');
    await run('export-annotations', '--notebook', source, '--format', 'markdown', '--event', ids.event, '--out', event);
    expect(await readFile(event, 'utf8')).toContain('# Green Zone meeting');

    expect((await run('export-annotations', '--notebook', source, '--format', 'markdown', '--out', markdown)).err).toContain('give one --document, --actor or --event');
    expect((await run('export-annotations', '--notebook', source, '--format', 'pdf', '--out', markdown)).err).toContain('--format must be one of w3c, events-csv, markdown');
  });
});
