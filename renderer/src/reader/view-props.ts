import type { HighlightColor } from '../../../shared/model/records';
import type { DocumentStructure } from '../../../shared/model/document-structure';
import type { TextRange } from '../navigation/text-range';

// The views' props are given and report ranges, so the reader's files take the type from here with them.
export type { TextRange };

export interface PaintedHighlight { id: string; start: number; end: number; color: HighlightColor }
export interface ScrollTarget {
  start: number;
  end: number;
  flash: boolean;
  nonce: number;
  /** Make the passage the selection too (a find match), for the keyboard to extend and highlight. */
  select?: boolean;
}
export interface DocumentViewProps {
  text: string;                       // the canonical text (UTF-16 offsets are into this)
  structure: DocumentStructure;       // blocks, pages, outline
  direction: 'ltr' | 'rtl' | 'auto';
  highlights: PaintedHighlight[];
  marks?: TextRange[];                // e.g. search terms to mark
  scrollTarget?: ScrollTarget;
  onSelectionChange(range: TextRange | undefined): void;
  onHighlightClick(id: string): void;
}
export interface PdfViewProps extends DocumentViewProps { data: Uint8Array }
