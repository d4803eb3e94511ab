import { Readable } from 'node:stream';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromJsonLines } from '../../../../main/exchange/json-lines';
import { readAllRecords, type RecordSet } from '../../../../main/exchange/record-set';
import { selectRecords } from '../../../../main/exchange/selection';
import { addTextDocument } from '../../../support/notebook-fixture';
import { makeTempDir } from '../../../support/temp-dir';
import { highlightQuote, populatedNotebook, type FixtureIds } from './exchange-fixture';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let all: RecordSet;
let ids: FixtureIds;
let unrelated: { document: string; highlight: string };

beforeAll(async () => {
  temp = await makeTempDir();
  const notebook = await populatedNotebook(path.join(temp.dir, 'nb'));
  ids = notebook.ids;
  const document = await addTextDocument(notebook.records, 'Unrelated market prices', 'Bread cost more in March than in February.');
  unrelated = { document: document.id, highlight: await highlightQuote(notebook.records, document.id, 'Bread cost more') };
  all = await readAllRecords(notebook.store);
  await notebook.store.close();
});
afterAll(() => temp.remove());

const idsOf = (records: RecordSet) => Object.fromEntries(Object.entries(records).map(([type, list]) => [type, (list as { id: string }[]).map((record) => record.id).sort()]));

describe('choosing what to export', () => {
  it('exports everything without criteria', () => {
    const { records, description } = selectRecords(all, {});
    expect(idsOf(records)).toEqual(idsOf(all));
    expect(description).toBe('the whole notebook');
  });

  it('takes an actor’s evidence by alias, with what it needs and nothing else', () => {
    const { records, description } = selectRecords(all, { actor: 'كتائب حزب الله' });
    expect(description).toBe('the evidence on “Kata\'ib Hezbollah”');
    expect(records.documents.map((document) => document.id)).toEqual([ids.document]);
    // The denial names the group; the event it took part in brings its evidence, whose links come along.
    expect(records.highlights.map((highlight) => highlight.id).sort()).toEqual([ids.highlight, ids.denial].sort());
    expect(records.events.map((event) => event.id)).toEqual([ids.event]);
    expect(records.actors.map((actor) => actor.id).sort()).toEqual([ids.actor, ids.pm].sort());
    expect(records.tags.map((tag) => tag.id)).toEqual([ids.tag]);
    expect(records.notes.map((note) => note.id)).toEqual([ids.note]);
  });

  it('takes a tag, or named documents', () => {
    expect(selectRecords(all, { tag: 'Elections' }).records.documents.map((document) => document.id)).toEqual([ids.document]);
    const named = selectRecords(all, { documentIds: [unrelated.document] }).records;
    expect(idsOf(named)).toMatchObject({ documents: [unrelated.document], highlights: [unrelated.highlight], events: [], actors: [] });
    expect(() => selectRecords(all, { documentIds: ['missing-document'] })).toThrow(/no document with id missing-document/);
    expect(() => selectRecords(all, { actor: 'Nobody' })).toThrow(/No actor is named “Nobody”/);
  });

  it('keeps only what changed in a date range', () => {
    expect(idsOf(selectRecords(all, { until: '2000-01-01' }).records)).toEqual({ documents: [], highlights: [], actors: [], events: [], notes: [], tags: [] });
    const today = new Date().toISOString().slice(0, 10);
    expect(selectRecords(all, { since: today }).records.highlights).toHaveLength(3);
  });
});

describe('JSON Lines', () => {
  it('parses lines split across chunks, and refuses an over-long line before buffering it', async () => {
    const chunks = ['{"a":1}\n{"b":', '2}\n', '\n{"c":"ى"}'].map((text) => Buffer.from(text));
    const parsed: unknown[] = [];
    for await (const value of fromJsonLines(Readable.from(chunks), 100, 'test.jsonl')) parsed.push(value);
    expect(parsed).toEqual([{ a: 1 }, { b: 2 }, { c: 'ى' }]);
    const endless = Readable.from(Array.from({ length: 50 }, () => Buffer.from('x'.repeat(10))));
    await expect(async () => {
      for await (const value of fromJsonLines(endless, 100, 'test.jsonl')) expect(value).toBeUndefined();
    }).rejects.toThrow(/line 1, is longer than 100 bytes/);
  });
});
