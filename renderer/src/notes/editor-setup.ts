import { autocompletion, closeCompletion, completionKeymap, startCompletion } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { markdown } from '@codemirror/lang-markdown';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags } from '@lezer/highlight';
import { EditorSelection, EditorState, type Extension } from '@codemirror/state';
import { EditorView, type KeyBinding, keymap, placeholder, type Command } from '@codemirror/view';
import { NoteRecord } from '../../../shared/model/records';
import type { LinkCandidate } from '../../../shared/notes/link-candidates';
import { lineDirection } from './line-direction';
import { logicalLineBoundaryKeymap } from './logical-line-boundary';
import { linkMarks } from './link-marks';
import { linkCompletionSource } from './link-completion';

/** The record's own limit: a change that would make the note longer is refused, so a save can never fail on size. */
export const MAX_NOTE_CHARS = NoteRecord.shape.body.maxLength ?? 5_000_000;

/** Wrap each selection in a Markdown marker (`**` bold, `*` italic), or insert a pair to type into. */
function wrapWith(marker: string): Command {
  return (view) => {
    view.dispatch(
      view.state.changeByRange((range) => ({
        changes: [
          { from: range.from, insert: marker },
          { from: range.to, insert: marker },
        ],
        range: EditorSelection.range(range.anchor + marker.length, range.head + marker.length),
      })),
    );
    return true;
  };
}

/** Typing `[[` opens the picker at once, without waiting for a letter. */
const openPickerAfterBrackets = EditorView.inputHandler.of((view, from, _to, text) => {
  if (text !== '[' || view.state.sliceDoc(from - 1, from) !== '[') return false;
  queueMicrotask(() => startCompletion(view));
  return false;
});

export interface EditorSetup {
  candidates(): Promise<readonly LinkCandidate[]>;
  onChange(): void;
  onSave(): void;
  onBlur(): void;
  onTooLong(): void;
}

export function editorExtensions(setup: EditorSetup): Extension[] {
  const shortcuts: KeyBinding[] = [
    { key: 'Mod-s', run: () => (setup.onSave(), true), preventDefault: true },
    { key: 'Mod-b', run: wrapWith('**') },
    { key: 'Mod-i', run: wrapWith('*') },
    { key: 'Escape', run: closeCompletion },
  ];
  return [
    history(),
    markdown(),
    syntaxHighlighting(markdownStyle),
    EditorView.lineWrapping,
    lineDirection,
    linkMarks,
    placeholder('Write here. Type [[ to link an actor, event, document, passage or note.'),
    autocompletion({ override: [linkCompletionSource(setup.candidates)], activateOnTyping: true, icons: false }),
    openPickerAfterBrackets,
    keymap.of([...shortcuts, ...completionKeymap, ...logicalLineBoundaryKeymap, ...defaultKeymap, ...historyKeymap, indentWithTab]),
    EditorState.transactionFilter.of((transaction) => {
      if (!transaction.docChanged || transaction.newDoc.length <= MAX_NOTE_CHARS) return transaction;
      setup.onTooLong();
      return [];
    }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) setup.onChange();
      if (update.focusChanged && !update.view.hasFocus) setup.onBlur();
    }),
    EditorView.contentAttributes.of({ 'aria-label': 'Note text', 'aria-multiline': 'true' }),
    editorTheme,
  ];
}

/**
 * Markdown highlighting in the app's colours, so it keeps its contrast in the
 * light and the dark theme (CodeMirror's default style is made for light
 * backgrounds only): structure by weight and style, markup characters muted.
 */
const markdownStyle = HighlightStyle.define([
  { tag: tags.heading, fontWeight: '700' },
  { tag: tags.heading1, fontSize: '1.25em' },
  { tag: tags.strong, fontWeight: '700' },
  { tag: tags.emphasis, fontStyle: 'italic' },
  { tag: tags.strikethrough, textDecoration: 'line-through' },
  { tag: [tags.link, tags.url], color: 'var(--accent)' },
  { tag: tags.monospace, fontFamily: 'ui-monospace, monospace' },
  { tag: [tags.quote, tags.processingInstruction, tags.meta, tags.contentSeparator], color: 'var(--fg-muted)' },
]);

/** The editor's look, in the app's colours (custom properties reach into the shadow root the editor lives in). */
const editorTheme = EditorView.theme({
  '&': { color: 'var(--fg)', backgroundColor: 'var(--bg-raised)', border: '1px solid var(--border)', borderRadius: '6px', minHeight: '16rem' },
  '&.cm-focused': { outline: '2px solid var(--focus)', outlineOffset: '1px' },
  '.cm-content': { fontFamily: 'var(--font-ui)', fontSize: '1rem', lineHeight: '1.6', padding: '0.75rem 0', caretColor: 'var(--fg)' },
  '.cm-line': { padding: '0 1rem' },
  '.cm-placeholder': { color: 'var(--fg-muted)' },
  '.cm-tooltip': { backgroundColor: 'var(--bg-raised)', color: 'var(--fg)', border: '1px solid var(--border)' },
  '.cm-tooltip-autocomplete ul li[aria-selected]': { backgroundColor: 'var(--accent)', color: 'var(--accent-fg)' },
  '.cm-completionDetail': { marginInlineStart: '0.75em', fontStyle: 'normal', opacity: '0.75' },
});
