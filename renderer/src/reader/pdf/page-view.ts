import type { PDFDocumentProxy, PDFPageProxy, RenderTask } from 'pdfjs-dist';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import type { PageRange } from '../../../../shared/model/document-structure';
import { layoutPageText, textContentParams } from '../../../../shared/pdf/page-text';
import { rectsForRange, type PageRect } from './highlight-rects';
import type { PageSize } from './page-layout';
import { buildTextLayer } from './text-layer';

/** A canonical range to paint on the pages: a highlight, a search mark, or the flash of a scroll target. */
export interface PaintRange {
  start: number;
  end: number;
  kind: 'highlight' | 'mark' | 'flash';
  color?: string;
  /** A highlight's id, reported when it is clicked. */
  id?: string;
}

// A canvas this many pixels or fewer: a page at high zoom on a dense screen
// is drawn a little softer rather than holding hundreds of megabytes.
const MAX_CANVAS_PIXELS = 16_777_216;

function isTextItem(item: object): item is TextItem {
  return 'str' in item;
}

/**
 * One page on screen: the canvas pdf.js draws it on, the highlights under
 * the text, and the text layer for selecting, all inside the page's slot.
 * Created when a page comes near the viewport and destroyed when it goes
 * far, which frees the canvas and pdf.js's page resources.
 */
export class PdfPageView {
  readonly #slot: HTMLElement;
  readonly #index: number;
  readonly scale: number;
  #page: PDFPageProxy | undefined;
  #renderTask: RenderTask | undefined;
  #canvas: HTMLCanvasElement | undefined;
  #spans: HTMLElement[] = [];
  readonly #highlights = document.createElement('div');
  readonly #text = document.createElement('div');
  #destroyed = false;

  constructor(slot: HTMLElement, index: number, scale: number) {
    this.#slot = slot;
    this.#index = index;
    this.scale = scale;
    this.#highlights.className = 'pdf-highlights';
    this.#text.className = 'pdf-text-layer';
  }

  get destroyed(): boolean {
    return this.#destroyed;
  }

  /**
   * Draws the page and builds its text layer over the canonical text. Resolves
   * with the page's size at scale 1 once the text layer is in place (the
   * canvas may still be drawing), or undefined when destroyed meanwhile.
   */
  async render(pdf: PDFDocumentProxy, text: string, range: PageRange | undefined): Promise<{ size: PageSize; drawn: Promise<void> } | undefined> {
    const page = await pdf.getPage(this.#index + 1);
    if (this.#destroyed) {
      page.cleanup();
      return undefined;
    }
    this.#page = page;
    const viewport = page.getViewport({ scale: this.scale });
    const drawn = this.#draw(page, viewport.width, viewport.height);
    // As the import reads it (see main/import/pdf/extract-pdf.ts), so the layout gives the text it stored.
    const content = await page.getTextContent(textContentParams());
    if (this.#destroyed) return undefined;

    const items = content.items.filter(isTextItem);
    const layout = layoutPageText(items);
    // The text layer maps to canonical offsets only when this page's text is
    // the one the import stored; otherwise it still selects, but cannot anchor.
    const pageStart = range && text.slice(range.start, range.end) === layout.text ? range.start : undefined;
    const layerItems = layout.pieces.map(({ item, start, end, from, to }) => ({
      item: items[item]!,
      text: layout.text.slice(start, end),
      start: pageStart === undefined ? undefined : pageStart + start,
      from,
      to,
    }));
    this.#spans = buildTextLayer(this.#text, layerItems, content.styles, viewport).filter((span) => span.dataset.start !== undefined);
    this.#slot.append(this.#highlights, this.#text);
    const unscaled = page.getViewport({ scale: 1 });
    return { size: { width: unscaled.width, height: unscaled.height }, drawn };
  }

  async #draw(page: PDFPageProxy, width: number, height: number): Promise<void> {
    const canvas = document.createElement('canvas');
    const outputScale = Math.min(window.devicePixelRatio || 1, Math.sqrt(MAX_CANVAS_PIXELS / (width * height)));
    canvas.width = Math.floor(width * outputScale);
    canvas.height = Math.floor(height * outputScale);
    canvas.className = 'pdf-canvas';
    this.#canvas = canvas;
    this.#slot.prepend(canvas);
    const viewport = page.getViewport({ scale: this.scale * outputScale });
    this.#renderTask = page.render({ canvas, viewport });
    try {
      await this.#renderTask.promise;
      // Tests and the bench wait for this; nothing in the app reads it.
      if (!this.#destroyed) this.#slot.dataset.drawn = '';
    } catch (error) {
      // Cancelling a page scrolled away is not a failure.
      if (!this.#destroyed) throw error;
    } finally {
      this.#renderTask = undefined;
    }
  }

  /** Where [start, end) is drawn on this page, in the page's CSS pixels. */
  rects(start: number, end: number): PageRect[] {
    return rectsForRange(this.#slot, this.#spans, start, end);
  }

  /** Paints the ranges that fall on this page under its text; replaces what was painted before. */
  paint(ranges: readonly PaintRange[]): void {
    if (this.#destroyed || this.#spans.length === 0) {
      this.#highlights.replaceChildren();
      return;
    }
    const fragment = document.createDocumentFragment();
    for (const range of ranges) {
      for (const rect of this.rects(range.start, range.end)) {
        const box = document.createElement('div');
        box.className = `pdf-paint pdf-paint--${range.kind}`;
        if (range.color) box.dataset.color = range.color;
        if (range.id) box.dataset.highlightId = range.id;
        box.style.left = `${rect.left}px`;
        box.style.top = `${rect.top}px`;
        box.style.width = `${rect.width}px`;
        box.style.height = `${rect.height}px`;
        fragment.append(box);
      }
    }
    this.#highlights.replaceChildren(fragment);
  }

  destroy(): void {
    this.#destroyed = true;
    this.#renderTask?.cancel();
    if (this.#canvas) {
      // Zero-sized, the canvas's backing store is released at once rather than at the next GC.
      this.#canvas.width = 0;
      this.#canvas.height = 0;
    }
    this.#slot.replaceChildren();
    delete this.#slot.dataset.drawn;
    this.#spans = [];
    this.#page?.cleanup();
  }
}
