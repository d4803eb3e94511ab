import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EntrySource } from '../../../../main/search/entry-meta';
import { SearchIndexer } from '../../../../main/search/indexer';
import { buildInThread } from '../../../../main/search/segment-builder';
import { SearchService } from '../../../../main/search/search-service';
import { createHighlight } from '../../../../main/notebook/records/highlights';
import { TextCache } from '../../../../main/notebook/records/text-cache';
import { SearchArgs, type SearchResult } from '../../../../shared/search/results';
import { addTextDocument, openTestNotebook, type OpenTestNotebook } from '../../../support/notebook-fixture';
import { makeTempDir } from '../../../support/temp-dir';
import { budget } from '../../../support/time-budget';

const english = [
  'Militia leaders met near the Green Zone in November to discuss the election results.',
  '',
  "Kata'ib Hezbollah denied any role in the attack on the convoy outside Baghdad.",
  '',
  'The prime minister, Mustafa al-Kadhimi, called for calm after the protests.',
].join('\n');
const arabic = ['اجتمع قادة الحَشْد الشَّعْبِيّ في بغداد لمناقشة نتائج الانتخابات.', '', 'وقالت كتائب حزب الله إنها لم تشارك في الهجوم على القافلة.'].join('\n');

describe('search over a notebook', () => {
  let temp: { dir: string; remove(): Promise<void> };
  let notebook: OpenTestNotebook;
  let indexer: SearchIndexer;
  let service: SearchService;

  const merged: number[] = [];
  const open = () => {
    const texts = new TextCache(notebook.store.blobs);
    const buildInBackground = async (sources: EntrySource[]) => (merged.push(sources.length), buildInThread(sources));
    indexer = new SearchIndexer(notebook.store.info.path, { records: notebook.records, texts }, { build: buildInThread, buildInBackground, writable: true, flushDelayMs: 5 });
    notebook.events.subscribe((event, payload) => {
      if (event === 'records.changed') indexer.notify((payload as { type: string }).type, (payload as { ids: string[] }).ids);
    });
    service = new SearchService(indexer.index, notebook.records, texts, indexer.loaded);
  };
  const search = async (query: string, extra: Partial<Parameters<SearchService['search']>[0]> = {}): Promise<SearchResult> => {
    await indexer.flush();
    return service.search(SearchArgs.parse({ query, ...extra }));
  };
  const titles = (result: SearchResult) => result.groups.map((group) => group.title);

  beforeEach(async () => {
    temp = await makeTempDir();
    notebook = await openTestNotebook(path.join(temp.dir, 'nb'));
    open();
    await indexer.caughtUp;
  });
  afterEach(async () => {
    await indexer.close();
    await notebook.store.close();
    await temp.remove();
  });

  it('finds documents by passage, with the passage range and marked snippet', async () => {
    const document = await addTextDocument(notebook.records, 'Baghdad notes', english);
    const result = await search('convoy attack');
    expect(titles(result)).toEqual(['Baghdad notes']);
    const hit = result.groups[0]?.hits[0];
    expect(hit?.kind).toBe('passage');
    const text = english;
    expect(text.slice(hit?.range?.start, hit?.range?.end)).toContain('convoy');
    const marked = hit?.snippet.marks.map((mark) => hit.snippet.text.slice(mark.start, mark.end));
    expect(marked).toEqual(['attack', 'convoy']);
    expect(text.slice(hit?.match?.start, hit?.match?.end)).toBe('attack');
    expect(result.groups[0]?.id).toBe(document.id);
  });

  it('folds apostrophes and stems: Kataib finds Kata’ib, elections finds election', async () => {
    await addTextDocument(notebook.records, 'Baghdad notes', english);
    expect(titles(await search('Kataib'))).toEqual(['Baghdad notes']);
    expect(titles(await search('elections'))).toEqual(['Baghdad notes']);
    expect((await search('Kataib')).groups[0]?.hits[0]?.terms).toEqual(["Kata'ib"]);
  });

  it('finds Arabic with or without diacritics and hamza forms', async () => {
    await addTextDocument(notebook.records, 'تقرير', arabic);
    for (const query of ['الحشد الشعبي', 'الحَشْد', 'كتائب', 'كتايب', 'بغداد', 'الانتخابات']) expect(titles(await search(query)), query).toEqual(['تقرير']);
  });

  it('verifies quoted phrases against the text', async () => {
    await addTextDocument(notebook.records, 'Baghdad notes', english);
    await addTextDocument(notebook.records, 'Other', 'The zone was green with trees, far from any militia.');
    expect(titles(await search('"green zone"'))).toEqual(['Baghdad notes']);
    expect(titles(await search('green zone')).sort()).toEqual(['Baghdad notes', 'Other']);
    expect(titles(await search('"zone green"'))).toEqual([]);
  });

  it('excludes words and phrases', async () => {
    await addTextDocument(notebook.records, 'Baghdad notes', english);
    await addTextDocument(notebook.records, 'Other', 'The zone was green with trees, far from any militia.');
    expect(titles(await search('green -trees'))).toEqual(['Baghdad notes']);
    expect(titles(await search('green -"green zone"'))).toEqual(['Other']);
  });

  it('completes the word being typed and tolerates a typo', async () => {
    await addTextDocument(notebook.records, 'Baghdad notes', english);
    expect(titles(await search('Kadhi'))).toEqual(['Baghdad notes']);
    expect(titles(await search('protes'))).toEqual(['Baghdad notes']);
    expect(titles(await search('Kadhimy '))).toEqual(['Baghdad notes']);
    expect(titles(await search('Kadh '))).toEqual([]);
  });

  it('ranks a title match above a passing mention', async () => {
    await addTextDocument(notebook.records, 'Convoy attacks in 2020', 'A survey of incidents on the roads.');
    await addTextDocument(notebook.records, 'Baghdad notes', english);
    expect(titles(await search('convoy'))).toEqual(['Convoy attacks in 2020', 'Baghdad notes']);
    expect(titles(await search('title:convoy'))).toEqual(['Convoy attacks in 2020']);
  });

  it('counts and marks only passages that hold the words; a title word ranks its document alone', async () => {
    // Each paragraph long enough to be a passage of its own (see PASSAGE_TARGET).
    const filler = ' Traffic was heavy and shops stayed open late into the evening.'.repeat(20);
    const passages = ['Al Rasheed street was closed.', 'Al Mansour district was quiet.', 'Al-Kadhimi met the council.', 'Kadhimi spoke to reporters.', 'Al Karkh saw protests.'].map((sentence) => sentence + filler);
    await addTextDocument(notebook.records, 'Al-Kadhimi visits Baghdad', passages.join('\n\n'));
    await addTextDocument(notebook.records, 'Market prices', 'Flour and fuel prices doubled.');
    const [group] = (await search('al-kadhimi')).groups;
    expect(group?.title).toBe('Al-Kadhimi visits Baghdad');
    // Every word of the query is in one passage only: the others have an "Al" or a "Kadhimi", the title both.
    expect(group?.hitCount).toBe(1);
    const marked = group?.hits.map((hit) => hit.snippet.marks.map((mark) => hit.snippet.text.slice(mark.start, mark.end)));
    expect(marked).toEqual([['Al', 'Kadhimi']]);

    // Found only by its title: the document is listed once, by its title.
    const [byTitle] = (await search('visits')).groups;
    expect(byTitle).toMatchObject({ title: 'Al-Kadhimi visits Baghdad', hitCount: 1 });
    expect(byTitle?.hits[0]?.snippet.marks.map((mark) => byTitle.hits[0]?.snippet.text.slice(mark.start, mark.end))).toEqual(['visits']);
  });

  it('shows a note\'s links by their labels in its snippet', async () => {
    const eventId = '6d0f8c2a-1b3c-4d5e-8f90-a1b2c3d4e5f6';
    await notebook.records.create('notes', { title: 'Attribution', body: `Claimed by nobody; see [[event:${eventId}|the drone attack]] and its evidence.` });
    const hit = (await search('claimed')).groups[0]?.hits[0];
    expect(hit?.snippet.text).toBe('Claimed by nobody; see the drone attack and its evidence.');
    expect(hit?.snippet.marks.map((mark) => hit.snippet.text.slice(mark.start, mark.end))).toEqual(['Claimed']);
  });

  it('searches highlights with comments, notes, actors and events, and filters by kind', async () => {
    const document = await addTextDocument(notebook.records, 'Baghdad notes', english);
    const texts = new TextCache(notebook.store.blobs);
    const actor = await notebook.records.create('actors', { name: 'Esmail Qaani', kind: 'person', aliases: ['Qa’ani', 'قاآني'], description: 'Commander of the Quds Force.', affiliations: [] });
    const highlight = await createHighlight(notebook.records, texts, { documentId: document.id, anchor: { quote: 'denied any role' }, color: 'yellow', comment: 'contradicts the ministry statement', tags: [], actorIds: [actor.id], eventIds: [] });
    await notebook.records.create('notes', { title: 'Meeting plan', body: 'Ask about the ministry statement on the convoy.' });
    await notebook.records.create('events', { title: 'Convoy attacked', date: { precision: 'day', start: '2020-11-03' }, location: 'Abu Ghraib road', type: 'attack', participants: [{ actorId: actor.id, role: 'suspected' }], evidence: [], notes: '' });

    const byComment = await search('ministry statement');
    expect(byComment.groups.map((group) => group.kind).sort()).toEqual(['document', 'note']);
    const documentGroup = byComment.groups.find((group) => group.kind === 'document');
    expect(documentGroup?.hits[0]).toMatchObject({ kind: 'highlight', id: highlight.id, range: { start: highlight.target.position.start, end: highlight.target.position.end } });

    expect(titles(await search('Qaani'))).toEqual(['Esmail Qaani']);
    expect(titles(await search("Qa'ani"))).toEqual(['Esmail Qaani']);
    expect(titles(await search('قاآني'))).toEqual(['Esmail Qaani']);
    expect(titles(await search('Ghraib'))).toEqual(['Convoy attacked']);
    expect(titles(await search('convoy kind:event'))).toEqual(['Convoy attacked']);
    expect(titles(await search('convoy', { filters: { kinds: ['note'] } }))).toEqual(['Meeting plan']);
    expect(titles(await search('convoy actor:Qaani')).sort()).toEqual(['Baghdad notes', 'Convoy attacked']);
    expect(titles(await search('convoy date:2020..2020-12'))).toEqual(['Convoy attacked']);
  });

  it('filters by tag and by published date', async () => {
    const tag = await notebook.records.create('tags', { name: 'Militias', color: '#336699' });
    const tagged = await addTextDocument(notebook.records, 'Tagged', 'The convoy passed the checkpoint.');
    await notebook.records.update('documents', tagged.id, { tags: [tag.id], publishedAt: '2019-11-05' });
    await addTextDocument(notebook.records, 'Untagged', 'The convoy stopped at the checkpoint.');
    expect(titles(await search('convoy tag:militias'))).toEqual(['Tagged']);
    expect(titles(await search('convoy', { filters: { tags: [tag.id] } }))).toEqual(['Tagged']);
    expect(titles(await search('convoy after:2019-11'))).toEqual(['Tagged']);
    expect(titles(await search('convoy before:2019-10'))).toEqual([]);
    expect((await search('convoy tag:nonesuch')).notices.join(' ')).toContain('No tag is called');
  });

  it('makes a change searchable at once and forgets what was deleted', async () => {
    const document = await addTextDocument(notebook.records, 'Baghdad notes', english);
    expect(titles(await search('convoy'))).toEqual(['Baghdad notes']);
    await notebook.records.update('documents', document.id, { title: 'Renamed notes' });
    expect(titles(await search('convoy'))).toEqual(['Renamed notes']);
    await notebook.records.delete('documents', document.id);
    expect(titles(await search('convoy'))).toEqual([]);
    expect(indexer.index.liveEntries).toBe(0);
  });

  it('keeps the index on disk and loads it instead of rebuilding, catching up with changes made while closed', async () => {
    await addTextDocument(notebook.records, 'Baghdad notes', english);
    await indexer.flush();
    await indexer.close();
    const saved = await readdir(path.join(notebook.store.info.path, 'index'));
    expect(saved).toContain('manifest.json');

    // A change while no index was listening (as the command line's import makes).
    await addTextDocument(notebook.records, 'Added later', 'A convoy of trucks crossed at dawn.');
    let built = 0;
    const texts = new TextCache(notebook.store.blobs);
    indexer = new SearchIndexer(notebook.store.info.path, { records: notebook.records, texts }, { build: async (sources) => (built += sources.length, buildInThread(sources)), writable: true });
    service = new SearchService(indexer.index, notebook.records, texts, indexer.loaded);
    await indexer.caughtUp;
    expect(built).toBe(1);
    expect(titles(await search('convoy')).sort()).toEqual(['Added later', 'Baghdad notes']);
  });

  it('rebuilds an index whose segment is damaged or of an older format, and clears out what it replaces', async () => {
    await addTextDocument(notebook.records, 'Baghdad notes', english);
    await indexer.flush();
    await indexer.close();
    const folder = path.join(notebook.store.info.path, 'index');
    const segment = (await readdir(folder)).find((name) => name.endsWith('.seg')) as string;
    const bytes = await readFile(path.join(folder, segment));
    const reopen = async () => {
      const texts = new TextCache(notebook.store.blobs);
      indexer = new SearchIndexer(notebook.store.info.path, { records: notebook.records, texts }, { build: buildInThread, writable: true });
      service = new SearchService(indexer.index, notebook.records, texts, indexer.loaded);
      await indexer.caughtUp;
    };
    for (const damaged of [bytes.subarray(0, bytes.length - 7), Buffer.concat([bytes, Buffer.from([1, 2, 3, 4])]), Buffer.from('FBS2\xff\xff\xff\x7f')]) {
      await writeFile(path.join(folder, segment), damaged);
      vi.spyOn(console, 'error').mockImplementation(() => undefined);
      await reopen();
      expect(titles(await search('convoy'))).toEqual(['Baghdad notes']);
      await indexer.close();
    }
    // An index from before segments were binary: its manifest is refused, the index rebuilt, its files removed.
    await writeFile(path.join(folder, 'manifest.json'), JSON.stringify({ format: 1, segments: [{ id: 'old', masked: [] }] }));
    await writeFile(path.join(folder, 'old.json'), '{}');
    await reopen();
    expect(titles(await search('convoy'))).toEqual(['Baghdad notes']);
    await indexer.close();
    await reopen();
    expect(await readdir(folder)).not.toContain('old.json');
  });

  it('rebuilds from scratch with progress', async () => {
    for (let i = 0; i < 5; i++) await addTextDocument(notebook.records, `Report ${i}`, `Report number ${i} on the convoy.`);
    const progress: number[] = [];
    await indexer.rebuild((done) => progress.push(done));
    expect(progress.at(-1)).toBe(5);
    expect((await search('convoy')).total).toBe(5);
    expect(indexer.index.liveEntries).toBe(5);
  });

  it('merges small segments in the background, with the same answers', async () => {
    for (let i = 0; i < 7; i++) {
      await addTextDocument(notebook.records, `Report ${i}`, `Report number ${i} on the convoy near bridge ${i}.`);
      await indexer.flush();
    }
    const before = await search('convoy bridge');
    await expect.poll(() => indexer.index.segments.length, { timeout: budget(10_000) }).toBeLessThan(3);
    // Merges are built in the background lane, so they never hold up a change.
    expect(merged).toContain(6);
    const after = await search('convoy bridge');
    expect(after.groups.map((group) => [group.id, group.score])).toEqual(before.groups.map((group) => [group.id, group.score]));
    expect(await readdir(path.join(notebook.store.info.path, 'index'))).toHaveLength(indexer.index.segments.length + 1);
  });

  it('flush waits for a change the timer already started building, so what was notified is searchable when it resolves', async () => {
    await indexer.close();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let buildStarted!: () => void;
    const started = new Promise<void>((resolve) => (buildStarted = resolve));
    const texts = new TextCache(notebook.store.blobs);
    const gatedBuild = async (sources: EntrySource[]) => {
      buildStarted();
      await gate;
      return buildInThread(sources);
    };
    indexer = new SearchIndexer(notebook.store.info.path, { records: notebook.records, texts }, { build: gatedBuild, writable: true, flushDelayMs: 0 });
    service = new SearchService(indexer.index, notebook.records, texts, indexer.loaded);
    await indexer.caughtUp;
    const document = await addTextDocument(notebook.records, 'Ferry log', 'The ferry crossed the marshes at dawn.');
    indexer.notify('documents', [document.id]);
    // The timer's flush takes the change and starts building it; nothing is pending any more.
    await started;
    let flushed = false;
    const flushing = indexer.flush().then(() => (flushed = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(flushed).toBe(false);
    release();
    await flushing;
    expect(titles(await service.search(SearchArgs.parse({ query: 'ferry' })))).toEqual(['Ferry log']);
  });

  it('never fails on special characters', async () => {
    await addTextDocument(notebook.records, 'Baghdad notes', english);
    for (const query of [':', '~', '^', '+', '-', '*', '"', 'title:', '"unclosed', 'con*voy', 'convoy~2', '+convoy', 'convoy^10', '\\', '()', '[]{}', 'a:b:c', '‐—', '\u0000']) {
      await expect(search(query), query).resolves.toBeDefined();
    }
    expect(titles(await search('convoy~2'))).toEqual(['Baghdad notes']);
    expect(titles(await search('+convoy^10'))).toEqual(['Baghdad notes']);
  });
});
