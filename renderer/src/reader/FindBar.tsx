import { useEffect, useMemo, useRef, useState } from 'react';
import { foldWithOffsets } from '../../../shared/text/fold';
import { findMatches, MAX_MATCHES } from './find';
import type { TextRange } from './view-props';

interface FindBarProps {
  text: string;
  /** Search terms the document was opened with: marked until the reader types a query of their own. */
  initialTerms?: readonly string[] | undefined;
  onMarks(marks: TextRange[]): void;
  onShow(match: TextRange): void;
}

/** Find in the document: every match marked, Enter and Shift+Enter step through them and select the one shown; Ctrl+F comes here. */
export function FindBar({ text, initialTerms, onMarks, onShow }: FindBarProps) {
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);
  // Folding a long text takes a moment: only once, and only when someone searches.
  const folded = useMemo(() => (query.trim() || initialTerms?.length ? foldWithOffsets(text) : undefined), [text, query, initialTerms]);
  const matches = useMemo(() => {
    if (!folded) return [];
    if (query.trim()) return findMatches(folded, query);
    return (initialTerms ?? []).flatMap((term) => findMatches(folded, term)).sort((a, b) => a.start - b.start);
  }, [folded, query, initialTerms]);

  useEffect(() => {
    onMarks(matches);
    setCurrent(-1);
  }, [matches, onMarks]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        inputRef.current?.focus();
        inputRef.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const step = (by: number) => {
    if (matches.length === 0) return;
    const next = current < 0 ? (by > 0 ? 0 : matches.length - 1) : (current + by + matches.length) % matches.length;
    setCurrent(next);
    onShow(matches[next] as TextRange);
  };

  return (
    <div className="find-bar" role="search">
      <input
        ref={inputRef}
        type="search"
        dir="auto"
        value={query}
        placeholder="Find in document"
        aria-label="Find in document"
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          // Escape goes back to the text, the match shown still selected (for the highlight keys), the query kept.
          if (event.key === 'Escape') {
            event.preventDefault();
            inputRef.current?.blur();
            return;
          }
          if (event.key !== 'Enter') return;
          event.preventDefault();
          step(event.shiftKey ? -1 : 1);
        }}
      />
      <span className="find-count" aria-live="polite">
        {matches.length > 0 ? `${current < 0 ? '' : `${current + 1} of `}${matches.length}${matches.length >= MAX_MATCHES ? '+' : ''}${current < 0 ? (matches.length === 1 ? ' match' : ' matches') : ''}` : query.trim() ? 'No matches' : ''}
      </span>
      <button type="button" aria-label="Previous match" disabled={matches.length === 0} onClick={() => step(-1)}>
        ↑
      </button>
      <button type="button" aria-label="Next match" disabled={matches.length === 0} onClick={() => step(1)}>
        ↓
      </button>
    </div>
  );
}
