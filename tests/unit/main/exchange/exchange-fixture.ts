import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createHighlight } from '../../../../main/notebook/records/highlights';
import { TextCache } from '../../../../main/notebook/records/text-cache';
import { blobPath, recordsPath } from '../../../../main/exchange/manifest';
import { readAllRecords, recordTypes, type RecordSet } from '../../../../main/exchange/record-set';
import type { NotebookStore } from '../../../../main/notebook/notebook-store';
import type { RecordService } from '../../../../main/notebook/records/record-service';
import { addTextDocument, openTestNotebook, type OpenTestNotebook } from '../../../support/notebook-fixture';
import type { RawEntry } from './raw-zip';

export const briefText =
  'The militia leader met the prime minister in the Green Zone on 3 November. Kata\'ib Hezbollah denied any role. قال المتحدث إن الاجتماع كان قصيرا. Casualty figures were disputed by the ministry.';

/** A notebook with one of every kind of record, linked the way a researcher links them. */
export interface FixtureIds {
  tag: string;
  document: string;
  actor: string;
  pm: string;
  highlight: string;
  denial: string;
  event: string;
  note: string;
}

export async function populatedNotebook(dir: string, author = 'Layla', text = briefText): Promise<OpenTestNotebook & { ids: FixtureIds }> {
  const notebook = await openTestNotebook(dir, author);
  const { records } = notebook;
  const tag = await records.create('tags', { name: 'elections', color: '#336699' });
  const document = await addTextDocument(records, 'Brief on the Green Zone meeting', text);
  await records.update('documents', document.id, { tags: [tag.id], authors: ['A. Analyst'], publishedAt: '2026-11-04', sourceUrl: 'https://example.org/brief' });
  const actor = await records.create('actors', { name: "Kata'ib Hezbollah", kind: 'armed-group', aliases: ['KH', 'كتائب حزب الله'], description: 'An armed group.', affiliations: [] });
  const pm = await records.create('actors', { name: 'Mustafa al-Kadhimi', kind: 'person', aliases: ['the prime minister'], description: '', affiliations: [] });
  const highlight = await createHighlight(records, new TextCache(notebook.store.blobs), {
    documentId: document.id,
    anchor: { quote: 'met the prime minister in the Green Zone' },
    color: 'yellow',
    comment: 'First meeting since the vote.',
    tags: [tag.id],
    actorIds: [pm.id],
    eventIds: [],
  });
  const denial = await createHighlight(records, new TextCache(notebook.store.blobs), { documentId: document.id, anchor: { quote: "Kata'ib Hezbollah denied any role" }, color: 'pink', comment: '', tags: [], actorIds: [actor.id], eventIds: [] });
  const event = await records.create('events', {
    title: 'Green Zone meeting',
    date: { precision: 'day', start: '2026-11-03' },
    location: 'Baghdad, Green Zone',
    type: 'Meeting',
    participants: [{ actorId: pm.id, role: 'host' }, { actorId: actor.id, role: 'named' }],
    fatalities: { count: 0, source: 'ministry' },
    evidence: [highlight.id],
    notes: 'Short meeting.',
  });
  await records.update('highlights', highlight.id, { eventIds: [event.id] });
  const note = await records.create('notes', { title: 'Reading notes', body: 'The meeting matters because of the vote.', attachedTo: { kind: 'document', id: document.id } });
  return { ...notebook, ids: { tag: tag.id, document: document.id, actor: actor.id, pm: pm.id, highlight: highlight.id, denial: denial.id, event: event.id, note: note.id } };
}

/** Every record (tombstones too) sorted by id, and every blob's bytes: what "the same notebook" means. */
export async function snapshot(store: NotebookStore): Promise<{ records: RecordSet; blobs: Record<string, string> }> {
  const records = await readAllRecords(store);
  for (const type of recordTypes) (records[type] as { id: string }[]).sort((a, b) => (a.id < b.id ? -1 : 1));
  const blobs: Record<string, string> = {};
  const root = store.blobs.root;
  for (const prefix of await readdir(root).catch(() => [] as string[])) {
    for (const name of await readdir(path.join(root, prefix))) blobs[name] = (await readFile(path.join(root, prefix, name))).toString('base64');
  }
  return { records, blobs };
}

export async function highlightQuote(records: RecordService, documentId: string, quote: string): Promise<string> {
  const created = await createHighlight(records, new TextCache(records.store.blobs), { documentId, anchor: { quote }, color: 'yellow', comment: '', tags: [], actorIds: [], eventIds: [] });
  return created.id;
}

/** Another notebook's records and original files as the entries of an exchange file, valid, to be spoiled or added to one way at a time. */
export async function validEntriesOfAnotherNotebook(dir: string): Promise<RawEntry[]> {
  const other = await populatedNotebook(dir, 'Mallory', `${briefText} A second edition.`);
  const records = await readAllRecords(other.store);
  const entries = [
    ...Object.entries(records).map(([type, list]) => ({ name: recordsPath(type as keyof typeof records), data: Buffer.from(list.map((record) => `${JSON.stringify(record)}\n`).join('')) })),
    ...(await Promise.all(records.documents.map(async (document) => ({ name: blobPath(document.original.sha256), data: await other.store.blobs.get(document.original.sha256) })))),
  ];
  await other.store.close();
  return entries;
}
