import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { NoteRecord } from '../../../../shared/model/records';
import { cliSandbox, run } from '../../../support/cli';

const temp = cliSandbox();
let notebook: string;

beforeEach(async () => {
  notebook = path.join(temp.dir, 'nb');
  await run('init', '--notebook', notebook);
});

describe('fieldbook note add', () => {
  it('adds a note from a Markdown file, attached to an actor, and list notes shows it', async () => {
    const actor = JSON.parse((await run('actor', 'add', '--notebook', notebook, '--name', 'Kataib Hezbollah', '--json')).out) as { id: string };
    const file = path.join(temp.dir, 'memo.md');
    const body = `# Memo\n\nمذكرة عن [[actor:${actor.id}|Kataib Hezbollah]].\n`;
    await writeFile(file, body);
    const added = await run('note', 'add', '--notebook', notebook, '--title', 'Memo', '--file', file, '--attach', `actor:${actor.id}`, '--json');
    expect(added.err).toBe('');
    expect(added.code).toBe(0);
    const note = JSON.parse(added.out) as NoteRecord;
    expect(note).toMatchObject({ title: 'Memo', body, attachedTo: { kind: 'actor', id: actor.id } });
    const listed = await run('list', 'notes', '--notebook', notebook, '--json');
    expect(listed.code).toBe(0);
    expect(listed.out).toContain(note.id);
  });

  it('refuses a missing file, a bad --attach and an attachment to nothing, and stores nothing', async () => {
    const file = path.join(temp.dir, 'memo.md');
    await writeFile(file, 'text');
    const missing = await run('note', 'add', '--notebook', notebook, '--title', 'T', '--file', path.join(temp.dir, 'nope.md'));
    expect(missing).toMatchObject({ code: 1 });
    expect(missing.err).toMatch(/no such file/);
    const badAttach = await run('note', 'add', '--notebook', notebook, '--title', 'T', '--file', file, '--attach', 'person:abcdefgh');
    expect(badAttach.code).toBe(2);
    expect(badAttach.err).toMatch(/--attach takes KIND:ID/);
    const nothing = await run('note', 'add', '--notebook', notebook, '--title', 'T', '--file', file, '--attach', 'event:abcdefgh');
    expect(nothing.code).toBe(1);
    expect(nothing.err).toMatch(/existing event/);
    expect((await run('list', 'notes', '--notebook', notebook, '--json')).out).toBe('[]');
  });
});
