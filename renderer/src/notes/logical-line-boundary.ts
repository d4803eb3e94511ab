import { EditorSelection, type SelectionRange } from '@codemirror/state';
import type { Command, EditorView, KeyBinding } from '@codemirror/view';

type Rect = { top: number; bottom: number };

const onRow = (rect: Rect | null, row: Rect): boolean => {
  if (!rect) return false;
  const middle = (rect.top + rect.bottom) / 2;
  return middle > row.top && middle < row.bottom;
};

/**
 * The logical end (forward) or start of the screen row `range`'s head is on.
 * CodeMirror's End looks for the point at the row's right edge (left in a
 * right-to-left line), which is the logical end only when the row does not
 * end in a run of the other direction: on an Arabic line ending in "2021" it
 * is the start of "2021", so End stopped before the number and typed text
 * landed inside the line. A wrapped line's rows are consecutive in logical
 * order, so the row's logical end is the last position whose character is
 * still drawn on that row: a binary search over the line (a few measurements,
 * however long the paragraph) instead of a hit test at the edge.
 */
function logicalRowBoundary(view: EditorView, range: SelectionRange, forward: boolean): SelectionRange {
  const line = view.lineBlockAt(range.head);
  const row = view.coordsAtPos(range.head, range.assoc < 0 && range.head > line.from ? -1 : 1);
  if (!row || !view.lineWrapping) return EditorSelection.cursor(forward ? line.to : line.from, forward ? -1 : 1);
  if (forward) {
    // The character before a position (side -1) decides its row, so a wrap point counts as the end of the row it closes.
    let [low, high] = [range.head, line.to];
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (onRow(view.coordsAtPos(middle, -1), row)) low = middle;
      else high = middle - 1;
    }
    return EditorSelection.cursor(low, -1);
  }
  let [low, high] = [line.from, range.head];
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (onRow(view.coordsAtPos(middle, 1), row)) high = middle;
    else low = middle + 1;
  }
  return EditorSelection.cursor(low, 1);
}

/** As CodeMirror's Home does: from the start of an indented line (a nested list item), to the end of its indentation first. */
function pastIndentation(view: EditorView, range: SelectionRange, moved: SelectionRange): SelectionRange {
  const line = view.lineBlockAt(range.head);
  if (moved.head !== line.from) return moved;
  const indentation = /^\s*/.exec(view.state.sliceDoc(line.from, Math.min(line.from + 100, line.to)))?.[0].length ?? 0;
  return indentation > 0 && range.head !== line.from + indentation ? EditorSelection.cursor(line.from + indentation) : moved;
}

function moveTo(forward: boolean, extend: boolean): Command {
  return (view) => {
    const selection = EditorSelection.create(
      view.state.selection.ranges.map((range) => {
        const moved = forward ? logicalRowBoundary(view, range, true) : pastIndentation(view, range, logicalRowBoundary(view, range, false));
        return extend ? EditorSelection.range(range.anchor, moved.head, undefined, undefined, moved.assoc) : moved;
      }),
      view.state.selection.mainIndex,
    );
    if (selection.eq(view.state.selection, true)) return false;
    view.dispatch({ selection, scrollIntoView: true, userEvent: 'select' });
    return true;
  };
}

/**
 * Home and End (with Shift to select) by logical position: to where the row
 * begins and ends in reading order, whatever direction its last or first
 * words run in. Placed before the default keymap, whose bindings they replace.
 */
export const logicalLineBoundaryKeymap: readonly KeyBinding[] = [
  { key: 'Home', run: moveTo(false, false), shift: moveTo(false, true), preventDefault: true },
  { key: 'End', run: moveTo(true, false), shift: moveTo(true, true), preventDefault: true },
];
