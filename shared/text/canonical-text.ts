/// <reference lib="dom" />
import type { Block, BlockType, DocumentStructure } from '../model/document-structure';
import { dominantDirection, type TextDirection } from './canonical-direction';

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
  /** Also say which text node each character came from (the reader maps selections with it). */
  trackOrigins?: boolean;
}

/**
 * Characters [start, start + length) of the canonical text are characters
 * [offset, offset + length) of `node`'s value. Block separators and line
 * breaks made from `<br>` belong to no node, so no run covers them.
 */
export interface TextOrigin {
  start: number;
  length: number;
  node: Node;
  offset: number;
}

export interface CanonicalText {
  text: string;
  structure: DocumentStructure;
  /** The direction blocks were compared against (declared, or detected from the text). */
  baseDirection: TextDirection;
  /** With `trackOrigins`: runs in text order. */
  origins?: TextOrigin[];
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

/** Whether the walk ends a block at this element (by lower-case local name): views that split the text into blocks split it where the walk did. */
export function startsBlock(localName: string): boolean {
  return BLOCK_ELEMENTS.has(localName);
}

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

/** Stands for a character no text node holds (a line break made from `<br>`). */
const NO_SOURCE = -1;

/** Characters of a block with, for each, the index of its text node and its offset there. */
interface SourcedText {
  text: string;
  sources: number[];
  offsets: number[];
}

interface RawBlock extends SourcedText {
  type: BlockType;
  level?: number;
  dir?: TextDirection;
  verbatim: boolean;
}

function isCollapsible(character: string): boolean {
  return character === ' ' || character === '\t' || character === '\n' || character === '\r' || character === '\f';
}

/**
 * Collects one block's inline text, collapsing whitespace the way a browser
 * renders it, and remembers where every character it keeps came from.
 */
class LineBuffer {
  private parts: string[] = [];
  private sources: number[] = [];
  private offsets: number[] = [];
  /** The last character appended, so collapsing needs no look-back into `parts`. */
  private last = '';

  get isEmpty(): boolean {
    return this.parts.length === 0;
  }

  /** CSS `white-space: normal`: a run of collapsible whitespace is one space, and none at the start of a line or after a space. */
  appendCollapsed(raw: string, source: number): void {
    let piece = '';
    let last = this.last;
    for (let index = 0; index < raw.length; index += 1) {
      let character = raw[index] as string;
      if (isCollapsible(character)) {
        if (last === '' || last === ' ' || last === '\n') continue;
        character = ' ';
      }
      piece += character;
      last = character;
      this.sources.push(source);
      this.offsets.push(index);
    }
    this.push(piece);
  }

  appendVerbatim(raw: string, source: number): void {
    for (let index = 0; index < raw.length; index += 1) {
      this.sources.push(source);
      this.offsets.push(index);
    }
    this.push(raw);
  }

  lineBreak(verbatim: boolean): void {
    if (!verbatim) {
      // A space before a line break is not rendered, and blank lines inside a
      // block would read as a block separator ("\n\n"), so runs become one "\n".
      this.dropTrailingSpace();
      if (this.last === '\n') return;
    }
    this.sources.push(NO_SOURCE);
    this.offsets.push(0);
    this.push('\n');
  }

