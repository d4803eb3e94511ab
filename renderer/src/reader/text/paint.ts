import { HighlightColor } from '../../../../shared/model/records';
import type { PaintedHighlight, TextRange } from '../view-props';
import type { TextMap } from './text-map';

/**
 * Highlights are painted with the CSS Custom Highlight API: ranges registered
 * by name and styled by `::highlight(name)` in text-view.css. The DOM is never
 * changed, so the offsets the text map holds stay valid, and a thousand
 * highlights cost a thousand Range objects rather than thousands of wrappers.
 */
const PREFIX = 'fb-text-';
const MARK = `${PREFIX}mark`;
const FLASH = `${PREFIX}flash`;
const FLASH_MS = 1600;

function supported(): boolean {
  return typeof Highlight !== 'undefined' && typeof CSS !== 'undefined' && 'highlights' in CSS;
}

export function paintHighlights(map: TextMap, highlights: readonly PaintedHighlight[], marks: readonly TextRange[]): void {
  if (!supported()) return;
  const byColor = new Map<HighlightColor, Highlight>(HighlightColor.options.map((color) => [color, new Highlight()]));
  for (const highlight of highlights) {
    const range = map.range(highlight.start, highlight.end);
    if (range) byColor.get(highlight.color)?.add(range);
  }
  for (const [color, painted] of byColor) CSS.highlights.set(`${PREFIX}${color}`, painted);
  const marked = new Highlight();
  marked.priority = 1;
  for (const mark of marks) {
    const range = map.range(mark.start, mark.end);
    if (range) marked.add(range);
  }
  CSS.highlights.set(MARK, marked);
}

export function clearPaint(): void {
  if (!supported()) return;
  for (const name of [...CSS.highlights.keys()]) if (name.startsWith(PREFIX)) CSS.highlights.delete(name);
}

/** Make a passage blink for a moment, so the eye finds it after a jump. */
export function flashRange(range: Range): () => void {
  if (!supported()) return () => undefined;
  const flash = new Highlight(range);
  flash.priority = 2;
  CSS.highlights.set(FLASH, flash);
  const timer = window.setTimeout(() => {
    if (CSS.highlights.get(FLASH) === flash) CSS.highlights.delete(FLASH);
  }, FLASH_MS);
  return () => window.clearTimeout(timer);
}
