import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { bar } from '../../../../main/hosts/cli/commands/reindex';
import { EventBus } from '../../../../main/bus/event-bus';
import { NotebookStore } from '../../../../main/notebook/notebook-store';
import { createTextDocument } from '../../../../main/notebook/records/documents';
import { RecordService } from '../../../../main/notebook/records/record-service';
import { SearchResult } from '../../../../shared/search/results';
import { cliSandbox, run } from '../../../support/cli';

const temp = cliSandbox();
let notebook: string;

beforeEach(async () => {
  notebook = path.join(temp.dir, 'nb');
  await run('init', '--notebook', notebook);
});

async function addDocument(title: string, text: string): Promise<string> {
  const store = await NotebookStore.open(notebook);
  try {
    return (await createTextDocument(new RecordService(store, () => 'test', new EventBus()), { kind: 'text', title, text, authors: [], direction: 'auto', tags: [] })).id;
  } finally {
    await store.close();
  }
}

describe('fieldbook search and reindex', () => {
  it('searches a notebook never indexed, as JSON with the passage and snippet of each hit', async () => {
    const text = 'First paragraph about water.\n\nThe militia leader met the prime minister in the Green Zone on 3 November.';
    const id = await addDocument('Brief', text);
    const result = await run('search', '--notebook', notebook, 'green', 'zone', '--json');
    expect(result.code).toBe(0);
    const parsed = SearchResult.parse(JSON.parse(result.out));
    expect(parsed.groups.map((group) => group.id)).toEqual([id]);
    const hit = parsed.groups[0]?.hits[0];
    // Short paragraphs are grouped into one passage.
    expect(hit?.range).toEqual({ start: 0, end: text.length });
    expect(text.slice(hit?.match?.start, hit?.match?.end)).toBe('Green Zone');
    expect(hit?.snippet.marks.map((mark) => hit.snippet.text.slice(mark.start, mark.end))).toEqual(['Green Zone']);
    expect(hit?.score).toBeGreaterThan(0);
    // Read-only: searching wrote nothing into the notebook.
    expect(await readdir(notebook)).not.toContain('index');
  });

  it('prints hits with marked words, and takes --limit', async () => {
    for (let i = 0; i < 3; i++) await addDocument(`Report ${i}`, `Convoy number ${i} crossed the bridge.`);
    const result = await run('search', '--notebook', notebook, 'convoy', '--limit', '2');
    expect(result.code).toBe(0);
    expect(result.out).toContain('«Convoy»');
    expect(result.out.match(/^Report \d/gm)).toHaveLength(2);
    expect(result.out).toMatch(/3 results/);
  });

  it('refuses a missing query or a bad limit with usage errors', async () => {
    expect((await run('search', '--notebook', notebook)).code).toBe(2);
    expect((await run('search', '--notebook', notebook, 'x', '--limit', 'lots')).err).toContain('--limit');
  });

  it('reindexes, saves the index, and later searches load it', async () => {
    await addDocument('Brief', 'The convoy crossed the bridge at dawn.');
    const reindexed = await run('reindex', '--notebook', notebook, '--json');
    expect(reindexed.code).toBe(0);
    expect(JSON.parse(reindexed.out)).toMatchObject({ entries: 1, segments: 1 });
    expect(await readdir(path.join(notebook, 'index'))).toContain('manifest.json');
    expect(SearchResult.parse(JSON.parse((await run('search', '--notebook', notebook, 'bridge', '--json')).out)).total).toBe(1);
  });

  it('draws a progress bar', () => {
    expect(bar(5, 10)).toBe(`[${'#'.repeat(15)}${'-'.repeat(15)}]  50% 5/10 records`);
    expect(bar(0, 0)).toContain('100%');
  });
});
