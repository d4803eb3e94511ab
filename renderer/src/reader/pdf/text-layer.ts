import type { TextItem, TextStyle } from 'pdfjs-dist/types/src/display/api';
import type { PageViewport } from 'pdfjs-dist/types/src/display/page_viewport';
import { hasRightToLeft } from '../../../../shared/pdf/line-order';

/** What the text layer needs of one piece of a pdf.js text item (see TextPiece in shared/pdf/page-text.ts). */
export interface TextLayerItem {
  item: TextItem;
  /** The piece's characters as they stand in the canonical text (reading order, cleaned, NFC). */
  text: string;
  /** Offset of `text` in the canonical text; undefined when the page's text could not be matched to it. */
  start: number | undefined;
  /** The share of the item's drawn width the piece covers, from its left. */
  from: number;
  to: number;
}

// Measured at a large size and scaled, so small fonts measure as precisely as large ones.
const MEASURE_SIZE = 100;

let measuringContext: CanvasRenderingContext2D | null | undefined;

function measureWidth(text: string, fontFamily: string, fontSize: number): number {
  measuringContext ??= document.createElement('canvas').getContext('2d');
  if (!measuringContext) return 0;
  measuringContext.font = `${MEASURE_SIZE}px ${fontFamily}`;
  return (measuringContext.measureText(text).width * fontSize) / MEASURE_SIZE;
}

function multiply(m: readonly number[], n: readonly number[]): number[] {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = m;
  const [p = 1, q = 0, r = 0, s = 1, t = 0, u = 0] = n;
  return [a * p + c * q, b * p + d * q, a * r + c * s, b * r + d * s, a * t + c * u + e, b * t + d * u + f];
}

/**
 * One transparent span per piece of text, placed over the canvas where it
 * was drawn and stretched to the drawn width, so selecting on the page
 * selects these spans. Each span holds the piece's characters as they stand
 * in the canonical text (not pdf.js's raw string) and carries their offsets
 * (data-start, data-end): a DOM selection offset inside a span is an offset
 * into the canonical text, and a canonical range is a DOM range over spans.
 * Spans are in canonical order, which for right-to-left text is not the
 * order they stand on the page; selections over them are made by
 * text-layer-selection.ts, which finds offsets from where spans stand.
 */
export function buildTextLayer(container: HTMLElement, items: readonly TextLayerItem[], styles: Record<string, TextStyle>, viewport: PageViewport): HTMLElement[] {
  const spans: HTMLElement[] = [];
  const fragment = document.createDocumentFragment();
  for (const { item, text, start, from, to } of items) {
    if (text === '') continue;
    const style = styles[item.fontName];
    const fontFamily = style?.fontFamily ?? 'sans-serif';
    const tx = multiply(viewport.transform, item.transform);
    let angle = Math.atan2(tx[1] ?? 0, tx[0] ?? 1);
    if (style?.vertical) angle += Math.PI / 2;
    const fontSize = Math.hypot(tx[2] ?? 0, tx[3] ?? 0);
    if (fontSize === 0) continue;
    // Spans are positioned by their top edge; pdf.js gives the baseline.
    const ascent = fontSize * (style?.ascent ? style.ascent : style?.descent ? 1 + style.descent : 0.8);
    // pdf.js gives the width of the whole item; the piece covers its share,
    // counted in characters (exact for the one-glyph items right-to-left
    // producers write, close for the rest).
    const itemLength = (style?.vertical ? item.height : item.width) * viewport.scale;
    const drawnLength = itemLength * (to - from);
    const measured = measureWidth(text, fontFamily, fontSize);
    const stretch = measured > 0 && drawnLength > 0 ? drawnLength / measured : 1;
    const shift = itemLength * from;
    const left = (tx[4] ?? 0) + ascent * Math.sin(angle) + shift * Math.cos(angle);
    const top = (tx[5] ?? 0) - ascent * Math.cos(angle) + shift * Math.sin(angle);

    const span = document.createElement('span');
    span.textContent = text;
    if (start !== undefined) {
      span.dataset.start = String(start);
      span.dataset.end = String(start + text.length);
    }
    if (hasRightToLeft(text)) span.dir = 'rtl';
    span.style.left = `${left}px`;
    span.style.top = `${top}px`;
    span.style.fontSize = `${fontSize}px`;
    span.style.fontFamily = fontFamily;
    const transforms: string[] = [];
    if (angle !== 0) transforms.push(`rotate(${angle}rad)`);
    if (stretch !== 1) transforms.push(`scaleX(${stretch})`);
    if (transforms.length > 0) span.style.transform = transforms.join(' ');
    fragment.append(span);
    spans.push(span);
  }
  container.replaceChildren(fragment);
  return spans;
}
