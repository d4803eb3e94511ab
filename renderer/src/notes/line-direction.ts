import { RangeSetBuilder } from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView, ViewPlugin, type ViewUpdate } from '@codemirror/view';

const autoDirection = Decoration.line({ attributes: { dir: 'auto' } });

function decorate(view: EditorView): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  for (const { from, to } of view.visibleRanges) {
    for (let line = view.state.doc.lineAt(from); ; line = view.state.doc.line(line.number + 1)) {
      builder.add(line.from, line.from, autoDirection);
      if (line.to >= to || line.number === view.state.doc.lines) break;
    }
  }
  return builder.finish();
}

/**
 * Each line takes its direction from its own first strong character
 * (`dir="auto"`), and the editor reads it per line (perLineTextDirection), so
 * an Arabic paragraph runs right to left between English ones and the cursor
 * moves the way the text reads. Only visible lines are decorated: typing in
 * a long note costs the same as in a short one.
 */
export const lineDirection = [
  EditorView.perLineTextDirection.of(true),
  ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.decorations = decorate(view);
      }
      update(update: ViewUpdate) {
        if (update.docChanged || update.viewportChanged) this.decorations = decorate(update.view);
      }
    },
    { decorations: (plugin) => plugin.decorations },
  ),
];
