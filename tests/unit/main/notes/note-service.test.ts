import { describe, expect, it } from 'vitest';
import { NoteService } from '../../../../main/notes/note-service';
import { createHighlight } from '../../../../main/notebook/records/highlights';
import { TextCache } from '../../../../main/notebook/records/text-cache';
import { formatLink } from '../../../../shared/notes/link-syntax';
import { addTextDocument, type OpenTestNotebook } from '../../../support/notebook-fixture';
import { useTestNotebook } from '../../../support/use-test-notebook';

let notebook: OpenTestNotebook;
let notes: NoteService;

useTestNotebook((opened) => {
  notebook = opened;
  notes = new NoteService(notebook.records);
});

async function evidence() {
  const { records } = notebook;
  const document = await addTextDocument(records, 'Report on the strike', 'On 7 February the convoy was struck near al-Qaim. Three were killed.');
  const highlight = await createHighlight(records, new TextCache(notebook.store.blobs), { documentId: document.id, anchor: { quote: 'the convoy was struck' }, color: 'yellow', comment: '', tags: [], actorIds: [], eventIds: [] });
  const actor = await records.create('actors', { name: 'Kataib Hezbollah', kind: 'armed-group', aliases: ['KH'], description: '', affiliations: [] });
  return { document, highlight, actor };
}

describe('NoteService backlinks', () => {
  it('lists the notes that link to each record, and follows edits and deletions', async () => {
    const { document, highlight, actor } = await evidence();
    const memo = await notes.create({ title: 'Memo', body: `${formatLink({ kind: 'actor', id: actor.id }, actor.name)} did it:\n${formatLink({ kind: 'highlight', id: highlight.id }, 'the convoy')}` });
    const other = await notes.create({ title: 'Other', body: `See ${formatLink({ kind: 'note', id: memo.id }, 'Memo')} and ${formatLink({ kind: 'actor', id: actor.id }, 'KH')}.` });

    expect((await notes.backlinks({ kind: 'actor', id: actor.id })).map((link) => link.noteId).sort()).toEqual([memo.id, other.id].sort());
    expect(await notes.backlinks({ kind: 'highlight', id: highlight.id })).toMatchObject([{ noteId: memo.id, title: 'Memo', excerpt: 'the convoy' }]);
    expect(await notes.backlinks({ kind: 'note', id: memo.id })).toMatchObject([{ noteId: other.id, excerpt: 'See Memo and KH.' }]);
    expect(await notes.backlinks({ kind: 'document', id: document.id })).toEqual([]);

    await notes.update(memo.id, { body: `Now about ${formatLink({ kind: 'document', id: document.id }, document.title)} only.` });
    expect((await notes.backlinks({ kind: 'actor', id: actor.id })).map((link) => link.noteId)).toEqual([other.id]);
    expect((await notes.backlinks({ kind: 'document', id: document.id })).map((link) => link.noteId)).toEqual([memo.id]);

    await notebook.records.delete('notes', other.id);
    expect(await notes.backlinks({ kind: 'actor', id: actor.id })).toEqual([]);
  });

  it('does not count a note linking to itself', async () => {
    const note = await notes.create({ title: 'Self', body: '' });
    await notes.update(note.id, { body: formatLink({ kind: 'note', id: note.id }, 'Self') });
    expect(await notes.backlinks({ kind: 'note', id: note.id })).toEqual([]);
  });
});

describe('NoteService resolve', () => {
  it('shows current names after the actor and the document are renamed, and the cited passage with its document', async () => {
    const { document, highlight, actor } = await evidence();
    await notebook.records.update('actors', actor.id, { name: "Kata'ib Hizballah" });
    await notebook.records.update('documents', document.id, { title: 'Renamed report' });
    const resolved = await notes.resolve([
      { kind: 'actor', id: actor.id },
      { kind: 'document', id: document.id },
      { kind: 'highlight', id: highlight.id },
      { kind: 'event', id: 'no-such-event' },
    ]);
    expect(resolved).toEqual([
      { kind: 'actor', id: actor.id, exists: true, name: "Kata'ib Hizballah" },
      { kind: 'document', id: document.id, exists: true, name: 'Renamed report' },
      {
        kind: 'highlight',
        id: highlight.id,
        exists: true,
        name: 'the convoy was struck',
        citation: { documentId: document.id, documentTitle: 'Renamed report', quote: 'the convoy was struck', start: highlight.target.position.start, end: highlight.target.position.end },
      },
      { kind: 'event', id: 'no-such-event', exists: false },
    ]);
  });
});

describe('NoteService attachments and candidates', () => {
  it('lists the notes attached to a record, and refuses an attachment to nothing', async () => {
    const { actor } = await evidence();
    const attached = await notes.create({ title: 'On KH', body: 'x', attachedTo: { kind: 'actor', id: actor.id } });
    await notes.create({ title: 'Free', body: 'y' });
    expect((await notes.attached({ kind: 'actor', id: actor.id })).map((note) => note.id)).toEqual([attached.id]);
    await expect(notes.create({ title: 'Lost', body: '', attachedTo: { kind: 'event', id: 'missing-event' } })).rejects.toThrow(/no event with id missing-event|there is none/);
    expect((await notebook.records.list('notes')).map((note) => note.title).sort()).toEqual(['Free', 'On KH']);
  });

  it('offers actors with their aliases, documents, passages with their document, and notes', async () => {
    const { document, highlight, actor } = await evidence();
    const note = await notes.create({ title: '', body: '# Working theory\n…' });
    const candidates = await notes.candidates();
    expect(candidates).toEqual(
      expect.arrayContaining([
        { kind: 'actor', id: actor.id, label: 'Kataib Hezbollah', names: ['Kataib Hezbollah', 'KH'], detail: 'armed-group' },
        { kind: 'document', id: document.id, label: 'Report on the strike', names: ['Report on the strike'] },
        { kind: 'highlight', id: highlight.id, label: 'the convoy was struck', names: ['the convoy was struck'], detail: 'Report on the strike' },
        { kind: 'note', id: note.id, label: 'Working theory', names: ['Working theory'], detail: 'note' },
      ]),
    );
  });
});
