import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActorMerger } from '../../../../main/actors/actor-merge';
import { exportNotebook } from '../../../../main/exchange/export-notebook';
import { mergeExchangeFile } from '../../../../main/exchange/merge-notebook';
import { actorRedirects } from '../../../../main/exchange/merged-actors';
import { addTextDocument, openTestNotebook, type OpenTestNotebook } from '../../../support/notebook-fixture';
import { makeTempDir } from '../../../support/temp-dir';
import { highlightQuote, populatedNotebook, snapshot, type FixtureIds } from './exchange-fixture';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => (temp = await makeTempDir()));
afterEach(() => temp.remove());

const sharedPdfText = 'A report both researchers imported on their own. It names Esmail Qaani twice. Qaani travelled to Baghdad.';

async function exchange(from: OpenTestNotebook, to: OpenTestNotebook, name: string) {
  const file = path.join(temp.dir, `${name}.fieldbook`);
  await exportNotebook(from.store, file, { author: name });
  return mergeExchangeFile(to.store, file);
}

describe('two copies of a notebook edited independently', () => {
  async function divergedCopies(): Promise<{ a: OpenTestNotebook; b: OpenTestNotebook; ids: FixtureIds; shared: { a: string; b: string } }> {
    const a = await populatedNotebook(path.join(temp.dir, 'a'), 'Layla');
    const b = await openTestNotebook(path.join(temp.dir, 'b'), 'Omar');
    await exchange(a, b, 'copy');
    const { ids } = a;

    // Layla: a new highlight, her own note text and comment, a deletion, the shared report and an actor.
    await highlightQuote(a.records, ids.document, 'Casualty figures were disputed');
    await a.records.update('notes', ids.note, { body: 'The meeting matters because of the vote. Layla: and the budget.' });
    await a.records.update('highlights', ids.highlight, { comment: 'Layla thinks this was the first meeting.' });
    await a.records.delete('highlights', ids.denial);
    const sharedA = await addTextDocument(a.records, 'Report (Layla’s copy)', sharedPdfText);
    await highlightQuote(a.records, sharedA.id, 'names Esmail Qaani twice');
    await a.records.create('actors', { name: 'Esmail Qaani', kind: 'person', aliases: [], description: '', affiliations: [] });

    // Omar: his own new highlight, a different note edit and comment, an event retitled, the same report.
    await highlightQuote(b.records, ids.document, 'denied any role');
    await b.records.update('notes', ids.note, { body: 'Omar: the vote was postponed, so the meeting matters less.' });
    await b.records.update('highlights', ids.highlight, { comment: 'Omar doubts the date.' });
    await b.records.update('events', ids.event, { title: 'Green Zone meeting (3 Nov)' });
    const sharedB = await addTextDocument(b.records, 'Report (Omar’s copy)', sharedPdfText);
    await highlightQuote(b.records, sharedB.id, 'Qaani travelled to Baghdad');
    await b.records.create('actors', { name: 'Qaani', kind: 'person', aliases: ['Esmail Qaani'], description: '', affiliations: [] });
    return { a, b, ids, shared: { a: sharedA.id, b: sharedB.id } };
  }

  it('exchanged both ways, ends with the same content, nothing lost, conflicts listed', async () => {
    const { a, b, ids, shared } = await divergedCopies();
    const intoA = await exchange(b, a, 'omar');
    const intoB = await exchange(a, b, 'layla');
    const [left, right] = [await snapshot(a.store), await snapshot(b.store)];

    expect(left.records).toEqual(right.records);
    expect(left.blobs).toEqual(right.blobs);

    // Both note versions and both comments survive, and the conflict is reported on each side.
    const note = left.records.notes.find((candidate) => candidate.id === ids.note);
    expect(note?.body).toContain('Layla: and the budget.');
    expect(note?.body).toContain('Omar: the vote was postponed');
    const comment = left.records.highlights.find((candidate) => candidate.id === ids.highlight)?.comment;
    expect(comment).toContain('Layla thinks');
    expect(comment).toContain('Omar doubts');
    expect(intoA.conflicts.map((conflict) => [conflict.id, conflict.reason, conflict.fields])).toEqual(
      expect.arrayContaining([
        [ids.note, 'kept-both-versions', ['body']],
        [ids.highlight, 'kept-both-versions', ['comment']],
      ]),
    );
    // Layla's file then carries both versions already: Omar's notebook takes them as an update, with no conflict left.
    expect(intoB.updated.map((updated) => updated.id)).toEqual(expect.arrayContaining([ids.note, ids.highlight]));
    expect(intoB.conflicts).toEqual([]);

    // The deletion travelled; the later title won; the shared report is one document, under one id on both sides, with both people's highlights.
    expect(right.records.highlights.find((candidate) => candidate.id === ids.denial)?.deletedAt).toBeDefined();
    expect(left.records.events[0]?.title).toBe('Green Zone meeting (3 Nov)');
    const [survivor, retired] = shared.a < shared.b ? [shared.a, shared.b] : [shared.b, shared.a];
    for (const side of [left, right]) {
      const reports = side.records.documents.filter((document) => document.title.startsWith('Report'));
      expect(reports.filter((document) => !document.deletedAt).map((document) => document.id)).toEqual([survivor]);
      expect(reports.find((document) => document.id === retired)?.deletedAt).toBeDefined();
      expect(side.records.highlights.filter((highlight) => highlight.documentId === survivor).map((highlight) => highlight.target.quote.exact).sort()).toEqual([
        'Qaani travelled to Baghdad',
        'names Esmail Qaani twice',
      ]);
    }
    // Omar's copy arriving in Layla's notebook is retired into hers, or hers into his: either way the report says so.
    if (retired === shared.b) expect(intoA.skipped).toEqual([expect.objectContaining({ type: 'documents', id: shared.b, reason: expect.stringContaining('Same content') })]);
    else expect(intoA.updated).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'documents', id: shared.a })]));

    // Qaani and Esmail Qaani are proposed as one actor, not merged.
    expect(intoA.proposals).toEqual([expect.objectContaining({ incoming: expect.objectContaining({ label: 'Qaani' }), existing: expect.objectContaining({ label: 'Esmail Qaani' }), matched: 'Esmail Qaani' })]);
    expect(left.records.actors.filter((actor) => actor.name.includes('Qaani'))).toHaveLength(2);
    await Promise.all([a.store.close(), b.store.close()]);
  });

  it('A merged into B gives the same notebook as B merged into A', async () => {
    const { a, b } = await divergedCopies();
    const [fileA, fileB] = [path.join(temp.dir, 'a.fieldbook'), path.join(temp.dir, 'b.fieldbook')];
    await exportNotebook(a.store, fileA, { author: 'Layla' });
    await exportNotebook(b.store, fileB, { author: 'Omar' });
    const aIntoB = await openTestNotebook(path.join(temp.dir, 'a-into-b'));
    await mergeExchangeFile(aIntoB.store, fileB);
    await mergeExchangeFile(aIntoB.store, fileA);
    const bIntoA = await openTestNotebook(path.join(temp.dir, 'b-into-a'));
    await mergeExchangeFile(bIntoA.store, fileA);
    await mergeExchangeFile(bIntoA.store, fileB);
    const [left, right] = [await snapshot(aIntoB.store), await snapshot(bIntoA.store)];
    expect(left.records).toEqual(right.records);
    expect(left.blobs).toEqual(right.blobs);
    await Promise.all([a.store.close(), b.store.close(), aIntoB.store.close(), bIntoA.store.close()]);
  });

  it('merging the same file twice changes nothing the second time', async () => {
    const { a, b } = await divergedCopies();
    const file = path.join(temp.dir, 'omar.fieldbook');
    await exportNotebook(b.store, file, { author: 'Omar' });
    const first = await mergeExchangeFile(a.store, file);
    expect(first.updated.length + first.added.length).toBeGreaterThan(0);
    const before = await snapshot(a.store);
    const second = await mergeExchangeFile(a.store, file);
    expect(second.added).toEqual([]);
    expect(second.updated).toEqual([]);
    expect(second.conflicts).toEqual([]);
    expect(await snapshot(a.store)).toEqual(before);
    await Promise.all([a.store.close(), b.store.close()]);
  });

  it('a dry run reports the merge and writes nothing', async () => {
    const { a, b } = await divergedCopies();
    const before = await snapshot(a.store);
    const file = path.join(temp.dir, 'omar.fieldbook');
    await exportNotebook(b.store, file, { author: 'Omar' });
    const report = await mergeExchangeFile(a.store, file, { dryRun: true });
    expect(report.dryRun).toBe(true);
    expect(report.counts.added.highlights).toBe(2);
    expect(report.conflicts.length).toBeGreaterThan(0);
    expect(await snapshot(a.store)).toEqual(before);
    await Promise.all([a.store.close(), b.store.close()]);
  });
});

