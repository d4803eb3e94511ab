import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { MentionList } from '../../../../../shared/actors/mentions';
import type { EventRecord } from '../../../../../shared/model/records';
import { addTextDocument, openTestNotebook } from '../../../../support/notebook-fixture';
import { cliSandbox, run } from '../../../../support/cli';

const temp = cliSandbox();
let notebook: string;

beforeEach(async () => {
  notebook = path.join(temp.dir, 'nb');
  await run('init', '--notebook', notebook);
});

async function addActor(name: string, ...aliases: string[]): Promise<string> {
  const result = await run('actor', 'add', '--notebook', notebook, '--name', name, ...aliases.flatMap((alias) => ['--alias', alias]), '--json');
  return (JSON.parse(result.out) as { id: string }).id;
}

describe('fieldbook event add', () => {
  it('adds an event with actors found by folded name or alias, their roles, and casualty figures', async () => {
    const kh = await addActor("Kata'ib Hezbollah", 'كتائب حزب الله');
    const us = await addActor('United States', 'US');
    const result = await run(
      'event', 'add', '--notebook', notebook, '--title', 'Drone strike near al-Qaim', '--date', '2024-02-07',
      '--actor', 'kataib hezbollah:target', '--actor', 'US:perpetrator', '--type', 'Explosions/Remote violence',
      '--location', 'al-Qaim', '--fatalities', '3', '--source', 'Ministry statement', '--json',
    );
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const event = JSON.parse(result.out) as EventRecord;
    expect(event).toMatchObject({
      title: 'Drone strike near al-Qaim',
      date: { precision: 'day', start: '2024-02-07' },
      participants: [
        { actorId: kh, role: 'target' },
        { actorId: us, role: 'perpetrator' },
      ],
      type: 'Explosions/Remote violence',
      location: 'al-Qaim',
      fatalities: { count: 3, source: 'Ministry statement' },
    });
    const listed = await run('list', 'events', '--notebook', notebook);
    expect(listed.out).toContain('7 Feb 2024  Drone strike near al-Qaim');
  });

  it('reads a range and an explicit approximate precision', async () => {
    const range = JSON.parse((await run('event', 'add', '--notebook', notebook, '--title', 'Talks', '--date', '2024-03..2024-05-02', '--json')).out) as EventRecord;
    expect(range.date).toEqual({ precision: 'range', start: '2024-03', end: '2024-05-02' });
    const approximate = JSON.parse((await run('event', 'add', '--notebook', notebook, '--title', 'Clashes', '--date', '2023-11', '--precision', 'approximate', '--json')).out) as EventRecord;
    expect(approximate.date).toEqual({ precision: 'approximate', start: '2023-11' });
  });

  it.each([
    [['--date', '2024-02-30'], 2, /--date: “2024-02-30” is not a day/],
    [['--date', '2024-02', '--precision', 'day'], 2, /written YYYY-MM-DD/],
    [['--date', '2024', '--precision', 'weekly'], 2, /--precision must be one of/],
    [['--date', '2024', '--fatalities', 'many'], 2, /--fatalities must be a whole number/],
    [['--date', '2024', '--actor', 'Nobody:target'], 1, /No actor is named “Nobody”/],
    [['--date', '2024', '--actor', ':target'], 2, /names no actor/],
  ])('refuses %j clearly and saves nothing', async (args, code, message) => {
    const result = await run('event', 'add', '--notebook', notebook, '--title', 'Bad', ...args);
    expect(result.code).toBe(code);
    expect(result.err).toMatch(message);
    expect(JSON.parse((await run('list', 'events', '--notebook', notebook, '--json')).out)).toEqual([]);
  });

  it('names the actors when a name is ambiguous', async () => {
    await addActor('Badr Organization', 'Badr');
    await addActor('Badr Brigade', 'badr');
    const result = await run('event', 'add', '--notebook', notebook, '--title', 'Rally', '--date', '2024', '--actor', 'BADR:organiser');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/names 2 actors \(Badr Organization .*, Badr Brigade .*\)/);
  });
});

describe('fieldbook mentions', () => {
  async function addDocuments(): Promise<void> {
    const nb = await openTestNotebook(notebook);
    try {
      await addTextDocument(nb.records, 'Brief one', 'Kataib Hezbollah and the PMF. Later, Kata’ib Hezbollah again.');
      await addTextDocument(nb.records, 'Brief two', 'بيان من كتائب حزب الله حول الحشد الشعبي');
    } finally {
      await nb.store.close();
    }
  }

  it('lists untagged mentions of every actor, or of one, as JSON', async () => {
    const kh = await addActor("Kata'ib Hezbollah", 'كتائب حزب الله');
    const pmf = await addActor('Popular Mobilization Forces', 'PMF', 'الحشد الشعبي');
    await addDocuments();
    const all = JSON.parse((await run('mentions', '--notebook', notebook, '--json')).out) as MentionList;
    expect(all.total).toBe(5);
    expect(all.documents).toBe(2);
    expect(all.mentions.map((mention) => [mention.actorId === kh ? 'kh' : mention.actorId === pmf ? 'pmf' : '?', mention.text])).toEqual([
      ['kh', 'Kataib Hezbollah'],
      ['pmf', 'PMF'],
      ['kh', 'Kata’ib Hezbollah'],
      ['kh', 'كتائب حزب الله'],
      ['pmf', 'الحشد الشعبي'],
    ]);
    const one = JSON.parse((await run('mentions', '--notebook', notebook, '--actor', 'الحشد الشعبى', '--json')).out) as MentionList;
    expect(one.mentions.map((mention) => mention.text)).toEqual(['PMF', 'الحشد الشعبي']);
    const text = await run('mentions', '--notebook', notebook, '--actor', 'pmf');
    expect(text.out).toMatch(/Popular Mobilization Forces {2}Brief one @\d+ {2}….*\[PMF\]/);
    expect(text.out).toMatch(/2 untagged mentions in 2 documents$/);
  });

  it('refuses an unknown actor', async () => {
    const result = await run('mentions', '--notebook', notebook, '--actor', 'Nobody');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/No actor is named/);
  });
});
