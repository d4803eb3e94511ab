import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { toCanonicalText, type TextOrigin } from '../../../../shared/text/canonical-text';
import type { DocumentViewProps, PaintedHighlight } from '../view-props';
import { renderBlocks } from './block-dom';
import { applyBlockDirections } from './block-directions';
import { clearPaint, flashRange, paintHighlights } from './paint';
import { resolveAssets, sanitiseReaderHtml } from './reader-html';
import { TextMap } from './text-map';
import { trimmedRange } from './trim-range';
import { isTyping } from '../../navigation/keyboard';
import './text-view.css';

export interface TextViewProps extends DocumentViewProps {
  /** Web pages and Markdown: the sanitised HTML whose text is `text`. */
  html?: string;
  /** An object URL for one of the document's images. */
  loadAsset(sha256: string): Promise<string>;
}

export const PAINT_MEASURE = 'fieldbook:paint-highlights';

/**
 * The view for web pages, Markdown and text: the content as HTML (or as
 * blocks of the canonical text), with a map from DOM points to canonical
 * offsets built by the same walk the import used. If the HTML does not give
 * back exactly the stored text, the view falls back to the text's blocks
 * rather than let highlights land on the wrong words.
 */
export function TextView({ text, structure, direction, html, highlights, marks, scrollTarget, onSelectionChange, onHighlightClick, loadAsset }: TextViewProps) {
  const scrollerRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<TextMap>();
  const [fellBack, setFellBack] = useState(false);
  const latest = useRef({ text, highlights, onSelectionChange, onHighlightClick, map });
  latest.current = { text, highlights, onSelectionChange, onHighlightClick, map };

  useLayoutEffect(() => {
    const content = contentRef.current;
    if (!content) return undefined;
    let runs: TextOrigin[];
    let release = () => undefined as void;
    let fallback = false;
    if (html !== undefined) {
      content.replaceChildren(sanitiseReaderHtml(html));
      const walked = toCanonicalText(content, { trackOrigins: true });
      if (walked.text === text) {
        runs = walked.origins ?? [];
        release = resolveAssets(content, loadAsset);
      } else {
        fallback = true;
        runs = renderBlocks(content, text, structure, direction);
      }
    } else {
      runs = renderBlocks(content, text, structure, direction);
    }
    const built = new TextMap(content, runs);
    if (html !== undefined && !fallback) applyBlockDirections(content, built, structure);
    setFellBack(fallback);
    setMap(built);
    return () => {
      release();
      clearPaint();
    };
  }, [text, structure, html, loadAsset, direction]);

  useEffect(() => {
    if (!map) return;
    const started = performance.now();
    paintHighlights(map, highlights, marks ?? []);
    // Visible in the browser's performance panel, and read by the paint benchmark.
    performance.measure(PAINT_MEASURE, { start: started, detail: { highlights: highlights.length } });
  }, [map, highlights, marks]);

  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!map || !scroller || !scrollTarget) return undefined;
    const range = map.range(scrollTarget.start, Math.max(scrollTarget.end, scrollTarget.start + 1));
    if (!range) return undefined;
    const rect = range.getBoundingClientRect();
    const frame = scroller.getBoundingClientRect();
    if (rect.top < frame.top + 40 || rect.bottom > frame.bottom - 40) scroller.scrollTop += rect.top - frame.top - frame.height / 3;
    if (scrollTarget.select) document.getSelection()?.setBaseAndExtent(range.startContainer, range.startOffset, range.endContainer, range.endOffset);
    return scrollTarget.flash ? flashRange(range) : undefined;
  }, [map, scrollTarget]);

  useEffect(() => {
    const onSelection = () => {
      const { map: current, text: currentText, onSelectionChange: report } = latest.current;
      const content = contentRef.current;
      const selection = document.getSelection();
      if (!current || !content || !selection || selection.rangeCount === 0 || selection.isCollapsed) return report(undefined);
      const range = selection.getRangeAt(0);
      if (!content.contains(range.startContainer) || !content.contains(range.endContainer)) return report(undefined);
      const start = current.offsetOf(range.startContainer, range.startOffset, 'start');
      const end = current.offsetOf(range.endContainer, range.endOffset, 'end');
      report(start === undefined || end === undefined ? undefined : trimmedRange(currentText, start, end));
    };
    document.addEventListener('selectionchange', onSelection);
    return () => document.removeEventListener('selectionchange', onSelection);
  }, []);

  // Shift+arrows extend a selection in the text (a find match, a drag) by a character, or a word with Ctrl or Alt; Up and Down by a line.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const granularity = extendBy(event);
      const content = contentRef.current;
      const selection = document.getSelection();
      if (!granularity || !content || !selection || selection.isCollapsed || isTyping(event.target) || !content.contains(selection.focusNode)) return;
      event.preventDefault();
      selection.modify('extend', granularity.direction, granularity.unit);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const onClick = (event: React.MouseEvent) => {
    const link = (event.target as Element).closest('a');
    if (link) event.preventDefault();
    const selection = document.getSelection();
    if (selection && !selection.isCollapsed) return;
    const { map: current, highlights: painted, onHighlightClick: report } = latest.current;
    const caret = document.caretRangeFromPoint?.(event.clientX, event.clientY);
    const offset = caret && current?.offsetOf(caret.startContainer, caret.startOffset, 'start');
    if (offset === undefined || offset === null) return;
    const hit = highlightAt(painted, offset);
    if (hit) report(hit.id);
  };

  return (
    <div className="text-view" ref={scrollerRef}>
      {fellBack && (
        <p className="reader-notice" role="status">
          This page is shown as plain text: its layout could not be matched exactly to the text your highlights are anchored to.
        </p>
      )}
      <div className="text-view-page" dir={direction} onClick={onClick}>
        <div ref={contentRef} className={html !== undefined && !fellBack ? 'reader-content reader-html' : 'reader-content reader-blocks'} />
      </div>
    </div>
  );
}

const arrowDirections: Record<string, 'left' | 'right' | 'backward' | 'forward'> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'backward', ArrowDown: 'forward' };

/** How a Shift+arrow moves the selection's focus: left and right on screen (so right-to-left text goes its own way), up and down by lines. */
function extendBy(event: KeyboardEvent): { direction: 'left' | 'right' | 'backward' | 'forward'; unit: 'character' | 'word' | 'line' } | undefined {
  const direction = arrowDirections[event.key];
  if (!event.shiftKey || event.metaKey || !direction) return undefined;
  const vertical = direction === 'backward' || direction === 'forward';
  return { direction, unit: vertical ? 'line' : event.ctrlKey || event.altKey ? 'word' : 'character' };
}

/** The innermost highlight under the pointer: the shortest one containing the offset. */
function highlightAt(highlights: readonly PaintedHighlight[], offset: number): PaintedHighlight | undefined {
  let hit: PaintedHighlight | undefined;
  for (const highlight of highlights) {
    if (offset < highlight.start || offset >= highlight.end) continue;
    if (!hit || highlight.end - highlight.start < hit.end - hit.start) hit = highlight;
  }
  return hit;
}
