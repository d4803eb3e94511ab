import { type ReactNode, useEffect, useRef, useState } from 'react';
import { pagePrefix } from './page-label';
import type { HighlightRecord } from '../../../shared/model/records';
import { TagEditor } from '../tags/TagEditor';
import { TagList } from '../tags/TagList';
import type { Tags } from '../tags/useTags';
import type { AnchoredHighlight } from './anchored';
import { ColorSwatches } from './ColorSwatches';
import { errorMessage } from '../forms/error-message';
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
  /** Why the comment typed here was not saved; while there is one, the typed text stays rather than what main has. */
  const [saveProblem, setSaveProblem] = useState<string>();
  const cardRef = useRef<HTMLLIElement>(null);

  useEffect(() => {
    if (saveProblem === undefined) setComment(record.comment);
  }, [record.comment, saveProblem]);
  useEffect(() => {
    if (selected) cardRef.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const saveComment = async () => {
    if (comment === record.comment && saveProblem === undefined) return;
    const saved = await highlights.update(record.id, { comment }, (error) => setSaveProblem(errorMessage(error)));
    if (saved) setSaveProblem(undefined);
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
            aria-describedby={saveProblem === undefined ? undefined : `comment-problem-${record.id}`}
            aria-invalid={saveProblem !== undefined}
            onBlur={() => void saveComment()}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                void saveComment();
              }
            }}
          />
          {saveProblem !== undefined && (
            <p id={`comment-problem-${record.id}`} className="form-error" role="alert" dir="auto">
              Not saved: {saveProblem} Your text is kept here; press Ctrl+Enter to try again.
            </p>
          )}
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
        {pagePrefix(record.target)}
        {record.author} · <time dateTime={record.createdAt}>{new Date(record.createdAt).toLocaleDateString()}</time>
      </p>
    </li>
  );
}
