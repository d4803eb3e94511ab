import { useCallback, useEffect, type RefObject } from 'react';
import type { TextRange } from '../view-props';
import { rangeToOffsets } from './selection-offsets';

function sameRange(a: TextRange | undefined, b: TextRange | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.start === b.start && a.end === b.end && a.page === b.page);
}

function selectedOffsets(root: Element | null): TextRange | undefined {
  const selection = document.getSelection();
  return root && selection && selection.rangeCount > 0 ? rangeToOffsets(root, selection.getRangeAt(0)) : undefined;
}

/**
 * What the reader does with the text layers under `rootRef`: selections
 * reported as canonical offsets, copying, and clicks on highlights.
 */
export function useTextLayerInput(rootRef: RefObject<HTMLElement | null>, text: string, onSelectionChange: (range: TextRange | undefined) => void, onHighlightClick: (id: string) => void) {
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

  // While the mouse button is down, the pages' blank areas belong to their text layers (see pdf-view.css).
  const onPointerDown = useCallback((event: React.PointerEvent) => {
    const root = rootRef.current;
    if (!root || event.button !== 0) return;
    root.classList.add('pdf-selecting');
    const done = () => root.classList.remove('pdf-selecting');
    document.addEventListener('pointerup', done, { once: true });
    document.addEventListener('pointercancel', done, { once: true });
  }, []);

  // Highlights lie under the text layer, so a click reaches a span; what is under the pointer says which highlight it was.
  const onClick = useCallback(
    (event: React.MouseEvent) => {
      if (document.getSelection()?.isCollapsed === false) return;
      const hit = document.elementsFromPoint(event.clientX, event.clientY).find((element): element is HTMLElement => element instanceof HTMLElement && element.dataset.highlightId !== undefined);
      if (hit?.dataset.highlightId) onHighlightClick(hit.dataset.highlightId);
    },
    [onHighlightClick],
  );

  return { onCopy, onPointerDown, onClick };
}
