import { useMemo } from 'react';
import type { DocumentStructure } from '../../../shared/model/document-structure';
import type { TextRange } from './view-props';

interface TableOfContentsProps {
  text: string;
  structure: DocumentStructure;
  onShow(heading: TextRange): void;
}

/** The document's headings, indented by level; shown only when there is more than one to move between. */
export function TableOfContents({ text, structure, onShow }: TableOfContentsProps) {
  const headings = useMemo(() => structure.blocks.filter((block) => block.type === 'heading'), [structure]);
  if (headings.length < 2) return null;
  const top = Math.min(...headings.map((heading) => heading.level ?? 1));
  return (
    <nav className="reader-toc" aria-label="Contents">
      <h2>Contents</h2>
      <ol>
        {headings.map((heading) => (
          <li key={heading.start} style={{ paddingInlineStart: `${((heading.level ?? top) - top) * 0.8}rem` }}>
            <button type="button" dir="auto" onClick={() => onShow({ start: heading.start, end: heading.end })}>
              {text.slice(heading.start, heading.end)}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
