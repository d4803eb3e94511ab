import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useEffect, useRef, useState } from 'react';
import type { FieldbookApi } from '../../../shared/api/contract';
import type { NoteRecord } from '../../../shared/model/records';
import type { LinkCandidate } from '../../../shared/notes/link-candidates';
import { SaveQueue, type SaveStatus } from '../../../shared/notes/save-queue';
import { editorExtensions, MAX_NOTE_CHARS } from './editor-setup';
import { trackSave } from './pending-saves';

/** The pause in typing after which a note is saved. */
const SAVE_DELAY_MS = 600;

interface NoteEditorProps {
  api: FieldbookApi;
  note: NoteRecord;
  candidates(): Promise<readonly LinkCandidate[]>;
  /** The saved note, for views that show it (the rendered note). */
  onSaved(note: NoteRecord): void;
  /** The text as the editor closes, before its last save is done: what the next view of the note must start from. */
  onClosed(title: string, body: string): void;
}

const statusText: Readonly<Record<SaveStatus, string>> = { saved: 'Saved', unsaved: 'Saving…', saving: 'Saving…', failed: 'Not saved' };

/**
 * A note's title and Markdown text, saved as you type. The text is a
 * CodeMirror 6 editor (Markdown highlighting, undo, shortcuts, the `[[` link
 * picker, per-line direction).
 *
 * The editor lives in a shadow root because of the app's Content Security
 * Policy (`style-src 'self'`): CodeMirror injects its styles through
 * style-mod, which writes a `<style>` element when mounted in the document
 * (refused by that policy) but uses a constructed, adopted style sheet in a
 * shadow root (allowed: CSSOM is not inline markup). No nonce or
 * 'unsafe-inline' is needed.
 */
export function NoteEditor({ api, note, candidates, onSaved, onClosed }: NoteEditorProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView>(undefined);
  const [title, setTitle] = useState(note.title);
  const titleRef = useRef(note.title);
  const initialBody = useRef(note.body);
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [problem, setProblem] = useState<string>();
  const latest = useRef({ candidates, onSaved, onClosed });
  latest.current = { candidates, onSaved, onClosed };

  const [queue] = useState(() => {
    const created = new SaveQueue({
      read: () => ({ title: titleRef.current, body: viewRef.current?.state.doc.toString() ?? note.body }),
      write: async (patch) => {
        const saved = await api.call('notes.update', { id: note.id, patch });
        // A newer change is queued behind this save: showing this copy would step back for a moment.
        if (!created.dirty) latest.current.onSaved(saved);
      },
      delay: SAVE_DELAY_MS,
      onStatus: (next, error) => {
        setStatus(next);
        if (next === 'failed') setProblem(error instanceof Error ? error.message : String(error));
        else if (next === 'saved') setProblem(undefined);
      },
    });
    return created;
  });

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    const flush = () => trackSave(note.id, queue.flush());
    const view = new EditorView({
      root,
      parent: root,
      state: EditorState.create({
        doc: initialBody.current,
        extensions: editorExtensions({
          candidates: () => latest.current.candidates(),
          onChange: () => queue.changed(),
          onSave: flush,
          onBlur: flush,
          onTooLong: () => setProblem(`A note holds at most ${MAX_NOTE_CHARS.toLocaleString()} characters; that change was not made.`),
        }),
      }),
    });
    viewRef.current = view;
    // Leaving the page: start the save now (the call leaves before the page goes); warn only if saving is already failing.
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!queue.dirty && queue.status === 'saved') return;
      flush();
      if (queue.status === 'failed') event.preventDefault();
    };
    const hidden = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('visibilitychange', hidden);
      // A destroyed view keeps its state, so a save still running or queued reads the last keystroke from it.
      trackSave(note.id, queue.flush());
      latest.current.onClosed(titleRef.current, view.state.doc.toString());
      view.destroy();
    };
    // The editor is made once per note (the parent keys it by id); later copies of the note come from its own saves.
  }, [note.id, queue]);

  return (
    <div className="note-editor">
      <div className="note-editor-bar">
        <label className="note-title-field">
          <span className="visually-hidden">Title</span>
          <input
            type="text"
            dir="auto"
            value={title}
            maxLength={1000}
            placeholder="Untitled note"
            aria-label="Note title"
            onChange={(event) => {
              setTitle(event.target.value);
              titleRef.current = event.target.value;
              queue.changed();
            }}
            onBlur={() => trackSave(note.id, queue.flush())}
          />
        </label>
        <span className={`note-save-status note-save-${status}`} role="status" aria-live="polite">
          {statusText[status]}
        </span>
      </div>
      {problem && (
        <p className="note-problem" role="alert">
          {problem}
          {status === 'failed' && ' Your text is kept here and saved again when you type or press Ctrl+S.'}
        </p>
      )}
      <div ref={hostRef} className="note-editor-host" />
    </div>
  );
}
