import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { PageRange } from '../../../../shared/model/document-structure';
import type { PdfViewProps } from '../view-props';
import { currentPage, layoutPages, PAGE_GAP, pageAt, pagesInBand, type PageLayout, type PageSize } from './page-layout';
import type { PaintRange } from './page-view';
import { PageViews } from './page-views';
import { PdfOutline } from './PdfOutline';
import { PdfToolbar, type Zoom } from './PdfToolbar';
import { steppedZoom } from './zoom-steps';
import { useTextLayerInput } from './useTextLayerInput';

interface Props extends PdfViewProps {
  pdf: PDFDocumentProxy;
  firstPage: PageSize;
}

// pdf.js measures pages in points; at 100% a page shows at its printed size.
const CSS_PIXELS_PER_POINT = 96 / 72;
const MIN_ZOOM = 0.25;
const MAX_ZOOM = 4;
const FLASH_MS = 1600;
// Pages are rendered within one screen above and below the viewport and kept
// within three; past that they are destroyed, canvas and all.
const RENDER_MARGIN_SCREENS = 1;
const KEEP_MARGIN_SCREENS = 3;

const clampZoom = (factor: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, factor));

/** The page whose range holds `offset` (the last one starting at or before it). */
function pageOfOffset(pages: readonly PageRange[] | undefined, offset: number): number {
  let found = 0;
  for (const page of pages ?? []) {
    if (page.start > offset) break;
    if (page.end > page.start || page.start === offset) found = page.index;
  }
  return found;
}

/** Where the reader is, as a page and how far down it, so zooming or re-measuring pages keeps the same place in view. */
interface Anchor {
  page: number;
  fraction: number;
}

function anchorAt(layout: PageLayout, scrollTop: number): Anchor {
  const page = pageAt(layout, scrollTop);
  const height = layout.sizes[page]?.height ?? 1;
  return { page, fraction: (scrollTop - (layout.tops[page] ?? 0)) / height };
}

