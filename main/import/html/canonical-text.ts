/// <reference lib="dom" />
import type { Block, BlockType, DocumentStructure } from '../../../shared/model/document-structure';
import { dominantDirection, type TextDirection } from './text-direction';

/**
 * Turns a sanitised DOM into the canonical text that highlights anchor to,
 * following the conventions in shared/model/document-structure.ts.
 *
 * The walk is iterative, uses only nodeType/localName (no DOM globals, which
 * do not exist in Node), and depends on nothing but the tree, so the same DOM
 * always gives the same text and ranges.
 */

export interface CanonicalTextOptions {
  /** The direction the file declares; when absent the text's own majority decides. */
  documentDirection?: TextDirection;
}

export interface CanonicalText {
  text: string;
  structure: DocumentStructure;
  /** The direction blocks were compared against (declared, or detected from the text). */
  baseDirection: TextDirection;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/** Elements a browser lays out as blocks: they end the running line of inline text. */
const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html',
  'legend', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot',
  'th', 'thead', 'tr', 'ul', 'xmp', 'plaintext',
]);

/** Never rendered as text, even if a caller hands us an unsanitised tree. */
const SKIPPED_ELEMENTS = new Set([
  'script', 'style', 'template', 'noscript', 'head', 'title', 'meta', 'link', 'base', 'iframe', 'object', 'embed', 'svg', 'math',
  'select', 'textarea', 'input', 'button', 'img', 'picture', 'video', 'audio', 'canvas', 'map', 'area', 'source', 'track',
]);

const HEADING_LEVEL: Readonly<Record<string, 1 | 2 | 3 | 4 | 5 | 6>> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };

/** Block types that a nested element imposes on the text inside it; the innermost wins. */
const TYPED_ELEMENTS: Readonly<Record<string, BlockType>> = {
  li: 'list-item',
  blockquote: 'quote',
  pre: 'preformatted',
  listing: 'preformatted',
  xmp: 'preformatted',
  plaintext: 'preformatted',
  td: 'table-cell',
  th: 'table-cell',
  figcaption: 'caption',
  caption: 'caption',
};

/** CSS `white-space: normal` collapses these, and only these; U+00A0 survives. */
const COLLAPSIBLE_WHITESPACE = /[ \t\n\r\f]+/g;

interface Context {
  type: BlockType;
  level?: number;
  verbatim: boolean;
  /** The nearest `dir="ltr|rtl"` at or above this block; `auto` resets it. */
  dir?: TextDirection;
}

interface RawBlock {
  type: BlockType;
  level?: number;
  dir?: TextDirection;
  verbatim: boolean;
  text: string;
}

/** Collects one block's inline text, collapsing whitespace the way a browser renders it. */
class LineBuffer {
  private parts: string[] = [];
  /** The last character appended, so collapsing needs no look-back into `parts`. */
  private last = '';

  get isEmpty(): boolean {
    return this.parts.length === 0;
  }

  appendCollapsed(raw: string): void {
    let piece = raw.replace(COLLAPSIBLE_WHITESPACE, ' ');
    // A space at the start of a line, or after another space, is not rendered.
    if (piece.startsWith(' ') && (this.last === '' || this.last === ' ' || this.last === '\n')) piece = piece.slice(1);
    this.push(piece);
  }

  appendVerbatim(raw: string): void {
    this.push(raw);
  }

  lineBreak(verbatim: boolean): void {
    if (!verbatim) {
      // A space before a line break is not rendered, and blank lines inside a
      // block would read as a block separator ("\n\n"), so runs become one "\n".
      this.dropTrailingSpace();
      if (this.last === '\n') return;
    }
    this.push('\n');
  }

  take(): string {
    const text = this.parts.join('');
    this.parts = [];
    this.last = '';
    return text;
  }

  private push(piece: string): void {
    if (piece === '') return;
    this.parts.push(piece);
    this.last = piece[piece.length - 1] ?? '';
  }

  private dropTrailingSpace(): void {
    const tail = this.parts[this.parts.length - 1];
    if (tail === undefined || !tail.endsWith(' ')) return;
    const trimmed = tail.slice(0, -1);
    if (trimmed === '') this.parts.pop();
    else this.parts[this.parts.length - 1] = trimmed;
    const newTail = this.parts[this.parts.length - 1];
    this.last = newTail === undefined ? '' : (newTail[newTail.length - 1] ?? '');
  }
}

function ownDirection(element: Element): TextDirection | 'auto' | undefined {
  const value = element.getAttribute('dir')?.trim().toLowerCase();
  return value === 'ltr' || value === 'rtl' || value === 'auto' ? value : undefined;
}

