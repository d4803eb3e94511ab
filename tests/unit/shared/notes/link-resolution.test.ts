import { describe, expect, it } from 'vitest';
import type { ActorRecord, DocumentRecord, HighlightRecord, NoteRecord } from '../../../../shared/model/records';
import { noteTitle, resolveLink, type LinkCatalog } from '../../../../shared/notes/link-resolution';
import { formatLink, parseLinks } from '../../../../shared/notes/link-syntax';

const base = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', author: 'T' };
const blob = { sha256: 'a'.repeat(64), size: 1, mediaType: 'text/plain' };

function catalogOf(records: { documents?: DocumentRecord[]; highlights?: HighlightRecord[]; actors?: ActorRecord[]; notes?: NoteRecord[] }): LinkCatalog {
  const by = <T extends { id: string }>(list: T[] = []) => (id: string) => list.find((record) => record.id === id);
  return { document: by(records.documents), highlight: by(records.highlights), actor: by(records.actors), event: () => undefined, note: by(records.notes) };
}

const actor = (name: string): ActorRecord => ({ ...base, id: 'actor-0001', name, kind: 'armed-group', aliases: [], description: '', affiliations: [] });
const document = (title: string, deletedAt?: string): DocumentRecord => ({ ...base, id: 'document-01', kind: 'text', title, authors: [], direction: 'auto', original: blob, text: blob, tags: [], ...(deletedAt ? { deletedAt } : {}) });
const highlight: HighlightRecord = {
  ...base,
  id: 'highlight-01',
  documentId: 'document-01',
  target: { quote: { type: 'TextQuoteSelector', exact: 'the convoy was struck', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 40, end: 61 }, unit: 'utf-16', normalisation: 'NFC', page: 2 },
  color: 'yellow',
  comment: '',
  tags: [],
  actorIds: [],
  eventIds: [],
};

describe('resolveLink', () => {
  const body = `${formatLink({ kind: 'actor', id: 'actor-0001' }, 'Kataib Hezbollah')} cited ${formatLink({ kind: 'highlight', id: 'highlight-01' }, 'the convoy')} from ${formatLink({ kind: 'document', id: 'document-01' }, 'Old title')}`;

  it('shows the current names after an actor and a document are renamed', () => {
    const before = catalogOf({ actors: [actor('Kataib Hezbollah')], documents: [document('Old title')], highlights: [highlight] });
    const after = catalogOf({ actors: [actor("Kata'ib Hizballah")], documents: [document('Report on the strike')], highlights: [highlight] });
    expect(parseLinks(body).map((link) => resolveLink(link, before).name)).toEqual(['Kataib Hezbollah', 'the convoy was struck', 'Old title']);
    const resolved = parseLinks(body).map((link) => resolveLink(link, after));
    expect(resolved.map((link) => link.name)).toEqual(["Kata'ib Hizballah", 'the convoy was struck', 'Report on the strike']);
    expect(resolved[1]?.citation).toEqual({ documentId: 'document-01', documentTitle: 'Report on the strike', quote: 'the convoy was struck', start: 40, end: 61, page: 2 });
  });

  it('reports targets that are gone: deleted, or a passage of a deleted document, or never here', () => {
    const catalog = catalogOf({ actors: [{ ...actor('X'), deletedAt: base.updatedAt }], documents: [document('Gone', base.updatedAt)], highlights: [highlight] });
    expect(parseLinks(body).map((link) => resolveLink(link, catalog).exists)).toEqual([false, false, false]);
    expect(resolveLink({ kind: 'note', id: 'missing-note' }, catalog)).toEqual({ kind: 'note', id: 'missing-note', exists: false });
  });
});

describe('noteTitle', () => {
  it('is the title, or the first line without its heading marks, or "Untitled note"', () => {
    expect(noteTitle({ title: ' Memo ', body: '# Other' })).toBe('Memo');
    expect(noteTitle({ title: '', body: '\n## Assessment of the strike\ntext' })).toBe('Assessment of the strike');
    expect(noteTitle({ title: '', body: '  \n' })).toBe('Untitled note');
  });
});
