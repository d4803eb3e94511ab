import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FieldbookApi } from '../../../shared/api/contract';
import type { LibraryItem } from '../../../shared/model/library';
import type { NoteRecord } from '../../../shared/model/records';
import { plainLinks } from '../../../shared/notes/backlinks';
import type { ResolvedLink } from '../../../shared/notes/link-resolution';
import type { TextRange } from '../navigation/text-range';
import { useApiResult } from '../api/useApiResult';
import { Backlinks } from './Backlinks';
import { NoteEditor } from './NoteEditor';
import { afterPendingSave } from './pending-saves';
import { RenderedNote } from './RenderedNote';
import { useLinkCandidates } from './useLinkCandidates';
import './notes.css';

export interface NotesViewProps {
  api: FieldbookApi;
  /** The open note, if any (the app keeps it, so other pages can open a note). */
  noteId: string | undefined;
  onSelectNote(id: string | undefined): void;
  onOpenDocument(documentId: string, range?: TextRange): void;
  onOpenActor(actorId: string): void;
  onOpenEvent(eventId: string): void;
  onError(error: unknown): void;
}

type Mode = 'read' | 'edit';

/** The notebook's notes: the list, and the open note in its editor or rendered, with the notes that link to it. */
export function NotesView({ api, noteId, onSelectNote, onOpenDocument, onOpenActor, onOpenEvent, onError }: NotesViewProps) {
  const loadList = useCallback(async () => (await api.call('library.list', { collection: 'notes', limit: 1000 })).items, [api]);
  const { data: items } = useApiResult(api, loadList, onError, ['notes']);
  const [filter, setFilter] = useState('');
  const visible = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase();
    return needle ? items?.filter((item) => `${item.title} ${item.subtitle ?? ''}`.toLocaleLowerCase().includes(needle)) : items;
  }, [items, filter]);

  const create = async () => {
    try {
      const note = await api.call('notes.create', { title: '', body: '' });
      onSelectNote(note.id);
    } catch (error) {
      onError(error);
    }
  };

  const open = useCallback(
    (link: ResolvedLink) => {
      if (link.kind === 'note') onSelectNote(link.id);
      else if (link.kind === 'actor') onOpenActor(link.id);
      else if (link.kind === 'event') onOpenEvent(link.id);
      else if (link.kind === 'document') onOpenDocument(link.id);
      else if (link.citation) onOpenDocument(link.citation.documentId, { start: link.citation.start, end: link.citation.end, ...(link.citation.page !== undefined ? { page: link.citation.page } : {}) });
    },
    [onSelectNote, onOpenActor, onOpenEvent, onOpenDocument],
  );

  return (
    <section className="notes-view" aria-labelledby="view-title">
      <header className="view-header">
        <h1 id="view-title">Notes</h1>
        <button type="button" className="primary" onClick={() => void create()}>
          New note
        </button>
      </header>
      <div className="notes-layout">
        <nav className="notes-list" aria-label="Notes">
          <input type="search" dir="auto" placeholder="Filter notes" aria-label="Filter notes" value={filter} onChange={(event) => setFilter(event.target.value)} />
          {!visible ? (
            <p role="status">Loading notes…</p>
          ) : items?.length === 0 ? (
            <p className="note-empty">No notes yet. Notes link actors, events, documents and passages: type [[ in a note to link one.</p>
          ) : (
            <ul>
              {visible.map((item) => (
                <NoteListItem key={item.id} item={item} current={item.id === noteId} onOpen={() => onSelectNote(item.id)} />
              ))}
            </ul>
          )}
        </nav>
        <div className="notes-detail">{noteId ? <OpenNote key={noteId} api={api} noteId={noteId} onOpen={open} onSelectNote={onSelectNote} onError={onError} /> : <p className="note-empty">Choose a note, or start a new one.</p>}</div>
      </div>
    </section>
  );
}

function NoteListItem({ item, current, onOpen }: { item: LibraryItem; current: boolean; onOpen(): void }) {
  return (
    <li>
      <button type="button" className="notes-list-item" aria-current={current ? 'true' : undefined} onClick={onOpen}>
        <span className="notes-list-title" dir="auto">
          {item.title}
        </span>
        {item.subtitle && (
          <span className="notes-list-excerpt" dir="auto">
            {plainLinks(item.subtitle)}
          </span>
        )}
      </button>
    </li>
  );
}

interface OpenNoteProps {
  api: FieldbookApi;
  noteId: string;
  onOpen(link: ResolvedLink): void;
  onSelectNote(id: string | undefined): void;
  onError(error: unknown): void;
}

function OpenNote({ api, noteId, onOpen, onSelectNote, onError }: OpenNoteProps) {
  const [note, setNote] = useState<NoteRecord>();
  const [mode, setMode] = useState<Mode>();
  const candidates = useLinkCandidates(api);

  useEffect(() => {
    let current = true;
    afterPendingSave(noteId)
      .then(() => api.call('notes.get', { id: noteId }))
      .then(
        (loaded) => {
          if (!current) return;
          setNote(loaded);
          setMode((chosen) => chosen ?? (loaded.body.trim() === '' ? 'edit' : 'read'));
        },
        (error: unknown) => current && onError(error),
      );
    return () => {
      current = false;
    };
  }, [api, noteId, onError]);

  if (!note) return <p role="status">Loading note…</p>;

  const remove = async () => {
    try {
      await api.call('notes.delete', { id: note.id });
      onSelectNote(undefined);
    } catch (error) {
      onError(error);
    }
  };

  return (
    <article className="open-note" aria-label={note.title || 'Untitled note'}>
      <div className="toolbar note-toolbar" role="toolbar" aria-label="Note">
        <button type="button" aria-pressed={mode === 'read'} onClick={() => setMode('read')}>
          Read
        </button>
        <button type="button" aria-pressed={mode === 'edit'} onClick={() => setMode('edit')}>
          Edit
        </button>
        {note.attachedTo && <AttachedTo api={api} attachedTo={note.attachedTo} onOpen={onOpen} />}
        <span className="hint" dir="auto">
          by {note.author || 'someone'} · <time dateTime={note.createdAt}>{new Date(note.createdAt).toLocaleDateString()}</time>
        </span>
        <button type="button" className="note-delete" onClick={() => void remove()}>
          Delete note
        </button>
      </div>
      {mode === 'edit' ? (
        <NoteEditor api={api} note={note} candidates={candidates} onSaved={setNote} onClosed={(title, body) => setNote((current) => current && { ...current, title, body })} />
      ) : (
        <>
          <h2 className="note-title" dir="auto">
            {note.title || 'Untitled note'}
          </h2>
          <RenderedNote api={api} body={note.body} onOpen={onOpen} onError={onError} />
        </>
      )}
      <Backlinks api={api} target={{ kind: 'note', id: note.id }} onOpen={onSelectNote} onError={onError} />
    </article>
  );
}

/** "On: <record>" for a note that belongs to a document, actor or event, by the record's current name. */
function AttachedTo({ api, attachedTo, onOpen }: { api: FieldbookApi; attachedTo: NonNullable<NoteRecord['attachedTo']>; onOpen(link: ResolvedLink): void }) {
  const [target, setTarget] = useState<ResolvedLink>();
  useEffect(() => {
    let current = true;
    api.call('notes.resolve', { links: [attachedTo] }).then(
      ([resolved]) => current && setTarget(resolved),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api, attachedTo]);
  if (!target) return null;
  return (
    <span className="note-attached-to">
      On {attachedTo.kind}:{' '}
      {target.exists ? (
        <button type="button" className="link-button" dir="auto" onClick={() => onOpen(target)}>
          {target.name}
        </button>
      ) : (
        <span>(deleted)</span>
      )}
    </span>
  );
}
