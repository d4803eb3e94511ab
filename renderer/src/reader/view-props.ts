import type { HighlightColor, HighlightTarget } from '../../../shared/model/records';
import type { DocumentStructure } from '../../../shared/model/document-structure';
export interface PaintedHighlight { id: string; start: number; end: number; color: HighlightColor }
export interface TextRange { start: number; end: number; page?: number }
export interface ScrollTarget { start: number; end: number; flash: boolean; nonce: number }
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

/** Where a stored highlight was put, as the range to open the reader at (the reader anchors it again if the text moved). */
export function highlightRange(target: HighlightTarget): TextRange {
  return { start: target.position.start, end: target.position.end, ...(target.page === undefined ? {} : { page: target.page }) };
}
