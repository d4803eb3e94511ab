import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { ImportButtons } from '../import/ImportButtons';
import type { ChosenFile } from '../import/dropped-files';
import type { FieldbookApi } from '../../../shared/api/contract';
import type { LibraryCollection, LibraryItem } from '../../../shared/model/library';
import { publishedDate } from '../forms/published-date';
import { collections } from '../navigation/sections';

interface LibraryViewProps {
  api: FieldbookApi;
  collection: LibraryCollection;
  query: string;
  total: number;
  onError(error: unknown): void;
  onOpenSettings(): void;
  /** No display name is set yet: the empty documents list asks for one. */
  askName: boolean;
  onImport(files: ChosenFile[]): void;
  importing: boolean;
  /** Open an item: a document in the reader, an actor's or event's page. */
  onOpen?(id: string): void;
  /** Shown under the heading: a way to make a new record of this kind. */
  actions?: ReactNode;
}

export function LibraryView({ api, collection, query, total, onError, onOpenSettings, askName, onImport, importing, onOpen, actions }: LibraryViewProps) {
  const [items, setItems] = useState<LibraryItem[]>();
  const text = collections[collection];

  useEffect(() => {
    let current = true;
    setItems(undefined);
    api.call('library.list', { collection }).then(
      (page) => current && setItems(page.items),
      (error: unknown) => current && onError(error),
    );
    return () => {
      current = false;
    };
  }, [api, collection, total, onError]);

  const visible = useMemo(() => {
    const needle = query.trim().toLocaleLowerCase();
    return needle ? items?.filter((item) => item.title.toLocaleLowerCase().includes(needle)) : items;
  }, [items, query]);

  return (
    <section className="library-view" aria-labelledby="view-title">
      <header className="view-header">
        <h1 id="view-title">{text.label}</h1>
        {collection === 'documents' && items && items.length > 0 && <ImportButtons onFiles={onImport} disabled={importing} />}
        {items && items.length > 0 && (
          <p className="view-meta">
            {query ? `${visible?.length ?? 0} of ${items.length}` : items.length} {items.length === 1 ? text.singular : text.label.toLowerCase()}
          </p>
        )}
      </header>
      {actions}
      {!visible ? (
        <p role="status">Loading {text.label.toLowerCase()}…</p>
      ) : items?.length === 0 ? (
        <EmptyState title={text.emptyTitle} text={text.emptyText} first={collection === 'documents' && askName} onOpenSettings={onOpenSettings}>
          {collection === 'documents' && <ImportButtons onFiles={onImport} disabled={importing} />}
        </EmptyState>
      ) : visible.length === 0 ? (
        <p role="status" className="no-match" dir="auto">
          No {text.label.toLowerCase()} match “{query}”.
        </p>
      ) : (
        <ul className="item-list">
          {visible.map((item) => (
            <li key={item.id} className="item">
              {onOpen ? (
                <button type="button" className="item-title item-open" dir="auto" onClick={() => onOpen(item.id)}>
                  {item.title}
                </button>
              ) : (
                <span className="item-title" dir="auto">
                  {item.title}
                </span>
              )}
              {(item.subtitle || item.publishedAt) && (
                <span className="item-subtitle" dir="auto">
                  {[item.subtitle, publishedDate(item.publishedAt)].filter(Boolean).join(' · ')}
                </span>
              )}
              <time dateTime={item.updatedAt}>{new Date(item.updatedAt).toLocaleDateString()}</time>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function EmptyState({ title, text, first, onOpenSettings, children }: { title: string; text: string; first: boolean; onOpenSettings(): void; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <h2>{title}</h2>
      <p>{text}</p>
      {children}
      {first && (
        <div className="first-steps">
          <h3>Before you start</h3>
          <p>Set the name your teammates will see beside your highlights and notes when you exchange notebooks.</p>
          <button type="button" className="primary" onClick={onOpenSettings}>
            Set your name
          </button>
        </div>
      )}
    </div>
  );
}
