import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { TextRange } from '../view-props';
import { rangeToOffsets } from './selection-offsets';
import { lineAt, selectOffsets, stepFocus, textPointAt, wordAt } from './text-layer-selection';

function sameRange(a: TextRange | undefined, b: TextRange | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.start === b.start && a.end === b.end && a.page === b.page);
}

function selectedOffsets(root: Element | null): TextRange | undefined {
  const selection = document.getSelection();
  return root && selection && selection.rangeCount > 0 ? rangeToOffsets(root, selection.getRangeAt(0)) : undefined;
}

/** The ends of the selection this hook made last: which end is the anchor, which the focus. */
interface Ends {
  anchor: number;
  focus: number;
}

/**
 * What the reader does with the text layers under `rootRef`: selections
 * (made here, see text-layer-selection.ts) reported as canonical offsets,
 * copying, and clicks on highlights.
 */
export function useTextLayerInput(rootRef: RefObject<HTMLElement | null>, text: string, onSelectionChange: (range: TextRange | undefined) => void, onHighlightClick: (id: string) => void) {
  const ends = useRef<Ends | undefined>(undefined);

  // Report what is selected in the text layers, as canonical offsets.
  useEffect(() => {
    let reported: TextRange | undefined;
    const onChange = () => {
      const range = selectedOffsets(rootRef.current);
      if (sameRange(range, reported)) return;
      reported = range;
      onSelectionChange(range);
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [onSelectionChange]);

  const select = useCallback((anchor: number, focus: number) => {
    const root = rootRef.current;
    if (!root) return;
    ends.current = { anchor, focus };
    selectOffsets(root, anchor, focus);
  }, []);

  /** The selection's ends: those set here if the selection is still that one, else its start and end. */
  const currentEnds = useCallback((): Ends | undefined => {
    const range = selectedOffsets(rootRef.current);
    if (!range) return undefined;
    const set = ends.current;
    if (set && Math.min(set.anchor, set.focus) === range.start && Math.max(set.anchor, set.focus) === range.end) return set;
    return { anchor: range.start, focus: range.end };
  }, []);

  // Shift+Arrow moves the selection's focus by a character (with Ctrl or Alt, a word), towards the arrow's side of the page.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.shiftKey || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')) return;
      // A field being typed in (a highlight's comment) keeps its own keys.
      if (event.target instanceof HTMLElement && (event.target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(event.target.tagName))) return;
      const current = currentEnds();
      if (!current) return;
      event.preventDefault();
      select(current.anchor, stepFocus(text, current.focus, event.key, event.ctrlKey || event.altKey));
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [text, currentEnds, select]);

  // Copying gives the canonical text, with its spaces and line breaks, not the spans' text run together.
  const onCopy = useCallback(
    (event: React.ClipboardEvent) => {
      const range = selectedOffsets(rootRef.current);
      if (!range) return;
      event.clipboardData.setData('text/plain', text.slice(range.start, range.end));
      event.preventDefault();
    },
    [text],
  );

  // A press selects from where it is to where the pointer goes (Shift: from the current selection's anchor); two select a word, three a line.
  const onMouseDown = useCallback(
    (event: React.MouseEvent<HTMLElement>) => {
      const root = rootRef.current;
      // Only on a page: the scroller's bar and the gaps between pages keep their own behaviour.
      if (!root || event.button !== 0 || !(event.target instanceof Element) || !event.target.closest('.pdf-page')) return;
      const point = textPointAt(root, event.clientX, event.clientY);
      if (!point) return;
      // The browser's own selection would start too; the scroller still takes the focus, for the keyboard.
      event.preventDefault();
      event.currentTarget.focus({ preventScroll: true });
      if (event.detail === 2 || event.detail === 3) {
        const { start, end } = (event.detail === 2 ? wordAt : lineAt)(text, point.character);
        select(start, end);
        return;
      }
      const anchor = event.shiftKey ? (currentEnds()?.anchor ?? point.offset) : point.offset;
      select(anchor, point.offset);
      // Finding the point measures the page's spans: done once a frame, for the pointer's last place.
      let pending: { x: number; y: number } | undefined;
      let frame = 0;
      const follow = () => {
        frame = 0;
        const to = pending && textPointAt(root, pending.x, pending.y);
        pending = undefined;
        if (to) select(anchor, to.offset);
      };
      const onMove = (move: MouseEvent) => {
        pending = { x: move.clientX, y: move.clientY };
        frame ||= requestAnimationFrame(follow);
      };
      const done = () => {
        cancelAnimationFrame(frame);
        follow();
        document.removeEventListener('mousemove', onMove);
        document.removeEventListener('mouseup', done);
      };
      document.addEventListener('mousemove', onMove);
      document.addEventListener('mouseup', done);
    },
    [text, currentEnds, select],
  );

  // Highlights lie under the text layer, so a click reaches a span; what is under the pointer says which highlight it was.
  const onClick = useCallback(
    (event: React.MouseEvent) => {
      if (document.getSelection()?.isCollapsed === false) return;
      const hit = document.elementsFromPoint(event.clientX, event.clientY).find((element): element is HTMLElement => element instanceof HTMLElement && element.dataset.highlightId !== undefined);
      if (hit?.dataset.highlightId) onHighlightClick(hit.dataset.highlightId);
    },
    [onHighlightClick],
  );

  return { onCopy, onMouseDown, onClick };
}
