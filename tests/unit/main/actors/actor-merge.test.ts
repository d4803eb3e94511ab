import { describe, expect, it } from 'vitest';
import { ActorMerger } from '../../../../main/actors/actor-merge';
import { createHighlight } from '../../../../main/notebook/records/highlights';
import { TextCache } from '../../../../main/notebook/records/text-cache';
import type { EventPayload } from '../../../../shared/api/contract';
import type { ActorRecord, RecordType } from '../../../../shared/model/records';
import { addTextDocument, type OpenTestNotebook } from '../../../support/notebook-fixture';
import { useTestNotebook } from '../../../support/use-test-notebook';

let nb: OpenTestNotebook;
let merger: ActorMerger;

const folder = useTestNotebook((opened) => {
  nb = opened;
  merger = new ActorMerger(nb.records, nb.events, () => 'Merger');
});

const TEXT = 'Kata’ib Hezbollah fighters met Kataib Hizballah officers near Jurf al-Sakhar. Badr stayed out.';

/** Two spellings of one group, tagged, in events, with a note and an affiliation pointing at each. */
async function corpus() {
  const { records } = nb;
  const texts = new TextCache(records.store.blobs);
  const document = await addTextDocument(records, 'Brief', TEXT);
  const survivor = await records.create('actors', { name: "Kata'ib Hezbollah", kind: 'armed-group', aliases: ['KH'], description: '', affiliations: [] });
  const loser = await records.create('actors', { name: 'Kataib Hizballah', kind: 'armed-group', aliases: ['كتائب حزب الله', 'kh'], description: 'Iraqi armed group.', affiliations: [] });
  const badr = await records.create('actors', { name: 'Badr', kind: 'armed-group', aliases: [], description: '', affiliations: [{ actorId: loser.id, relation: 'ally' }] });
  await records.update('actors', loser.id, { affiliations: [{ actorId: survivor.id, relation: 'same group' }, { actorId: badr.id, relation: 'rival' }] });
  const both = await createHighlight(records, texts, { documentId: document.id, anchor: { quote: 'Kata’ib Hezbollah fighters met Kataib Hizballah' }, color: 'yellow', comment: '', tags: [], actorIds: [loser.id, survivor.id], eventIds: [] });
  const loserOnly = await createHighlight(records, texts, { documentId: document.id, anchor: { quote: 'Hizballah officers' }, color: 'yellow', comment: '', tags: [], actorIds: [badr.id, loser.id], eventIds: [] });
  const untouched = await createHighlight(records, texts, { documentId: document.id, anchor: { quote: 'Badr stayed out' }, color: 'yellow', comment: '', tags: [], actorIds: [badr.id], eventIds: [] });
  const event = await records.create('events', {
    title: 'Meeting at Jurf al-Sakhar',
    date: { precision: 'day', start: '2024-03-15' },
    location: 'Jurf al-Sakhar',
    type: 'Strategic developments',
    participants: [
      { actorId: loser.id, role: 'host' },
      { actorId: survivor.id, role: 'host' },
      { actorId: loser.id, role: 'claimant' },
    ],
    evidence: [both.id],
    notes: '',
  });
  const note = await records.create('notes', { title: 'On KH', body: 'Check the spelling.', attachedTo: { kind: 'actor', id: loser.id } });
  const linking = await records.create('notes', { title: 'Allies', body: `[[actor:${loser.id}|Kataib Hizballah]] and [[actor:${badr.id}]]; also [[actor:${loser.id}]].` });
  return { survivor, loser, badr, both, loserOnly, untouched, event, note, linking };
}

/** Every record of the notebook, deleted ones too, without the times that any write changes. */
async function snapshot() {
  const types: RecordType[] = ['actors', 'highlights', 'events', 'notes'];
  const lists = await Promise.all(types.map((type) => nb.records.list(type, { includeDeleted: true })));
  return Object.fromEntries(types.map((type, i) => [type, (lists[i] ?? []).map(({ updatedAt: _updated, ...rest }) => rest).sort((a, b) => a.id.localeCompare(b.id))]));
}

