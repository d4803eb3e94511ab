import { useCallback, useState } from 'react';
import type { z } from 'zod';
import type { FieldbookApi } from '../../../shared/api/contract';
import type { NoteAttachment } from '../../../shared/model/records';
import { noteTitle } from '../../../shared/notes/link-resolution';
import { plainStart } from '../../../shared/notes/backlinks';
import { useApiResult } from '../api/useApiResult';
import './notes.css';

interface AttachedNotesProps {
  api: FieldbookApi;
  /** The document, actor or event the notes belong to. */
  target: z.infer<typeof NoteAttachment>;
  onOpen(noteId: string): void;
  onError?(error: unknown): void;
}

const ignore = () => undefined;

/** The notes that belong to a document, actor or event, and a button to start one; for their pages to drop in. */
export function AttachedNotes({ api, target, onOpen, onError = ignore }: AttachedNotesProps) {
  const load = useCallback(() => api.call('notes.attached', { kind: target.kind, id: target.id }), [api, target.kind, target.id]);
  const { data: notes } = useApiResult(api, load, onError, ['notes']);
  const [creating, setCreating] = useState(false);
  const headingId = `attached-notes-${target.kind}-${target.id}`;

  const create = async () => {
    setCreating(true);
    try {
      const note = await api.call('notes.create', { title: '', body: '', attachedTo: target });
      onOpen(note.id);
    } catch (error) {
      onError(error);
    } finally {
      setCreating(false);
    }
  };

  return (
    <section className="note-attached" aria-labelledby={headingId}>
      <div className="note-section-header">
        <h2 id={headingId}>Notes</h2>
        <button type="button" onClick={() => void create()} disabled={creating}>
          New note on this {target.kind}
        </button>
      </div>
      {!notes ? (
        <p role="status">Loading…</p>
      ) : notes.length === 0 ? (
        <p className="note-empty">No notes on this {target.kind} yet.</p>
      ) : (
        <ul>
          {notes.map((note) => (
            <li key={note.id}>
              <button type="button" className="link-button" dir="auto" onClick={() => onOpen(note.id)}>
                {noteTitle(note)}
              </button>
              <p className="note-backlink-excerpt" dir="auto">
                {plainStart(note.body, 200)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
