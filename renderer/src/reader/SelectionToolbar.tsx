import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { HighlightColor } from '../../../shared/model/records';
import { ColorSwatches } from '../highlights/ColorSwatches';
import { colorLabels } from '../highlights/colors';
import { isTyping } from '../navigation/keyboard';
import type { TextRange } from './view-props';

interface SelectionToolbarProps {
  /** The reader's selection: the toolbar shows while there is one, beside the page's selection. */
  selection: TextRange | undefined;
  color: HighlightColor;
  onHighlight(color: HighlightColor): void;
  onTag(): void;
  onComment(): void;
}

/** The gap between the selected line and the toolbar, in pixels. */
const GAP = 8;

/**
 * Colours, Tag and Comment beside the selected text (as Hypothesis and
 * Zotero place theirs), above the selection's first line, or below its last
 * when there is no room above: never over the words chosen. The same for the
 * text and PDF views, since both leave a DOM selection. Tab from the
 * selection enters it; Escape gives the selection back.
 */
export function SelectionToolbar({ selection, color, onHighlight, onTag, onComment }: SelectionToolbarProps) {
  const toolbarRef = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<{ top: number; left: number }>();

  useLayoutEffect(() => {
    if (!selection) return setPlace(undefined);
    const measure = () => setPlace(placeBeside(toolbarRef.current));
    measure();
    // Scrolling the document (or the PDF's pages) moves the selection under a fixed toolbar.
    window.addEventListener('scroll', measure, true);
    window.addEventListener('resize', measure);
    return () => {
      window.removeEventListener('scroll', measure, true);
      window.removeEventListener('resize', measure);
    };
  }, [selection]);

  useEffect(() => {
    if (!selection) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Tab' || event.shiftKey || event.ctrlKey || event.altKey || event.metaKey) return;
      if (toolbarRef.current?.contains(document.activeElement) || isTyping(event.target)) return;
      const first = toolbarRef.current?.querySelector<HTMLButtonElement>('button:not(:disabled)');
      if (!first) return;
      event.preventDefault();
      first.focus({ preventScroll: true });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selection]);

  if (!selection) return null;

  const onKeyDown = (event: ReactKeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    (document.activeElement as HTMLElement | null)?.blur();
  };

  return (
    <div
      ref={toolbarRef}
      className="selection-toolbar"
      role="toolbar"
      aria-label="Selected text"
      style={place ? { top: place.top, left: place.left } : { visibility: 'hidden' }}
      onKeyDown={onKeyDown}
    >
      <ColorSwatches label="Highlight colour" current={color} describe={(choice, index) => `Highlight ${colorLabels[choice].toLowerCase()} (key ${index + 1})`} onPick={onHighlight} />
      <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={onTag} title="Highlight and tag (H)">
        Tag
      </button>
      <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={onComment}>
        Comment
      </button>
    </div>
  );
}

/**
 * Where the toolbar goes: above the selection if it fits in the reading area
 * (the reader's body, below its own toolbar), else below; kept inside the
 * window's width. A selection scrolled out of sight keeps it at the reading
 * area's nearer edge, still there for the keyboard.
 */
function placeBeside(toolbar: HTMLElement | null): { top: number; left: number } | undefined {
  const selection = document.getSelection();
  const area = toolbar?.closest('.reader')?.querySelector('.reader-body')?.getBoundingClientRect();
  if (!toolbar || !area || !selection || selection.rangeCount === 0) return undefined;
  const range = selection.getRangeAt(0);
  const first = [...range.getClientRects()].find((rect) => rect.width > 0 && rect.height > 0);
  const bounds = range.getBoundingClientRect();
  if (!first) return undefined;
  const { offsetWidth: width, offsetHeight: height } = toolbar;
  const above = bounds.top - GAP - height;
  const beside = above >= area.top + GAP ? above : bounds.bottom + GAP;
  const inSight = bounds.bottom > area.top && bounds.top < area.bottom;
  const top = inSight ? beside : Math.min(Math.max(beside, area.top + GAP), area.bottom - height - GAP);
  const left = Math.min(Math.max(GAP, first.left), window.innerWidth - width - GAP);
  return { top, left };
}
