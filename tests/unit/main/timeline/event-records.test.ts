import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { actorNetwork } from '../../../../main/actors/actor-network';
import { actorProfile } from '../../../../main/actors/actor-profile';
import { EventRecords } from '../../../../main/timeline/event-records';
import { defaultEventTypes, EVENT_TYPES_FILE, EventTypes } from '../../../../main/timeline/event-types';
import { eventEvidence, timeline } from '../../../../main/timeline/timeline';
import { createHighlight } from '../../../../main/notebook/records/highlights';
import { TextCache } from '../../../../main/notebook/records/text-cache';
import { createTextDocument } from '../../../../main/notebook/records/documents';
import { type OpenTestNotebook } from '../../../support/notebook-fixture';
import { useTestNotebook } from '../../../support/use-test-notebook';

let nb: OpenTestNotebook;
let events: EventRecords;

const folder = useTestNotebook((opened) => {
  nb = opened;
  events = new EventRecords(nb.records);
});

const actor = (name: string, kind: 'person' | 'armed-group' | 'state' = 'armed-group') => nb.records.create('actors', { name, kind, aliases: [], description: '', affiliations: [] });
const base = { location: '', type: '', evidence: [], notes: '' };

describe('recording events', () => {
  it('refuses a date that does not fit its precision, and unknown or deleted participants, saving nothing', async () => {
    const kh = await actor('Kata’ib Hezbollah');
    const gone = await actor('Gone');
    await nb.records.delete('actors', gone.id);
    await expect(events.create({ ...base, title: 'A', date: { precision: 'day', start: '2024-02' }, participants: [] })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/Invalid event date/) });
    await expect(events.create({ ...base, title: 'B', date: { precision: 'year', start: '2024' }, participants: [{ actorId: gone.id, role: 'target' }] })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(events.create({ ...base, title: 'C', date: { precision: 'year', start: '2024' }, participants: [{ actorId: 'missing-actor', role: 'x' }] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(events.create({ ...base, title: 'D', date: { precision: 'year', start: '2024' }, participants: [], evidence: ['missing-highlight'] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await nb.records.list('events')).toEqual([]);
    const created = await events.create({ ...base, title: 'E', date: { precision: 'year', start: '2024' }, participants: [{ actorId: kh.id, role: 'claimant' }, { actorId: kh.id, role: 'Claimant ' }, { actorId: kh.id, role: 'target' }] });
    expect(created.participants.map((participant) => participant.role)).toEqual(['claimant', 'target']);
    await expect(events.update(created.id, { date: { precision: 'range', start: '2024-05', end: '2024-01' } })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect((await events.update(created.id, { date: { precision: 'range', start: '2024-01', end: '2024-05' } })).date.end).toBe('2024-05');
  });
});

describe('editing and deleting events', () => {
  it('sets and takes away casualty figures, leaving the other fields as they were', async () => {
    const kh = await actor('Kata’ib Hezbollah');
    const created = await events.create({ ...base, title: 'Drone attack', date: { precision: 'day', start: '2021-11-07' }, participants: [{ actorId: kh.id, role: 'perpetrator' }] });
    const counted = await events.update(created.id, { fatalities: { count: 0, source: 'security media cell' }, injuries: { count: 2, source: 'security media cell' }, location: 'Green Zone' });
    expect(counted).toMatchObject({ fatalities: { count: 0 }, injuries: { count: 2 }, location: 'Green Zone', participants: created.participants });
    const cleared = await events.update(created.id, { injuries: null });
    expect(cleared.injuries).toBeUndefined();
    expect(cleared.fatalities).toEqual({ count: 0, source: 'security media cell' });
    expect((await nb.records.get('events', created.id)).injuries).toBeUndefined();
  });

  it('restores a deleted event, leaving out actors and passages deleted since', async () => {
    const kh = await actor('Kata’ib Hezbollah');
    const gone = await actor('Gone');
    const document = await createTextDocument(nb.records, { kind: 'text', title: 'Brief', text: 'Drones struck the residence.', authors: [], direction: 'auto', tags: [] });
    const passage = await createHighlight(nb.records, new TextCache(nb.store.blobs), { documentId: document.id, anchor: { quote: 'Drones struck' }, color: 'yellow', comment: '', tags: [], actorIds: [], eventIds: [] });
    const created = await events.create({ ...base, title: 'Drone attack', date: { precision: 'year', start: '2021' }, participants: [{ actorId: kh.id, role: 'perpetrator' }, { actorId: gone.id, role: 'target' }], evidence: [passage.id] });
    await nb.records.delete('events', created.id);
    expect(await nb.records.list('events')).toEqual([]);
    expect((await events.restore(created.id)).deletedAt).toBeUndefined();
    expect((await nb.records.list('events')).map((event) => event.title)).toEqual(['Drone attack']);

    await nb.records.delete('events', created.id);
    await nb.records.delete('actors', gone.id);
    await nb.records.delete('highlights', passage.id);
    const restored = await events.restore(created.id);
    expect(restored.participants).toEqual([{ actorId: kh.id, role: 'perpetrator' }]);
    expect(restored.evidence).toEqual([]);
    await expect(events.restore('missing-event')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('the notebook’s event types', () => {
  it('starts from the ACLED-like defaults, keeps an edited list in the notebook, and refuses a damaged file', async () => {
    const types = new EventTypes(nb.store);
    expect(await types.list()).toEqual(defaultEventTypes);
    expect(await types.replace(['Battles', ' battles ', 'Kidnappings', '', 'Protests'])).toEqual(['Battles', 'Kidnappings', 'Protests']);
    expect(await new EventTypes(nb.store).list()).toEqual(['Battles', 'Kidnappings', 'Protests']);
    await writeFile(path.join(folder.dir, EVENT_TYPES_FILE), '{"formatVersion":1,"types":[42]}');
    await expect(types.list()).rejects.toMatchObject({ code: 'NOTEBOOK_INVALID' });
  });
});

describe('joined views', () => {
  async function corpus() {
    const texts = new TextCache(nb.store.blobs);
    const kh = await actor('Kata’ib Hezbollah');
    const us = await actor('United States', 'state');
    const pm = await actor('Mustafa al-Kadhimi', 'person');
    await nb.records.update('actors', kh.id, { affiliations: [{ actorId: pm.id, relation: 'opponent' }] });
    const march = await createTextDocument(nb.records, { kind: 'text', title: 'March brief', text: 'Kata’ib Hezbollah and US forces clashed. The prime minister called for calm.', authors: [], direction: 'auto', tags: [], publishedAt: '2024-03-20T08:00:00Z' });
    const undated = await createTextDocument(nb.records, { kind: 'text', title: 'Another brief', text: 'US officials and Kata’ib Hezbollah traded statements.', authors: [], direction: 'auto', tags: [] });
    const clash = await createHighlight(nb.records, texts, { documentId: march.id, anchor: { quote: 'Kata’ib Hezbollah and US forces clashed' }, color: 'yellow', comment: '', tags: [], actorIds: [kh.id, us.id], eventIds: [] });
    const calm = await createHighlight(nb.records, texts, { documentId: march.id, anchor: { quote: 'The prime minister called for calm' }, color: 'yellow', comment: '', tags: [], actorIds: [pm.id, kh.id], eventIds: [] });
    const statements = await createHighlight(nb.records, texts, { documentId: undated.id, anchor: { quote: 'US officials and Kata’ib Hezbollah' }, color: 'yellow', comment: '', tags: [], actorIds: [us.id, kh.id], eventIds: [] });
    const strike = await events.create({ ...base, title: 'Strike', date: { precision: 'day', start: '2024-02-07' }, participants: [{ actorId: us.id, role: 'perpetrator' }, { actorId: kh.id, role: 'target' }], evidence: [clash.id] });
    const talks = await events.create({ ...base, title: 'Talks', date: { precision: 'month', start: '2023-11' }, participants: [{ actorId: pm.id, role: 'mediator' }, { actorId: kh.id, role: 'party' }] });
    await nb.records.update('highlights', statements.id, { eventIds: [strike.id] });
    return { kh, us, pm, march, undated, clash, calm, statements, strike, talks };
  }

  it('builds the actor page: affiliations, passages by document, events by date with roles, and co-tagged actors', async () => {
    const c = await corpus();
    const profile = await actorProfile(nb.records, c.kh.id);
    expect(profile.affiliations).toEqual([{ actor: { id: c.pm.id, name: 'Mustafa al-Kadhimi', kind: 'person' }, relation: 'opponent', deleted: false }]);
    expect(profile.passages.map((group) => [group.document.title, group.highlights.map((highlight) => highlight.id)])).toEqual([
      ['Another brief', [c.statements.id]],
      ['March brief', [c.clash.id, c.calm.id]],
    ]);
    expect(profile.events.map((entry) => [entry.event.title, entry.roles])).toEqual([
      ['Talks', ['party']],
      ['Strike', ['target']],
    ]);
    expect(profile.coTagged.map((entry) => [entry.actor.name, entry.passages, entry.events])).toEqual([
      ['United States', 2, 1],
      ['Mustafa al-Kadhimi', 1, 1],
    ]);
  });

  it('puts events on the timeline in date order with the documents of their evidence, listed or tagged', async () => {
    const c = await corpus();
    expect((await timeline(nb.records)).map((entry) => [entry.event.title, entry.documentIds.sort()])).toEqual([
      ['Talks', []],
      ['Strike', [c.march.id, c.undated.id].sort()],
    ]);
    expect((await eventEvidence(nb.records, c.strike.id)).map((item) => [item.document.title, item.highlight.id])).toEqual([
      ['Another brief', c.statements.id],
      ['March brief', c.clash.id],
    ]);
  });

  it('links actors by shared events and passages, filtered by time and kind', async () => {
    const c = await corpus();
    const edge = (network: Awaited<ReturnType<typeof actorNetwork>>, a: string, b: string) => network.edges.find((e) => [e.source, e.target].sort().join() === [a, b].sort().join());
    const all = await actorNetwork(nb.records, {});
    expect(all.nodes.map((node) => node.name)).toEqual(['Kata’ib Hezbollah', 'Mustafa al-Kadhimi', 'United States']);
    expect(edge(all, c.kh.id, c.us.id)).toMatchObject({ events: 1, passages: 2 });
    expect(edge(all, c.kh.id, c.pm.id)).toMatchObject({ events: 1, passages: 1 });
    expect(edge(all, c.us.id, c.pm.id)).toBeUndefined();

    // March 2024 only: the strike (February) and talks (2023) drop out; the undated brief's passage too.
    const march = await actorNetwork(nb.records, { from: '2024-03', to: '2024-03' });
    expect(edge(march, c.kh.id, c.us.id)).toMatchObject({ events: 0, passages: 1 });
    expect(edge(march, c.kh.id, c.pm.id)).toMatchObject({ events: 0, passages: 1 });

    const groupsAndStates = await actorNetwork(nb.records, { kinds: ['armed-group', 'state'], links: ['events'] });
    expect(groupsAndStates.nodes.map((node) => [node.name, node.events, node.passages])).toEqual([
      ['Kata’ib Hezbollah', 2, 0],
      ['United States', 1, 0],
    ]);
    expect(groupsAndStates.edges).toEqual([expect.objectContaining({ events: 1, passages: 0 })]);
  });
});