function contextFor(element: Element, name: string, parent: Context): Context {
  const dirAttribute = ownDirection(element);
  const dir = dirAttribute === undefined ? parent.dir : dirAttribute === 'auto' ? undefined : dirAttribute;
  const level = HEADING_LEVEL[name];
  if (level !== undefined) return { type: 'heading', level, verbatim: parent.verbatim, dir };
  const typed = TYPED_ELEMENTS[name];
  if (typed !== undefined) return { type: typed, verbatim: parent.verbatim || typed === 'preformatted', dir };
  // Generic blocks (p, div, dd…) take the meaning of what contains them: a
  // paragraph inside a blockquote is part of the quote.
  const inherited: Context = { type: parent.type, verbatim: parent.verbatim, dir };
  if (parent.level !== undefined) inherited.level = parent.level;
  return inherited;
}

function finishBlockText(raw: RawBlock): string {
  if (raw.verbatim) {
    // Keep indentation and inner blank lines; only blank lines at the ends go.
    return raw.text.replace(/^(?:[ \t\f]*\n)+/, '').trimEnd().normalize('NFC');
  }
  return raw.text
    .split('\n')
    .map((line) => line.trim())
    // A line of only non-breaking spaces renders as a blank line; dropping it
    // keeps "\n\n" meaning "next block" and nothing else.
    .filter((line) => line !== '')
    .join('\n')
    .trim()
    .normalize('NFC');
}

function collectBlocks(root: Node): RawBlock[] {
  const blocks: RawBlock[] = [];
  const buffer = new LineBuffer();
  const rootContext: Context = { type: 'paragraph', verbatim: false };
  const contexts: Context[] = [rootContext];
  const current = (): Context => contexts[contexts.length - 1] ?? rootContext;

  const flush = (): void => {
    if (buffer.isEmpty) return;
    const context = current();
    const block: RawBlock = { type: context.type, verbatim: context.verbatim, text: buffer.take() };
    if (context.level !== undefined) block.level = context.level;
    if (context.dir !== undefined) block.dir = context.dir;
    blocks.push(block);
  };

  // Each entry is a node to enter, or (exit: true) a block element to leave.
  const pending: Array<{ node: Node; exit: boolean }> = [{ node: root, exit: false }];
  while (pending.length > 0) {
    const { node, exit } = pending.pop() as { node: Node; exit: boolean };
    if (exit) {
      flush();
      contexts.pop();
      continue;
    }
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
      const value = node.nodeValue ?? '';
      if (current().verbatim) buffer.appendVerbatim(value);
      else buffer.appendCollapsed(value);
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE && node !== root) continue;

    let isBlock = false;
    if (node.nodeType === ELEMENT_NODE) {
      const element = node as Element;
      const name = element.localName.toLowerCase();
      if (SKIPPED_ELEMENTS.has(name)) continue;
      if (name === 'br') {
        buffer.lineBreak(current().verbatim);
        continue;
      }
      // Inside <pre> nested elements are part of the verbatim run, as a browser shows them.
      isBlock = BLOCK_ELEMENTS.has(name) && !current().verbatim;
      if (isBlock) {
        flush();
        contexts.push(contextFor(element, name, current()));
        pending.push({ node, exit: true });
      }
    }
    // Sibling pointers rather than childNodes: jsdom's live NodeList is slow to index.
    for (let child = node.lastChild; child !== null; child = child.previousSibling) pending.push({ node: child, exit: false });
  }
  flush();
  return blocks;
}

/** Walks `root` (an element, body or fragment) and returns its canonical text and block ranges. */
export function toCanonicalText(root: Node, options: CanonicalTextOptions = {}): CanonicalText {
  const finished = collectBlocks(root)
    .map((raw) => ({ raw, text: finishBlockText(raw) }))
    .filter((entry) => entry.text !== '');

  // The whole text has no leading whitespace, even when it opens with indented code.
  const first = finished[0];
  if (first !== undefined) first.text = first.text.trimStart();

  const baseDirection = options.documentDirection ?? dominantDirection(finished.map((entry) => entry.text).join('\n')) ?? 'ltr';

  const blocks: Block[] = [];
  const pieces: string[] = [];
  let offset = 0;
  for (const { raw, text } of finished) {
    if (pieces.length > 0) offset += 2;
    const block: Block = { type: raw.type, start: offset, end: offset + text.length };
    if (raw.type === 'heading' && raw.level !== undefined) block.level = raw.level;
    const direction = raw.dir ?? dominantDirection(text) ?? baseDirection;
    if (direction !== baseDirection) block.dir = direction;
    blocks.push(block);
    pieces.push(text);
    offset += text.length;
  }
  return { text: pieces.join('\n\n'), structure: { blocks }, baseDirection };
}
