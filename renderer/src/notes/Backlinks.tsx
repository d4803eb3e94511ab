import { useCallback } from 'react';
import type { FieldbookApi } from '../../../shared/api/contract';
import type { LinkRef } from '../../../shared/notes/link-syntax';
import { useApiResult } from '../api/useApiResult';
import './notes.css';

interface BacklinksProps {
  api: FieldbookApi;
  /** The document, highlight, actor, event or note whose backlinks to list. */
  target: LinkRef;
  onOpen(noteId: string): void;
  onError?(error: unknown): void;
  /** The heading, e.g. "Notes citing this passage". */
  heading?: string;
}

const ignore = () => undefined;

/** The notes that link to a record, each with the line that does; for any page to drop in. */
export function Backlinks({ api, target, onOpen, onError = ignore, heading = 'Linked from notes' }: BacklinksProps) {
  const load = useCallback(() => api.call('notes.backlinks', { kind: target.kind, id: target.id }), [api, target.kind, target.id]);
  const { data: backlinks } = useApiResult(api, load, onError, ['notes']);
  const headingId = `backlinks-${target.kind}-${target.id}`;
  return (
    <section className="note-backlinks" aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      {!backlinks ? (
        <p role="status">Loading…</p>
      ) : backlinks.length === 0 ? (
        <p className="note-empty">No note links here yet.</p>
      ) : (
        <ul>
          {backlinks.map((backlink) => (
            <li key={backlink.noteId}>
              <button type="button" className="link-button" dir="auto" onClick={() => onOpen(backlink.noteId)}>
                {backlink.title}
              </button>
              {backlink.excerpt && (
                <p className="note-backlink-excerpt" dir="auto">
                  {backlink.excerpt}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