describe('merging actors', () => {
  it('moves names, links, tagged passages, event roles, notes and links in notes to the survivor and retires the loser', async () => {
    const c = await corpus();
    const changed: EventPayload<'records.changed'>[] = [];
    nb.events.subscribe((event, payload) => {
      if (event === 'records.changed') changed.push(payload as EventPayload<'records.changed'>);
    });
    const merge = await merger.merge(c.survivor.id, c.loser.id);
    expect(merge).toMatchObject({ survivorName: "Kata'ib Hezbollah", loserName: 'Kataib Hizballah', author: 'Merger', changed: { actors: 3, highlights: 2, events: 1, notes: 2 } });

    const survivor = await nb.records.get('actors', c.survivor.id);
    // “kh” folds to the survivor's “KH”: one alias, not two.
    expect(survivor.aliases).toEqual(['KH', 'Kataib Hizballah', 'كتائب حزب الله']);
    expect(survivor.description).toBe('Iraqi armed group.');
    expect(survivor.affiliations).toEqual([{ actorId: c.badr.id, relation: 'rival' }]);
    expect((await nb.records.get('actors', c.badr.id)).affiliations).toEqual([{ actorId: c.survivor.id, relation: 'ally' }]);
    expect((await nb.records.get('highlights', c.both.id)).actorIds).toEqual([c.survivor.id]);
    expect((await nb.records.get('highlights', c.loserOnly.id)).actorIds).toEqual([c.badr.id, c.survivor.id]);
    expect((await nb.records.get('events', c.event.id)).participants).toEqual([
      { actorId: c.survivor.id, role: 'host' },
      { actorId: c.survivor.id, role: 'claimant' },
    ]);
    expect((await nb.records.get('notes', c.note.id)).attachedTo).toEqual({ kind: 'actor', id: c.survivor.id });
    // Links keep the label written into them.
    expect((await nb.records.get('notes', c.linking.id)).body).toBe(`[[actor:${c.survivor.id}|Kataib Hizballah]] and [[actor:${c.badr.id}]]; also [[actor:${c.survivor.id}]].`);
    const loser = await nb.records.get('actors', c.loser.id);
    expect(loser.deletedAt).toBeDefined();
    expect(loser.mergedInto).toBe(c.survivor.id);
    expect(loser.name).toBe('Kataib Hizballah');
    expect((await nb.records.list('actors')).map((actor) => actor.id).sort()).toEqual([c.survivor.id, c.badr.id].sort());
    expect(changed.map((payload) => payload.type).sort()).toEqual(['actors', 'actors', 'events', 'highlights', 'notes']);
    // A reader needs to know whether the highlights are its document's.
    expect(changed.find((payload) => payload.type === 'highlights')?.documentIds).toEqual([c.both.documentId]);
  });

  it('undoes a merge exactly, and the undo survives reopening the notebook', async () => {
    const c = await corpus();
    const before = await snapshot();
    const merge = await merger.merge(c.survivor.id, c.loser.id);
    await folder.reopen();
    expect((await merger.list()).map((entry) => entry.id)).toEqual([merge.id]);
    const undone = await merger.unmerge(merge.id);
    expect(undone.undoneAt).toBeDefined();
    expect(await snapshot()).toEqual(before);
    await expect(merger.unmerge(merge.id)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already undone/) });
  });

  it('keeps what was done after the merge when undoing it', async () => {
    const c = await corpus();
    const merge = await merger.merge(c.survivor.id, c.loser.id);
    await nb.records.update('actors', c.survivor.id, { aliases: ['KH', 'Kataib Hizballah', 'كتائب حزب الله', 'Brigades of Hezbollah'], description: 'Rewritten after the merge.' });
    await nb.records.update('highlights', c.loserOnly.id, { actorIds: [c.survivor.id] });
    await nb.records.update('highlights', c.untouched.id, { actorIds: [c.badr.id, c.survivor.id] });
    await merger.unmerge(merge.id);
    const survivor = await nb.records.get('actors', c.survivor.id);
    expect(survivor.aliases).toEqual(['KH', 'Brigades of Hezbollah']);
    expect(survivor.description).toBe('Rewritten after the merge.');
    // Tagged with the survivor after the merge: not the merge's doing, so it stays.
    expect((await nb.records.get('highlights', c.untouched.id)).actorIds).toEqual([c.badr.id, c.survivor.id]);
    // Badr was untagged after the merge and stays untagged; the merge's own swap is reversed.
    expect((await nb.records.get('highlights', c.loserOnly.id)).actorIds).toEqual([c.loser.id]);
    expect((await nb.records.get('actors', c.loser.id)).deletedAt).toBeUndefined();
  });

  it('asks to undo a later merge of the survivor first', async () => {
    const c = await corpus();
    const first = await merger.merge(c.survivor.id, c.loser.id);
    const second = await merger.merge(c.badr.id, c.survivor.id);
    await expect(merger.unmerge(first.id)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/undo that merge first/) });
    await merger.unmerge(second.id);
    await merger.unmerge(first.id);
    expect((await nb.records.list('actors')).map((actor: ActorRecord) => actor.name).sort()).toEqual(['Badr', "Kata'ib Hezbollah", 'Kataib Hizballah']);
  });

  it('refuses to merge an actor into itself, a deleted actor, or an unknown one, changing nothing', async () => {
    const c = await corpus();
    const before = await snapshot();
    await expect(merger.merge(c.survivor.id, c.survivor.id)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await nb.records.delete('actors', c.badr.id);
    const afterDelete = await snapshot();
    await expect(merger.merge(c.survivor.id, c.badr.id)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/was deleted/) });
    await expect(merger.merge(c.survivor.id, 'no-such-actor')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(merger.unmerge('no-such-merge')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await snapshot()).toEqual(afterDelete);
    expect(before.actors).toHaveLength(3);
    expect(await merger.list()).toEqual([]);
  });
});
