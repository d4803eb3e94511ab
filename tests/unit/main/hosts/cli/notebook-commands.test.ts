import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { NotebookStore } from '../../../../../main/notebook/notebook-store';
import { createTextDocument } from '../../../../../main/notebook/records/documents';
import { RecordService } from '../../../../../main/notebook/records/record-service';
import { EventBus } from '../../../../../main/bus/event-bus';
import { cliSandbox, run } from '../../../../support/cli';

const temp = cliSandbox();
let notebook: string;

beforeEach(async () => {
  notebook = path.join(temp.dir, 'nb');
});

/** A document written straight through the store, as import will. */
async function addDocument(text: string): Promise<string> {
  const store = await NotebookStore.open(notebook);
  try {
    const document = await createTextDocument(new RecordService(store, () => 'test', new EventBus()), { kind: 'text', title: 'Brief', text, authors: [], direction: 'auto', tags: [] });
    return document.id;
  } finally {
    await store.close();
  }
}

describe('notebook commands', () => {
  it('creates a notebook, adds an actor with aliases in two scripts, and lists it', async () => {
    expect((await run('init', '--notebook', notebook, '--name', 'Iraq 2026')).code).toBe(0);
    const added = await run('actor', 'add', '--notebook', notebook, '--name', 'Mustafa al-Kadhimi', '--alias', 'Al-Kazemi', '--alias', 'مصطفى الكاظمي', '--kind', 'person', '--json');
    expect(added.code).toBe(0);
    const actor = JSON.parse(added.out) as { id: string; aliases: string[]; author: string };
    expect(actor.aliases).toEqual(['Al-Kazemi', 'مصطفى الكاظمي']);
    const listed = JSON.parse((await run('list', 'actors', '--notebook', notebook, '--json')).out) as { id: string }[];
    expect(listed.map((record) => record.id)).toEqual([actor.id]);
  });

  it('anchors a highlight by its quote and links actors by alias', async () => {
    await run('init', '--notebook', notebook);
    const documentId = await addDocument('The militia leader met the prime minister in the Green Zone on 3 November.');
    await run('actor', 'add', '--notebook', notebook, '--name', 'Mustafa al-Kadhimi', '--alias', 'the prime minister');
    const result = await run('highlight', 'add', '--notebook', notebook, '--document', documentId, '--quote', 'met the prime minister', '--actor', 'The Prime Minister', '--color', 'green', '--json');
    expect(result.err).toBe('');
    const highlight = JSON.parse(result.out) as { target: { quote: { exact: string; prefix: string }; position: { start: number; end: number } }; actorIds: string[]; color: string };
    expect(highlight.target.position).toEqual({ type: 'TextPositionSelector', start: 19, end: 41 });
    expect(highlight.target.quote).toMatchObject({ exact: 'met the prime minister', prefix: 'The militia leader ' });
    expect(highlight.actorIds).toHaveLength(1);
    expect(highlight.color).toBe('green');
  });

  it.each([
    ['a quote that is not in the text', 'Red Zone', /does not occur/],
    ['an ambiguous quote', 'the', /occurs \d+ times/],
  ])('refuses %s and saves nothing', async (_case, quote, message) => {
    await run('init', '--notebook', notebook);
    const documentId = await addDocument('The militia leader met the prime minister in the Green Zone.');
    const result = await run('highlight', 'add', '--notebook', notebook, '--document', documentId, '--quote', quote);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(message);
    expect(JSON.parse((await run('list', 'highlights', '--notebook', notebook, '--json')).out)).toEqual([]);
  });

  it('refuses an unknown actor and a missing --notebook clearly', async () => {
    await run('init', '--notebook', notebook);
    const documentId = await addDocument('Some text about Qaani.');
    expect((await run('highlight', 'add', '--notebook', notebook, '--document', documentId, '--quote', 'Qaani', '--actor', 'Qaani')).err).toMatch(/No actor is named “Qaani”/);
    const missing = await run('list', 'actors');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--notebook is required');
  });

  it('refuses to list an unknown kind of record', async () => {
    const result = await run('list', 'weapons', '--notebook', notebook);
    expect(result.code).toBe(2);
    expect(result.err).toContain('documents, highlights, actors, events, notes, tags');
  });
});
