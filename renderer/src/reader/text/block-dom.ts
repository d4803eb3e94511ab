import type { DocumentStructure } from '../../../../shared/model/document-structure';
import type { TextOrigin } from '../../../../shared/text/canonical-text';

/**
 * Plain text and Markdown without HTML are shown block by block from the
 * canonical text itself: one element per block holding exactly the block's
 * characters (line breaks kept by CSS), so every run maps one to one.
 * In a document of no set direction each block finds its own, so an Arabic
 * paragraph among English ones runs right to left.
 */
export function renderBlocks(container: HTMLElement, text: string, structure: DocumentStructure, direction: 'ltr' | 'rtl' | 'auto'): TextOrigin[] {
  const document = container.ownerDocument;
  const fragment = document.createDocumentFragment();
  const runs: TextOrigin[] = [];
  const blocks = structure.blocks.length > 0 ? structure.blocks : [{ type: 'paragraph' as const, start: 0, end: text.length }];
  for (const block of blocks) {
    const tag = block.type === 'heading' ? `h${block.level ?? 2}` : block.type === 'quote' ? 'blockquote' : block.type === 'preformatted' ? 'pre' : 'p';
    const element = document.createElement(tag);
    element.className = `block block-${block.type}`;
    if (block.dir) element.dir = block.dir;
    else if (direction === 'auto') element.dir = 'auto';
    const node = document.createTextNode(text.slice(block.start, block.end));
    element.append(node);
    fragment.append(element);
    if (block.end > block.start) runs.push({ start: block.start, length: block.end - block.start, node, offset: 0 });
  }
  container.replaceChildren(fragment);
  return runs;
}
