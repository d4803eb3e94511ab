import type { DocumentStructure } from '../../../../shared/model/document-structure';
import { startsBlock } from '../../../../shared/text/canonical-text';
import type { TextMap } from './text-map';

const ELEMENT_NODE = 1;

const isBlockElement = (node: Node): boolean => node.nodeType === ELEMENT_NODE && startsBlock((node as Element).localName.toLowerCase());

/** Whether a node is, or holds, something laid out as a block: it cannot go inside a wrapper made for one run of inline text. */
function holdsBlock(node: Node): boolean {
  if (node.nodeType !== ELEMENT_NODE) return false;
  return isBlockElement(node) || Array.from((node as Element).querySelectorAll('*')).some(isBlockElement);
}

/**
 * Gives the blocks of a web page whose direction differs from the page's (an
 * English paragraph in an Arabic page) that direction, on an element that
 * holds that block and nothing else. The nearest block element is not always
 * one: text loose in an <article> beside its paragraphs is a block of its own
 * to the walk, and a direction set on the <article> would turn every paragraph
 * in it around. Such a run is wrapped in a <div>, which the browser lays out
 * as the anonymous block it already was; the text nodes stay the same, so the
 * map and the highlights on them are untouched.
 */
export function applyBlockDirections(content: HTMLElement, map: TextMap, structure: DocumentStructure): void {
  for (const block of structure.blocks) {
    if (!block.dir) continue;
    const start = map.pointAt(block.start, 'start')?.node;
    if (!start) continue;
    let container = start.parentElement;
    while (container && container !== content && !isBlockElement(container)) container = container.parentElement;
    if (!container) continue;
    if (container !== content && !Array.from(container.children).some(holdsBlock)) {
      // The source's own dir on the element is what the import read; it stays.
      if (!container.hasAttribute('dir')) container.dir = block.dir;
      continue;
    }
    wrapInlineRun(container, start, block.dir);
  }
}

/** Wraps the inline siblings around `node` (up to the blocks on either side, inside `container`) in a <div> of direction `dir`. */
function wrapInlineRun(container: Element, node: Node, dir: 'ltr' | 'rtl'): void {
  let child: Node = node;
  while (child.parentNode !== container) {
    if (!child.parentNode) return;
    child = child.parentNode;
  }
  // Inline markup that holds a block (a <span> around a <p>) has no run of its own to wrap.
  if (holdsBlock(child)) return;
  let first = child;
  while (first.previousSibling && !holdsBlock(first.previousSibling)) first = first.previousSibling;
  let last = child;
  while (last.nextSibling && !holdsBlock(last.nextSibling)) last = last.nextSibling;
  const wrapper = container.ownerDocument.createElement('div');
  wrapper.dir = dir;
  container.insertBefore(wrapper, first);
  for (let moving: Node | null = first; moving; ) {
    const next: Node | null = moving === last ? null : moving.nextSibling;
    wrapper.append(moving);
    moving = next;
  }
}
