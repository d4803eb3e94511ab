import { Decoration, type DecorationSet, EditorView, MatchDecorator, ViewPlugin, type ViewUpdate } from '@codemirror/view';
import { linkPattern } from '../../../shared/notes/link-syntax';

const link = Decoration.mark({ class: 'cm-note-link' });
const target = Decoration.mark({ class: 'cm-note-link-target' });

const decorator = new MatchDecorator({
  regexp: linkPattern(),
  decorate(add, from, to, [, kind = '', id = '', label]) {
    add(from, to, link);
    // `kind:id`, and the `|` after it when a label follows.
    const start = from + 2;
    add(start, start + kind.length + 1 + id.length + (label === undefined ? 0 : 1), target);
  },
});

/**
 * Links in the editor read as links: the whole link is marked, and its
 * `kind:id|` part is set small and muted so the label stands out. The text
 * stays as written (the id is what keeps the link working after a rename).
 * Only the visible part of the note is matched, and again only where it changed.
 */
export const linkMarks = [
  ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.decorations = decorator.createDeco(view);
      }
      update(update: ViewUpdate) {
        this.decorations = decorator.updateDeco(update, this.decorations);
      }
    },
    { decorations: (plugin) => plugin.decorations },
  ),
  EditorView.baseTheme({
    '.cm-note-link': { color: 'var(--accent)' },
    // Muted by colour, not opacity, so it keeps its contrast in both themes.
    '.cm-note-link-target, .cm-note-link-target *': { fontSize: '0.8em', color: 'var(--fg-muted)' },
  }),
];
