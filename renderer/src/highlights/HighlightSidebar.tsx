import type { ReactNode } from 'react';
import type { HighlightRecord } from '../../../shared/model/records';
import type { Tags } from '../tags/useTags';
import type { AnchoredHighlight } from './anchored';
import { HighlightCard } from './HighlightCard';
import type { DocumentHighlights } from './useDocumentHighlights';
import './highlights.css';

interface HighlightSidebarProps {
  items: AnchoredHighlight[] | undefined;
  selectedId: string | undefined;
  tags: Tags;
  highlights: DocumentHighlights;
  onShow(record: HighlightRecord): void;
  onError(error: unknown): void;
  /** More to show in the open card (actors and events, notes citing it): the reader composes it, so highlights need not know those features. */
  cardExtras?(record: HighlightRecord): ReactNode;
}

/** The document's highlights in reading order, whatever view shows the document. */
export function HighlightSidebar({ items, selectedId, tags, highlights, onShow, onError, cardExtras }: HighlightSidebarProps) {
  const orphans = items?.filter((item) => !item.anchor).length ?? 0;
  return (
    <aside className="highlight-sidebar" aria-labelledby="highlights-heading">
      <h2 id="highlights-heading">
        Highlights {items && <span className="count">{items.length}</span>}
      </h2>
      {orphans > 0 && <p className="hint">{orphans === 1 ? 'One highlight is' : `${orphans} highlights are`} orphaned: their passage could not be found in this text.</p>}
      {!items ? (
        <p role="status">Loading highlights…</p>
      ) : items.length === 0 ? (
        <p className="hint">Select text, then pick a colour beside it or press H to highlight it.</p>
      ) : (
        <ol className="highlight-list">
          {items.map((item) => (
            <HighlightCard
              key={item.record.id}
              item={item}
              selected={item.record.id === selectedId}
              tags={tags}
              highlights={highlights}
              onShow={onShow}
              onError={onError}
              {...(cardExtras ? { extras: cardExtras } : {})}
            />
          ))}
        </ol>
      )}
    </aside>
  );
}
