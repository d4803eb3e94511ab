import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { PageRange } from '../../../../shared/model/document-structure';
import type { PageSpan, PageSize } from './page-layout';
import { PdfPageView, type PaintRange } from './page-view';

export interface PageViewsEvents {
  /** A page's real size at scale 1, once it is known (pages are laid out at the first page's size until then). */
  onPageSize(index: number, size: PageSize): void;
  onPageFailed(index: number, error: unknown): void;
}

// Two renders at once keep pdf.js's worker parsing one page while the main
// thread draws another; more only queue up behind them.
const CONCURRENT_RENDERS = 2;

function distance(index: number, span: PageSpan): number {
  return index < span.first ? span.first - index : index > span.last ? index - span.last : 0;
}

function overlaps(range: PaintRange, page: PageRange | undefined): boolean {
  return page !== undefined && range.start < page.end && range.end > page.start;
}

/**
 * Which pages exist on screen. Pages near the viewport get a view and are
 * rendered, the visible ones first; pages far from it lose theirs, so memory
 * stays bounded however long the document. Paint ranges are kept here and
 * applied to each page as it appears.
 */
export class PageViews {
  readonly #pdf: PDFDocumentProxy;
  readonly #text: string;
  readonly #pages: readonly PageRange[];
  readonly #slotOf: (index: number) => HTMLElement | undefined;
  readonly #events: PageViewsEvents;
  readonly #views = new Map<number, PdfPageView>();
  readonly #ready = new Map<number, Promise<PdfPageView | undefined>>();
  #wanted: PageSpan = { first: 0, last: -1 };
  #visible: PageSpan = { first: 0, last: -1 };
  #scale = 1;
  /** The views being rendered, with their page index; a dropped view stays here until its render settles. */
  readonly #rendering = new Map<PdfPageView, number>();
  #ranges: readonly PaintRange[] = [];
  #destroyed = false;

  constructor(pdf: PDFDocumentProxy, text: string, pages: readonly PageRange[] | undefined, slotOf: (index: number) => HTMLElement | undefined, events: PageViewsEvents) {
    this.#pdf = pdf;
    this.#text = text;
    this.#pages = pages ?? [];
    this.#slotOf = slotOf;
    this.#events = events;
  }

  /**
   * Render the pages in `wanted` (the `visible` ones first) at `scale`, and
   * drop every view outside `keep`, or drawn at another scale.
   */
  update(visible: PageSpan, wanted: PageSpan, keep: PageSpan, scale: number): void {
    this.#visible = visible;
    this.#wanted = wanted;
    this.#scale = scale;
    for (const [index, view] of this.#views) {
      if (index < keep.first || index > keep.last || view.scale !== scale) this.#drop(index);
    }
    this.#pump();
  }

  /** The ranges to paint on every page, now and as pages appear. */
  paint(ranges: readonly PaintRange[]): void {
    this.#ranges = ranges;
    for (const [index, view] of this.#views) this.#paintPage(index, view);
  }

  /** The page's view once its text layer is in place; undefined if it is dropped first. */
  whenReady(index: number): Promise<PdfPageView | undefined> {
    return this.#ready.get(index) ?? Promise.resolve(undefined);
  }

  destroy(): void {
    this.#destroyed = true;
    for (const index of [...this.#views.keys()]) this.#drop(index);
  }

  #drop(index: number): void {
    this.#views.get(index)?.destroy();
    this.#views.delete(index);
    this.#ready.delete(index);
  }

  #paintPage(index: number, view: PdfPageView): void {
    const page = this.#pages[index];
    view.paint(this.#ranges.filter((range) => overlaps(range, page)));
  }

  #visibleRendering(): boolean {
    for (const index of this.#rendering.values()) if (distance(index, this.#visible) === 0) return true;
    return false;
  }

  /** The wanted page without a view that is closest to the visible ones. */
  #next(): number | undefined {
    let best: number | undefined;
    for (let index = this.#wanted.first; index <= this.#wanted.last; index++) {
      if (this.#views.has(index)) continue;
      if (best === undefined || distance(index, this.#visible) < distance(best, this.#visible)) best = index;
    }
    return best;
  }

  #pump(): void {
    while (!this.#destroyed && this.#rendering.size < CONCURRENT_RENDERS) {
      const index = this.#next();
      const slot = index === undefined ? undefined : this.#slotOf(index);
      if (index === undefined || !slot) return;
      // A page off screen waits until the visible ones are done: on opening, the first page appears sooner.
      if (this.#rendering.size > 0 && distance(index, this.#visible) > 0 && this.#visibleRendering()) return;
      const view = new PdfPageView(slot, index, this.#scale);
      this.#views.set(index, view);
      this.#rendering.set(view, index);
      const ready = this.#render(index, view).finally(() => {
        this.#rendering.delete(view);
        this.#pump();
      });
      this.#ready.set(index, ready);
    }
  }

  async #render(index: number, view: PdfPageView): Promise<PdfPageView | undefined> {
    try {
      const rendered = await view.render(this.#pdf, this.#text, this.#pages[index]);
      if (!rendered || view.destroyed) return undefined;
      this.#paintPage(index, view);
      this.#events.onPageSize(index, rendered.size);
      // The canvas finishes drawing after the text layer is usable.
      rendered.drawn.catch((error: unknown) => this.#events.onPageFailed(index, error));
      return view;
    } catch (error) {
      if (!view.destroyed) this.#events.onPageFailed(index, error);
      return undefined;
    }
  }
}
