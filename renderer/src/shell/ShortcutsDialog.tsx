import { Modal } from '../forms/Modal';
import { highlightColors, colorLabels } from '../highlights/colors';

interface Shortcut {
  keys: string;
  does: string;
}

/** Every shortcut, where it works; the handlers are in keyboard.ts, the reader, the search results and the forms. */
const groups: readonly { where: string; shortcuts: readonly Shortcut[] }[] = [
  {
    where: 'Anywhere',
    shortcuts: [
      { keys: 'Ctrl K or /', does: 'Search the notebook' },
      { keys: 'Ctrl 1 – Ctrl 4 (or Alt)', does: 'Documents, Actors, Events, Notes' },
      { keys: '?', does: 'This list' },
      { keys: 'Esc', does: 'Close a dialog, a menu or a form' },
    ],
  },
  {
    where: 'Search results',
    shortcuts: [
      { keys: '↑ ↓', does: 'Move through the results, from the search box too' },
      { keys: 'Enter', does: 'Open the result: the first one of what is typed, unless another is chosen' },
      { keys: 'Esc', does: 'Clear the search' },
    ],
  },
  {
    where: 'Reader',
    shortcuts: [
      { keys: 'H', does: 'Highlight the selected text in the last colour, then tag it' },
      { keys: highlightColors.map((_color, index) => String(index + 1)).join(' '), does: `Highlight the selected text ${highlightColors.map((color) => colorLabels[color].toLowerCase()).join(', ')}` },
      { keys: 'Ctrl Z', does: 'Bring back the highlight last deleted' },
      { keys: 'Ctrl + Ctrl − Ctrl 0', does: 'In a PDF: zoom in, zoom out, printed size' },
      { keys: 'Ctrl F', does: 'Find in the document' },
      { keys: 'Enter, then Esc', does: 'In the find box: select the next match, then go back to the text to highlight it' },
      { keys: 'Shift ← → ↑ ↓', does: 'Extend the selection by a character or a line (with Ctrl, a word)' },
      { keys: 'Tab', does: 'From selected text: the toolbar beside it (colours, Tag, Comment)' },
      { keys: 'Ctrl Enter', does: 'Save a comment' },
    ],
  },
];

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  return (
    <Modal open={open} title="Keyboard shortcuts" className="shortcuts-dialog" onClose={onClose}>
      {groups.map((group) => (
        <table key={group.where} className="shortcuts">
          <caption>{group.where}</caption>
          <tbody>
            {group.shortcuts.map((shortcut) => (
              <tr key={shortcut.does}>
                <th scope="row">{shortcut.does}</th>
                <td>
                  <kbd>{shortcut.keys}</kbd>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </Modal>
  );
}
