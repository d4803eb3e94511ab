import { useEffect, useState } from 'react';
import { pagePrefix } from './page-label';
import type { FieldbookApi, MethodArgs, MethodResult } from '../../../shared/api/contract';
import type { DocumentRecord, HighlightColor } from '../../../shared/model/records';
import { highlightRange, type TextRange } from '../navigation/text-range';
import { useTags } from '../tags/useTags';
import { colorLabels, highlightColors } from './colors';
import './highlights.css';
import './all-highlights.css';

const PAGE_SIZE = 50;

interface AllHighlightsViewProps {
  api: FieldbookApi;
  onOpenDocument(documentId: string, range?: TextRange): void;
  onError(error: unknown): void;
}

interface Filters {
  color?: HighlightColor;
  tagId?: string;
  documentId?: string;
  author?: string;
}

/** Every highlight in the notebook, a page at a time, filtered by colour, tag, document and author; each opens its passage. */
export function AllHighlightsView({ api, onOpenDocument, onError }: AllHighlightsViewProps) {
  const tags = useTags(api, onError);
  const [documents, setDocuments] = useState<DocumentRecord[]>([]);
  const [filters, setFilters] = useState<Filters>({});
  const [authorDraft, setAuthorDraft] = useState('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<MethodResult<'highlights.page'>>();

  useEffect(() => {
    api.call('documents.list', {}).then((list) => setDocuments(list.sort((a, b) => a.title.localeCompare(b.title))), onError);
  }, [api, onError]);

  useEffect(() => {
    let current = true;
    setPage(undefined);
    const args: MethodArgs<'highlights.page'> = { offset, limit: PAGE_SIZE, ...filters };
    api.call('highlights.page', args).then(
      (result) => current && setPage(result),
      (error: unknown) => current && onError(error),
    );
    return () => {
      current = false;
    };
  }, [api, filters, offset, onError]);

  const filter = (patch: Partial<Filters>) => {
    setOffset(0);
    setFilters((current) => {
      const next: Filters = { ...current, ...patch };
      for (const key of Object.keys(next) as (keyof Filters)[]) if (!next[key]) delete next[key];
      return next;
    });
  };

  const shownTo = offset + (page?.items.length ?? 0);
  return (
    <section className="all-highlights" aria-labelledby="view-title">
      <header className="view-header">
        <h1 id="view-title">Highlights</h1>
        <p className="view-meta" aria-live="polite">
          {!page ? 'Loading…' : page.items.length === 0 ? 'None' : `${offset + 1}–${shownTo} of ${page.total ?? `more than ${shownTo}`}`}
        </p>
      </header>
      <form className="highlight-filters" aria-label="Filter highlights" onSubmit={(event) => {
        event.preventDefault();
        filter({ author: authorDraft.trim() });
      }}>
        <label>
          Colour
          <select value={filters.color ?? ''} onChange={(event) => filter({ color: (event.target.value || undefined) as HighlightColor | undefined })}>
            <option value="">Any</option>
            {highlightColors.map((color) => (
              <option key={color} value={color}>
                {colorLabels[color]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tag
          <select value={filters.tagId ?? ''} onChange={(event) => filter({ tagId: event.target.value })}>
            <option value="">Any</option>
            {tags.all.map((tag) => (
              <option key={tag.id} value={tag.id}>
                {tag.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Document
          <select value={filters.documentId ?? ''} onChange={(event) => filter({ documentId: event.target.value })}>
            <option value="">Any</option>
            {documents.map((document) => (
              <option key={document.id} value={document.id}>
                {document.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Author
          <input type="text" value={authorDraft} placeholder="Any" onChange={(event) => setAuthorDraft(event.target.value)} onBlur={() => filter({ author: authorDraft.trim() })} />
        </label>
      </form>
      {page && page.items.length === 0 ? (
        <p className="hint">{Object.keys(filters).length > 0 ? 'No highlights match these filters.' : 'No highlights yet. Open a document, select a passage and pick a colour.'}</p>
      ) : (
        <ol className="all-highlights-list">
          {page?.items.map(({ highlight, documentTitle }) => (
            <li key={highlight.id} className={`highlight-card highlight-${highlight.color}`}>
              <button type="button" className="highlight-quote" dir="auto" onClick={() => onOpenDocument(highlight.documentId, highlightRange(highlight.target))}>
                {highlight.target.quote.exact}
              </button>
              {highlight.comment && (
                <p className="all-highlights-comment" dir="auto">
                  {highlight.comment}
                </p>
              )}
              <p className="highlight-meta" dir="auto">
                {documentTitle} · {pagePrefix(highlight.target)}
                {highlight.author} · <time dateTime={highlight.createdAt}>{new Date(highlight.createdAt).toLocaleDateString()}</time>
                {highlight.tags.map((id) => tags.byId.get(id)).filter((tag) => tag !== undefined).map((tag) => (
                  <span key={tag.id} className="all-highlights-tag">
                    <span className="tag-dot" style={{ backgroundColor: tag.color }} aria-hidden="true" /> {tag.name}
                  </span>
                ))}
              </p>
            </li>
          ))}
        </ol>
      )}
      <nav className="pager" aria-label="Pages of highlights">
        <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
          Previous
        </button>
        <button type="button" disabled={!page?.hasMore} onClick={() => setOffset(offset + PAGE_SIZE)}>
          Next
        </button>
      </nav>
    </section>
  );
}
