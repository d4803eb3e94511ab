import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { HighlightRecord } from '../../../../../shared/model/records';
import { addTextDocument, openTestNotebook } from '../../../../support/notebook-fixture';
import { cliSandbox, run } from '../../../../support/cli';

const temp = cliSandbox();
let notebook: string;
let documentId: string;

beforeEach(async () => {
  notebook = path.join(temp.dir, 'nb');
  await run('init', '--notebook', notebook);
  const nb = await openTestNotebook(notebook);
  try {
    documentId = (await addTextDocument(nb.records, 'Brief', 'Kata’ib Hezbollah and the PMF met al-Kadhimi. بيان من الكاظمي.')).id;
  } finally {
    await nb.store.close();
  }
});

async function addActor(name: string, ...aliases: string[]): Promise<string> {
  const result = await run('actor', 'add', '--notebook', notebook, '--name', name, ...aliases.flatMap((alias) => ['--alias', alias]), '--json');
  return (JSON.parse(result.out) as { id: string }).id;
}

function highlightAdd(quote: string, ...actors: string[]) {
  return run('highlight', 'add', '--notebook', notebook, '--document', documentId, '--quote', quote, ...actors.flatMap((actor) => ['--actor', actor]), '--json');
}

async function savedHighlights(): Promise<unknown[]> {
  return JSON.parse((await run('list', 'highlights', '--notebook', notebook, '--json')).out) as unknown[];
}

describe('fieldbook highlight add --actor', () => {
  it('finds actors by folded name or alias: case, apostrophes, diacritics, Arabic letter forms, punctuation', async () => {
    const kh = await addActor("Kata'ib Hezbollah");
    const kadhimi = await addActor('Mustafa al-Kadhimi', 'Al-Kāẓimī', 'مصطفى الكاظمي');
    const result = await highlightAdd('met al-Kadhimi', 'KATAIB hezbollah', 'al kazimi');
    expect(result.err).toBe('');
    expect((JSON.parse(result.out) as HighlightRecord).actorIds).toEqual([kh, kadhimi]);
    const arabic = await highlightAdd('بيان من الكاظمي', 'مصطفى الكاظمى');
    expect((JSON.parse(arabic.out) as HighlightRecord).actorIds).toEqual([kadhimi]);
  });

  it('refuses an ambiguous name, naming the actors, and saves nothing', async () => {
    await addActor('Badr Organization', 'Badr');
    await addActor('Badr Brigade', "Ba'dr");
    const result = await highlightAdd('the PMF', 'badr');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/“badr” names 2 actors \(Badr Organization \S+, Badr Brigade \S+\); use a name that only one of them has/);
    expect(await savedHighlights()).toEqual([]);
  });

  it('refuses an unknown name, saying how to add it, and saves nothing', async () => {
    await addActor('Popular Mobilization Forces', 'PMF');
    const result = await highlightAdd('the PMF', 'PMF', 'Asaib');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/No actor is named “Asaib”; add it first with: fieldbook actor add --name "Asaib"/);
    expect(await savedHighlights()).toEqual([]);
  });

  it('does not match a deleted actor', async () => {
    const gone = await addActor('Saraya Salam');
    const nb = await openTestNotebook(notebook);
    try {
      await nb.records.delete('actors', gone);
    } finally {
      await nb.store.close();
    }
    expect((await highlightAdd('the PMF', 'saraya salam')).err).toMatch(/No actor is named/);
  });
});
