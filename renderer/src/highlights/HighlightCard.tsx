import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { HighlightRecord } from '../../../shared/model/records';
import { TagEditor } from '../tags/TagEditor';
import { TagList } from '../tags/TagList';
import type { Tags } from '../tags/useTags';
import type { AnchoredHighlight } from './anchored';
import { ColorSwatches } from './ColorSwatches';
import { colorLabels } from './colors';
import type { DocumentHighlights } from './useDocumentHighlights';

interface HighlightCardProps {
  item: AnchoredHighlight;
  selected: boolean;
  tags: Tags;
  highlights: DocumentHighlights;
  onShow(record: HighlightRecord): void;
  onError(error: unknown): void;
  /** Shown at the end of the open card. */
  extras?(record: HighlightRecord): ReactNode;
}

/**
 * One highlight in the sidebar: its passage (a button that shows it in the
 * text and opens the card), its comment and tags; the open card edits them,
 * changes the colour and deletes. Closed cards stay small, so a document
 * with a thousand highlights lays out quickly.
 */
export function HighlightCard({ item, selected, tags, highlights, onShow, onError, extras }: HighlightCardProps) {
  const { record, anchor } = item;
  const [comment, setComment] = useState(record.comment);
  const cardRef = useRef<HTMLLIElement>(null);

  useEffect(() => setComment(record.comment), [record.comment]);
  useEffect(() => {
    if (selected) cardRef.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const saveComment = () => {
    if (comment !== record.comment) void highlights.update(record.id, { comment });
  };

  return (
    <li ref={cardRef} className={`highlight-card highlight-${record.color}${selected ? ' selected' : ''}${anchor ? '' : ' orphaned'}`} data-highlight-id={record.id}>
      {!anchor && <strong className="orphan-label">Orphaned: this passage is no longer in the text.</strong>}
      <button type="button" className="highlight-quote" dir="auto" aria-expanded={selected} onClick={() => onShow(record)} aria-label={`${anchor ? 'Show in the text' : 'Edit orphaned highlight'}: ${record.target.quote.exact.slice(0, 200)}`}>
        {record.target.quote.exact}
      </button>
      {selected ? (
        <>
          <label className="visually-hidden" htmlFor={`comment-${record.id}`}>
            Comment
          </label>
          <textarea
            id={`comment-${record.id}`}
            className="highlight-comment"
            dir="auto"
            rows={comment ? 3 : 1}
            placeholder="Add a comment"
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            onBlur={saveComment}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                saveComment();
              }
            }}
          />
          <TagEditor tags={tags} selected={record.tags} subject="highlight" onChange={(ids) => void highlights.update(record.id, { tags: ids })} onError={onError} />
          <div className="highlight-actions">
            <ColorSwatches label="Colour of this highlight" current={record.color} describe={(color) => `Make this highlight ${colorLabels[color].toLowerCase()}`} onPick={(color) => void highlights.update(record.id, { color })} />
            <button type="button" className="highlight-delete" onClick={() => void highlights.remove(record.id)}>
              Delete
            </button>
          </div>
          {extras?.(record)}
        </>
      ) : (
        <>
          {record.comment && (
            <p className="highlight-comment-text" dir="auto">
              {record.comment}
            </p>
          )}
          <TagList tags={tags} ids={record.tags} subject="highlight" />
        </>
      )}
      <p className="highlight-meta">
        {record.author} · <time dateTime={record.createdAt}>{new Date(record.createdAt).toLocaleDateString()}</time>
      </p>
    </li>
  );
}