export function PdfDocumentView(props: Props) {
  const { pdf, firstPage, text, structure, highlights, marks, scrollTarget, onSelectionChange, onHighlightClick } = props;
  const pageCount = pdf.numPages;
  const rootRef = useRef<HTMLDivElement>(null);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const columnRef = useRef<HTMLDivElement>(null);
  const [baseSizes, setBaseSizes] = useState<PageSize[]>(() => Array.from({ length: pageCount }, () => firstPage));
  const [zoom, setZoom] = useState<Zoom>({ fit: true });
  const [viewportWidth, setViewportWidth] = useState(0);
  const [page, setPage] = useState(0);
  const [outlineOpen, setOutlineOpen] = useState(false);
  const [views, setViews] = useState<PageViews>();
  const [flash, setFlash] = useState<{ start: number; end: number }>();

  const fitFactor = viewportWidth > 0 ? clampZoom((viewportWidth - 2 * PAGE_GAP) / (firstPage.width * CSS_PIXELS_PER_POINT)) : 1;
  const factor = zoom.fit ? fitFactor : zoom.factor;
  const scale = factor * CSS_PIXELS_PER_POINT;
  const layout = useMemo(() => layoutPages(baseSizes.map((size) => ({ width: size.width * scale, height: size.height * scale }))), [baseSizes, scale]);

  const layoutRef = useRef(layout);
  const anchorRef = useRef<Anchor>({ page: 0, fraction: 0 });
  const frameRef = useRef(0);

  /** Brings the page views in line with what the scroller shows; called on scroll, resize and layout changes. */
  const syncViews = useCallback(() => {
    const scroller = scrollerRef.current;
    const current = layoutRef.current;
    // Until the viewport is measured, fit-width has no scale worth rendering at.
    if (!scroller || !views || viewportWidth === 0) return;
    const top = scroller.scrollTop;
    const height = scroller.clientHeight;
    const bottom = top + height;
    const visible = pagesInBand(current, top, bottom);
    const wanted = pagesInBand(current, top, bottom, height * RENDER_MARGIN_SCREENS);
    const keep = pagesInBand(current, top, bottom, height * KEEP_MARGIN_SCREENS);
    if (visible && wanted && keep) views.update(visible, wanted, keep, scale);
    anchorRef.current = anchorAt(current, top);
    setPage(currentPage(current, top, height));
  }, [views, scale, viewportWidth]);

  // Measured before the first paint, so the first pages render at their fitted size, not twice.
  useLayoutEffect(() => {
    if (scrollerRef.current) setViewportWidth(scrollerRef.current.clientWidth);
  }, []);

  useEffect(() => {
    const scroller = scrollerRef.current;
    const column = columnRef.current;
    if (!scroller || !column) return;
    const created = new PageViews(pdf, text, structure.pages, (index) => column.children[index] as HTMLElement | undefined, {
      onPageSize: (index, size) =>
        setBaseSizes((sizes) => {
          const known = sizes[index];
          if (known && Math.abs(known.width - size.width) < 0.5 && Math.abs(known.height - size.height) < 0.5) return sizes;
          const next = [...sizes];
          next[index] = size;
          return next;
        }),
      onPageFailed: (index) => {
        const slot = column.children[index] as HTMLElement | undefined;
        if (slot) slot.dataset.failed = 'true';
      },
    });
    setViews(created);
    return () => {
      created.destroy();
      setViews(undefined);
    };
  }, [pdf, text, structure.pages]);

  // A new layout (zoom, a page measured) keeps the reader where they were.
  useLayoutEffect(() => {
    layoutRef.current = layout;
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const { page: anchorPage, fraction } = anchorRef.current;
    const top = (layout.tops[anchorPage] ?? 0) + fraction * (layout.sizes[anchorPage]?.height ?? 0);
    if (Math.abs(scroller.scrollTop - top) >= 1) scroller.scrollTop = top;
    syncViews();
  }, [layout, syncViews]);

  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const observer = new ResizeObserver(() => {
      setViewportWidth(scroller.clientWidth);
      syncViews();
    });
    observer.observe(scroller);
    return () => observer.disconnect();
  }, [syncViews]);

  const onScroll = useCallback(() => {
    if (frameRef.current !== 0) return;
    frameRef.current = requestAnimationFrame(() => {
      frameRef.current = 0;
      syncViews();
    });
  }, [syncViews]);
  useEffect(() => () => cancelAnimationFrame(frameRef.current), []);

  useEffect(() => {
    const ranges: PaintRange[] = highlights.map((highlight) => ({ start: highlight.start, end: highlight.end, kind: 'highlight', color: highlight.color, id: highlight.id }));
    for (const mark of marks ?? []) ranges.push({ start: mark.start, end: mark.end, kind: 'mark' });
    if (flash) ranges.push({ ...flash, kind: 'flash' });
    views?.paint(ranges);
  }, [views, highlights, marks, flash]);

  const goToPage = useCallback((index: number) => {
    const scroller = scrollerRef.current;
    const target = Math.min(pageCount - 1, Math.max(0, index));
    if (scroller) scroller.scrollTop = (layoutRef.current.tops[target] ?? 0) - PAGE_GAP / 2;
  }, [pageCount]);

  // Scroll to a passage: its page first, then, once the page's text is laid
  // out, the passage itself, a third of the way down the viewport.
  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!scrollTarget || !views || !scroller) return;
    const { start, end } = scrollTarget;
    const index = pageOfOffset(structure.pages, start);
    scroller.scrollTop = (layoutRef.current.tops[index] ?? 0) - PAGE_GAP / 2;
    syncViews();
    let active = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    void views.whenReady(index).then((view) => {
      if (!active || !view) return;
      const [first] = view.rects(start, end);
      if (first) scroller.scrollTop = (layoutRef.current.tops[index] ?? 0) + first.top - scroller.clientHeight / 3;
      if (scrollTarget.flash) {
        setFlash({ start, end });
        timer = setTimeout(() => setFlash(undefined), FLASH_MS);
      }
    });
    return () => {
      active = false;
      if (timer) clearTimeout(timer);
    };
    // Only a new target (a new nonce) scrolls; layout changes must not pull the reader back.
  }, [scrollTarget?.nonce, views]);

  const input = useTextLayerInput(rootRef, text, onSelectionChange, onHighlightClick);

  // The slots change only with the layout; kept as the same elements, React
  // skips a thousand of them on every scroll that only moves the page number.
  const column = useMemo(
    () => (
      <div className="pdf-column" ref={columnRef} style={{ height: layout.height, width: layout.width }}>
        {layout.sizes.map((size, index) => (
          <div
            key={index}
            className="pdf-page"
            data-page-index={index}
            aria-label={`Page ${index + 1}`}
            role="group"
            style={{ top: layout.tops[index], width: size.width, height: size.height, left: (layout.width - size.width) / 2 }}
          />
        ))}
      </div>
    ),
    [layout],
  );

  // Ctrl + and Ctrl − step the zoom, Ctrl 0 shows the pages at their printed size, here rather than zooming the whole window.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const next = event.key === '0' ? 1 : event.key === '+' || event.key === '=' ? steppedZoom(factor, 1) : event.key === '-' ? steppedZoom(factor, -1) : undefined;
      if (next === undefined) return;
      event.preventDefault();
      setZoom({ fit: false, factor: clampZoom(next) });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [factor]);

  const outline = structure.outline ?? [];
  return (
    <div className="pdf-view" ref={rootRef} onCopy={input.onCopy}>
      <PdfToolbar
        page={page}
        pageCount={pageCount}
        onPage={goToPage}
        zoom={zoom}
        factor={factor}
        onZoom={(next) => setZoom(next.fit ? next : { fit: false, factor: clampZoom(next.factor) })}
        outlineOpen={outline.length > 0 ? outlineOpen : undefined}
        onToggleOutline={() => setOutlineOpen((open) => !open)}
      />
      <div className="pdf-body">
        {outlineOpen && outline.length > 0 && <PdfOutline items={outline} current={page} onPage={goToPage} />}
        <div className="pdf-scroller" ref={scrollerRef} onScroll={onScroll} onClick={input.onClick} onMouseDown={input.onMouseDown} tabIndex={0} role="region" aria-label="PDF pages">
          {column}
        </div>
      </div>
    </div>
  );
}
