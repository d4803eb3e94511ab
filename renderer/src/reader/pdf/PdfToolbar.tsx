import { useEffect, useState } from 'react';
import { steppedZoom } from './zoom-steps';

export type Zoom = { fit: true } | { fit: false; factor: number };

interface Props {
  /** 0-based. */
  page: number;
  pageCount: number;
  onPage(index: number): void;
  zoom: Zoom;
  /** The zoom factor in effect (fit-width resolves to one). */
  factor: number;
  onZoom(zoom: Zoom): void;
  /** Undefined when the document has no outline. */
  outlineOpen: boolean | undefined;
  onToggleOutline(): void;
}

export function PdfToolbar({ page, pageCount, onPage, zoom, factor, onZoom, outlineOpen, onToggleOutline }: Props) {
  const [typed, setTyped] = useState(String(page + 1));
  useEffect(() => setTyped(String(page + 1)), [page]);

  const go = () => {
    const number = Number.parseInt(typed, 10);
    if (Number.isInteger(number)) onPage(number - 1);
    else setTyped(String(page + 1));
  };

  return (
    <div className="pdf-toolbar" role="toolbar" aria-label="PDF">
      {outlineOpen !== undefined && (
        <button type="button" aria-pressed={outlineOpen} onClick={onToggleOutline}>
          Outline
        </button>
      )}
      <button type="button" onClick={() => onPage(page - 1)} disabled={page === 0} aria-label="Previous page">
        ‹
      </button>
      <label className="pdf-page-number">
        <span>Page</span>
        <input
          type="text"
          inputMode="numeric"
          value={typed}
          size={Math.max(2, String(pageCount).length)}
          onChange={(event) => setTyped(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') go();
          }}
          onBlur={go}
          aria-label="Page number"
        />
        <span>of {pageCount.toLocaleString()}</span>
      </label>
      <button type="button" onClick={() => onPage(page + 1)} disabled={page >= pageCount - 1} aria-label="Next page">
        ›
      </button>
      <span className="pdf-toolbar-gap" />
      <button type="button" onClick={() => onZoom({ fit: false, factor: steppedZoom(factor, -1) })} aria-label="Zoom out">
        −
      </button>
      <output className="pdf-zoom" aria-label="Zoom">
        {Math.round(factor * 100)}%
      </output>
      <button type="button" onClick={() => onZoom({ fit: false, factor: steppedZoom(factor, 1) })} aria-label="Zoom in">
        +
      </button>
      <button type="button" aria-pressed={zoom.fit} onClick={() => onZoom({ fit: true })}>
        Fit width
      </button>
    </div>
  );
}