  take(): SourcedText {
    const taken = { text: this.parts.join(''), sources: this.sources, offsets: this.offsets };
    this.parts = [];
    this.sources = [];
    this.offsets = [];
    this.last = '';
    return taken;
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
    this.sources.pop();
    this.offsets.pop();
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

/** A block's final text, and for each of its characters the index of the raw character it came from. */
interface FinishedText {
  text: string;
  map: number[];
}

const WHITESPACE = /\s/;
const LEADING_BLANK_LINES = /^(?:[ \t\f]*\n)+/;
/** A code point and the combining marks after it: NFC composes within these. */
const CLUSTER = /[\s\S]\p{M}*/gu;

function span(from: number, to: number): number[] {
  const indexes: number[] = [];
  for (let index = from; index < to; index += 1) indexes.push(index);
  return indexes;
}

function finishBlockText(raw: RawBlock): FinishedText {
  const text = raw.text;
  if (raw.verbatim) {
    // Keep indentation and inner blank lines; only blank lines at the ends go.
    const from = LEADING_BLANK_LINES.exec(text)?.[0].length ?? 0;
    let to = text.length;
    while (to > from && WHITESPACE.test(text[to - 1] as string)) to -= 1;
    return normalise(text.slice(from, to), span(from, to));
  }
  // Each line trimmed; a line of only non-breaking spaces renders as a blank
  // line, and dropping it keeps "\n\n" meaning "next block" and nothing else.
  const lines: string[] = [];
  const map: number[] = [];
  let lineStart = 0;
  for (let index = 0; index <= text.length; index += 1) {
    if (index < text.length && text[index] !== '\n') continue;
    let from = lineStart;
    let to = index;
    while (from < to && WHITESPACE.test(text[from] as string)) from += 1;
    while (to > from && WHITESPACE.test(text[to - 1] as string)) to -= 1;
    if (to > from) {
      // The joining line break stands where the line break before this line was.
      if (lines.length > 0) map.push(lineStart - 1);
      lines.push(text.slice(from, to));
      for (let kept = from; kept < to; kept += 1) map.push(kept);
    }
    lineStart = index + 1;
  }
  return normalise(lines.join('\n'), map);
}

/** NFC, keeping each character's origin: a composed character comes from the first character of its cluster. */
function normalise(text: string, map: number[]): FinishedText {
  const nfc = text.normalize('NFC');
  if (nfc === text) return { text, map };
  const pieces: string[] = [];
  const nfcMap: number[] = [];
  for (const cluster of text.matchAll(CLUSTER)) {
    const composed = cluster[0].normalize('NFC');
    pieces.push(composed);
    for (let index = 0; index < composed.length; index += 1) nfcMap.push(map[cluster.index + Math.min(index, cluster[0].length - 1)] as number);
  }
  if (pieces.join('') === nfc) return { text: nfc, map: nfcMap };
  // Composition across clusters (Hangul jamo, say) is rare: spread the origins evenly rather than fail.
  return { text: nfc, map: Array.from({ length: nfc.length }, (_, index) => map[Math.floor((index * text.length) / nfc.length)] as number) };
}

function collectBlocks(root: Node, nodes: Node[]): RawBlock[] {
  const blocks: RawBlock[] = [];
  const buffer = new LineBuffer();
  const rootContext: Context = { type: 'paragraph', verbatim: false };
  const contexts: Context[] = [rootContext];
  const current = (): Context => contexts[contexts.length - 1] ?? rootContext;

  const flush = (): void => {
    if (buffer.isEmpty) return;
    const context = current();
    const block: RawBlock = { type: context.type, verbatim: context.verbatim, ...buffer.take() };
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
      nodes.push(node);
      if (current().verbatim) buffer.appendVerbatim(value, nodes.length - 1);
      else buffer.appendCollapsed(value, nodes.length - 1);
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
  const nodes: Node[] = [];
  const finished = collectBlocks(root, nodes)
    .map((raw) => ({ raw, finished: finishBlockText(raw) }))
    .filter((entry) => entry.finished.text !== '');

  // The whole text has no leading whitespace, even when it opens with indented code.
  const first = finished[0];
  if (first !== undefined) {
    const text = first.finished.text;
    let from = 0;
    while (from < text.length && WHITESPACE.test(text[from] as string)) from += 1;
    first.finished = { text: text.slice(from), map: first.finished.map.slice(from) };
  }

  const baseDirection = options.documentDirection ?? dominantDirection(finished.map((entry) => entry.finished.text).join('\n')) ?? 'ltr';

  const blocks: Block[] = [];
  const pieces: string[] = [];
  const origins = options.trackOrigins ? new OriginRuns(nodes) : undefined;
  let offset = 0;
  for (const { raw, finished: { text, map } } of finished) {
    if (pieces.length > 0) offset += 2;
    const block: Block = { type: raw.type, start: offset, end: offset + text.length };
    if (raw.type === 'heading' && raw.level !== undefined) block.level = raw.level;
    const direction = raw.dir ?? dominantDirection(text) ?? baseDirection;
    if (direction !== baseDirection) block.dir = direction;
    blocks.push(block);
    origins?.addBlock(offset, map, raw);
    pieces.push(text);
    offset += text.length;
  }
  const result: CanonicalText = { text: pieces.join('\n\n'), structure: { blocks }, baseDirection };
  if (origins) result.origins = origins.runs;
  return result;
}

/** Builds TextOrigin runs: consecutive characters from consecutive offsets of one node share a run. */
class OriginRuns {
  readonly runs: TextOrigin[] = [];
  readonly #nodes: Node[];

  constructor(nodes: Node[]) {
    this.#nodes = nodes;
  }

  addBlock(blockStart: number, map: number[], raw: SourcedText): void {
    let run: TextOrigin | undefined;
    for (let index = 0; index < map.length; index += 1) {
      const rawIndex = map[index] as number;
      const source = raw.sources[rawIndex] as number;
      if (source === NO_SOURCE) {
        run = undefined;
        continue;
      }
      const node = this.#nodes[source] as Node;
      const nodeOffset = raw.offsets[rawIndex] as number;
      if (run && run.node === node && run.offset + run.length === nodeOffset && run.start + run.length === blockStart + index) {
        run.length += 1;
        continue;
      }
      run = { start: blockStart + index, length: 1, node, offset: nodeOffset };
      this.runs.push(run);
    }
  }
}