describe('an actor merge made in one copy', () => {
  it('reaches the other copy as a merge: its own references follow, and both end the same', async () => {
    const a = await populatedNotebook(path.join(temp.dir, 'a'), 'Layla');
    const { ids } = a;
    const spelling = await a.records.create('actors', { name: 'Kataib Hizballah', kind: 'armed-group', aliases: [], description: '', affiliations: [{ actorId: ids.actor, relation: 'same group' }] });
    const b = await openTestNotebook(path.join(temp.dir, 'b'), 'Omar');
    await exchange(a, b, 'copy');

    // Omar tags a passage and an affiliation with the spelling Layla is about to retire.
    const omars = await highlightQuote(b.records, ids.document, 'denied any role');
    await b.records.update('highlights', omars, { actorIds: [ids.actor, ids.pm] });
    const militia = await b.records.create('actors', { name: 'Popular Mobilisation', kind: 'armed-group', aliases: [], description: '', affiliations: [{ actorId: ids.actor, relation: 'member' }] });
    const note = await b.records.create('notes', { title: 'Who denied it', body: `[[actor:${ids.actor}|KH]] denied it.`, attachedTo: { kind: 'actor', id: ids.actor } });
    await new ActorMerger(a.records, a.events, () => 'Layla').merge(spelling.id, ids.actor);

    await exchange(a, b, 'layla');
    await exchange(b, a, 'omar');
    const [left, right] = [await snapshot(a.store), await snapshot(b.store)];
    expect(left.records).toEqual(right.records);

    const retired = right.records.actors.find((actor) => actor.id === ids.actor);
    expect(retired).toMatchObject({ deletedAt: expect.any(String), mergedInto: spelling.id });
    expect(right.records.highlights.find((highlight) => highlight.id === omars)?.actorIds).toEqual([spelling.id, ids.pm]);
    expect(right.records.actors.find((actor) => actor.id === militia.id)?.affiliations).toEqual([{ actorId: spelling.id, relation: 'member' }]);
    expect(right.records.notes.find((candidate) => candidate.id === note.id)).toMatchObject({ body: `[[actor:${spelling.id}|KH]] denied it.`, attachedTo: { kind: 'actor', id: spelling.id } });
    expect(right.records.events.find((event) => event.id === ids.event)?.participants).toEqual([
      { actorId: ids.pm, role: 'host' },
      { actorId: spelling.id, role: 'named' },
    ]);
    // Nothing live names the merged actor any more, on either side; the survivor is not affiliated with itself.
    for (const side of [left, right]) {
      const live = [...side.records.highlights, ...side.records.events, ...side.records.actors, ...side.records.notes].filter((record) => !record.deletedAt);
      expect(JSON.stringify(live)).not.toContain(ids.actor);
    }
    await Promise.all([a.store.close(), b.store.close()]);
  });

  it('follows a merge into an actor that was itself merged, and stops at a cycle', () => {
    const actor = (id: string, mergedInto?: string) => ({
      id, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z', author: 'x', name: id, kind: 'person' as const, aliases: [], description: '', affiliations: [],
      ...(mergedInto ? { deletedAt: '2026-01-02T00:00:00.000Z', mergedInto } : {}),
    });
    const chain = actorRedirects([actor('aaaaaaaa', 'bbbbbbbb'), actor('bbbbbbbb', 'cccccccc')], [actor('cccccccc')]);
    expect(Object.fromEntries(chain)).toEqual({ aaaaaaaa: 'cccccccc', bbbbbbbb: 'cccccccc' });
    const cycle = actorRedirects([actor('aaaaaaaa', 'bbbbbbbb')], [actor('bbbbbbbb', 'aaaaaaaa')]);
    expect(Object.fromEntries(cycle)).toEqual({ aaaaaaaa: 'bbbbbbbb', bbbbbbbb: 'aaaaaaaa' });
  });

  it('is no longer followed once it was undone later', () => {
    const merged = { id: 'aaaaaaaa', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z', author: 'x', name: 'A', kind: 'person' as const, aliases: [], description: '', affiliations: [], deletedAt: '2026-01-02T00:00:00.000Z', mergedInto: 'bbbbbbbb' };
    const { deletedAt: _deleted, mergedInto: _into, ...undone } = { ...merged, updatedAt: '2026-01-03T00:00:00.000Z' };
    expect(actorRedirects([undone], [merged]).size).toBe(0);
  });
});
