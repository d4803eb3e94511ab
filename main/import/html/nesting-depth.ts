/// <reference lib="dom" />
import { ApiError } from '../../../shared/api/errors';

/**
 * Nesting limits for HTML. A page with 100,000 nested elements is a few
 * hundred kilobytes, and anything recursive downstream (serialisers,
 * Readability, sanitising templates) would overflow the stack on it, so the
 * depth is estimated by a linear scan of the tags *before* the page is parsed,
 * and measured exactly (without recursion) after.
 *
 * The scan follows the parts of the HTML tokenizer and tree builder that
 * decide depth: void elements, raw-text elements, quoted attributes, comments,
 * the end tags a browser implies (p, li, dt/dd, table cells and rows, option),
 * and formatting elements (b, i, a…), which a browser re-opens inside every
 * new block until they are closed, so they count until their own end tag.
 */

const VOID_ELEMENTS = new Set([
  'area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'keygen', 'link', 'meta',
  'param', 'source', 'track', 'wbr',
]);

/** Their content is text up to the matching end tag (jsdom parses with scripting off, so noscript is not one). */
const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'textarea', 'title']);

const FORMATTING_ELEMENTS = new Set(['a', 'b', 'big', 'code', 'em', 'font', 'i', 'nobr', 's', 'small', 'strike', 'strong', 'tt', 'u']);

/** The root elements every document has; the limit counts what is inside them. */
const DOCUMENT_ELEMENTS = new Set(['html', 'head', 'body']);

/**
 * Start tags that close an open <p> (the tree builder's "close a p element in
 * button scope"). Not <table>: in quirks mode (no doctype) it nests in the <p>.
 */
const CLOSES_P = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section',
  'summary', 'ul', 'li', 'dd', 'dt', 'listing', 'xmp', 'plaintext',
]);

/**
 * The tree builder's "special" elements. A new <li> (or <dd>, <dt>) closes
 * the open one only if no special element other than address, div or p lies
 * between them.
 */
const SPECIAL = new Set([
  'address', 'applet', 'area', 'article', 'aside', 'base', 'basefont', 'bgsound', 'blockquote', 'body', 'br', 'button', 'caption',
  'center', 'col', 'colgroup', 'dd', 'details', 'dir', 'div', 'dl', 'dt', 'embed', 'fieldset', 'figcaption', 'figure', 'footer', 'form',
  'frame', 'frameset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hgroup', 'hr', 'html', 'iframe', 'img', 'input', 'keygen',
  'li', 'link', 'listing', 'main', 'marquee', 'menu', 'meta', 'nav', 'noembed', 'noframes', 'noscript', 'object', 'ol', 'p', 'param',
  'plaintext', 'pre', 'script', 'search', 'section', 'select', 'source', 'style', 'summary', 'table', 'tbody', 'td', 'template',
  'textarea', 'tfoot', 'th', 'thead', 'title', 'tr', 'track', 'ul', 'wbr', 'xmp', 'svg', 'math',
]);
const LIST_ITEM_BOUNDARIES = new Set([...SPECIAL].filter((name) => !['address', 'div', 'p', 'li', 'dd', 'dt'].includes(name)));

/** Elements that bound "button scope": an open <p> beyond one of these is not closed. */
const SCOPE_BOUNDARIES = new Set(['applet', 'caption', 'html', 'table', 'td', 'th', 'marquee', 'object', 'template', 'button', 'svg', 'math']);

/** The tree builder's default scope: end tags do not reach past these. */
const DEFAULT_SCOPE = new Set(['applet', 'caption', 'html', 'table', 'td', 'th', 'marquee', 'object', 'template']);
/** Inside SVG/MathML an end tag closes the nearest matching element, but not past the foreign root. */
const FOREIGN_SCOPE = new Set(['svg', 'math']);


const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const TABLE_SECTIONS = new Set(['thead', 'tbody', 'tfoot']);

interface OpenElement {
  name: string;
  formatting: boolean;
}

/** The browser keeps at most three identical formatting elements open (the "Noah's Ark" clause). */
const MAX_IDENTICAL_FORMATTING = 3;

class DepthTracker {
  readonly stack: OpenElement[] = [];
  private readonly counts = new Map<string, number>();
  /** Formatting elements opened and not yet closed by their own end tag, per name. */
  private readonly activeFormatting = new Map<string, number>();
  private readonly identicalFormatting = new Map<string, number>();
  private activeFormattingTotal = 0;
  private formattingOnStack = 0;
  private foreign = 0;
  maxDepth = 0;

  get inForeignContent(): boolean {
    return this.foreign > 0;
  }

  has(name: string): boolean {
    return (this.counts.get(name) ?? 0) > 0;
  }

  top(): string | undefined {
    return this.stack[this.stack.length - 1]?.name;
  }

  open(name: string, rawTag: string): void {
    const formatting = FORMATTING_ELEMENTS.has(name) && !this.inForeignContent;
    this.stack.push({ name, formatting });
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    if (name === 'svg' || name === 'math') this.foreign += 1;
    if (formatting) {
      const seen = this.identicalFormatting.get(rawTag) ?? 0;
      this.identicalFormatting.set(rawTag, seen + 1);
      if (seen < MAX_IDENTICAL_FORMATTING) {
        this.activeFormatting.set(name, (this.activeFormatting.get(name) ?? 0) + 1);
        this.activeFormattingTotal += 1;
      }
    }
    if (formatting) this.formattingOnStack += 1;
    this.maxDepth = Math.max(this.maxDepth, this.depth());
  }

  /**
   * Everything open, plus the formatting elements the browser will re-open
   * that are no longer open (identical ones beyond three are not re-opened,
   * but while open they still nest).
   */
  private depth(): number {
    return this.stack.length + Math.max(0, this.activeFormattingTotal - this.formattingOnStack);
  }

  /** Pops elements down to and including the nearest `name`; formatting ones stay active (the browser re-opens them). */
  popThrough(name: string): void {
    if (!this.has(name)) return;
    for (;;) {
      const element = this.stack.pop();
      if (element === undefined) return;
      this.counts.set(element.name, (this.counts.get(element.name) ?? 1) - 1);
      if (element.name === 'svg' || element.name === 'math') this.foreign -= 1;
      if (element.formatting) this.formattingOnStack -= 1;
      if (element.name === name) return;
    }
  }

  /** An element that opens and closes at once (a void element, the empty <p> a stray </p> makes) still nests one deeper. */
  leaf(): void {
    this.maxDepth = Math.max(this.maxDepth, this.depth() + 1);
  }

  /** The nearest open element among `names`, searching down only until a `boundary`. */
  findInScope(names: ReadonlySet<string>, boundaries: ReadonlySet<string>): string | undefined {
    for (let index = this.stack.length - 1; index >= 0; index -= 1) {
      const name = this.stack[index]?.name ?? '';
      if (names.has(name)) return name;
      if (boundaries.has(name)) return undefined;
    }
    return undefined;
  }

  isActive(name: string): boolean {
    return (this.activeFormatting.get(name) ?? 0) > 0 || this.has(name);
  }

  /** An end tag for a formatting element: open but out of scope, the browser ignores it. */
  closeFormatting(name: string, inScope = true): void {
    if (this.has(name) && !inScope) return;
    const active = this.activeFormatting.get(name) ?? 0;
    if (active > 0) {
      this.activeFormatting.set(name, active - 1);
      this.activeFormattingTotal -= 1;
    }
    this.popThrough(name);
  }
}

const P_ONLY = new Set(['p']);
const LI_ONLY = new Set(['li']);
const DD_DT = new Set(['dd', 'dt']);
const CELLS = new Set(['td', 'th']);
const ROW_PARTS = new Set(['td', 'th', 'tr']);
const TABLE_PARTS = new Set(['td', 'th', 'tr', 'thead', 'tbody', 'tfoot']);
const TABLE_ONLY = new Set(['table']);

/** A new row closes the open cell and row; a new section closes those and the open section. */
function closeAllInTable(tracker: DepthTracker, parts: ReadonlySet<string>): void {
  for (let open = tracker.findInScope(parts, TABLE_ONLY); open !== undefined; open = tracker.findInScope(parts, TABLE_ONLY)) {
    tracker.popThrough(open);
  }
}

function applyImpliedEndTags(tracker: DepthTracker, name: string): void {
  if (tracker.inForeignContent) return;
  // A new link (or nobr, or button) ends the open one rather than nesting in it.
  if ((name === 'a' || name === 'nobr') && tracker.isActive(name)) tracker.closeFormatting(name);
  if (name === 'button' && tracker.has('button')) tracker.popThrough('button');
  if (CLOSES_P.has(name) && tracker.has('p') && tracker.findInScope(P_ONLY, SCOPE_BOUNDARIES) !== undefined) tracker.popThrough('p');
  if (name === 'li' && tracker.has('li')) {
    const open = tracker.findInScope(LI_ONLY, LIST_ITEM_BOUNDARIES);
    if (open !== undefined) tracker.popThrough(open);
  } else if ((name === 'dd' || name === 'dt') && (tracker.has('dd') || tracker.has('dt'))) {
    const open = tracker.findInScope(DD_DT, LIST_ITEM_BOUNDARIES);
    if (open !== undefined) tracker.popThrough(open);
  } else if (HEADINGS.has(name)) {
    const top = tracker.top();
    if (top !== undefined && HEADINGS.has(top)) tracker.popThrough(top);
  } else if ((name === 'td' || name === 'th') && tracker.has('table')) {
    const open = tracker.findInScope(CELLS, TABLE_ONLY);
    if (open !== undefined) tracker.popThrough(open);
    // <table><td> gets the <tbody> and <tr> a browser implies.
    if (tracker.top() === 'table') tracker.open('tbody', '');
    if (tracker.top() !== 'tr' && TABLE_SECTIONS.has(tracker.top() ?? '')) tracker.open('tr', '');
  } else if (name === 'tr' && tracker.has('table')) {
    closeAllInTable(tracker, ROW_PARTS);
    if (tracker.top() === 'table') tracker.open('tbody', '');
  } else if (TABLE_SECTIONS.has(name) && tracker.has('table')) {
    closeAllInTable(tracker, TABLE_PARTS);
  } else if (name === 'col' && tracker.top() === 'table') {
    tracker.open('colgroup', '');
  } else if ((name === 'option' || name === 'optgroup') && tracker.top() === 'option') {
    tracker.popThrough('option');
  }
}

const isAsciiAlpha = (code: number): boolean => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const isTagSpace = (char: string | undefined): boolean => char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '\f';

/**
 * Reads a start or end tag at `start` (just after "<" or "</"), returning the
 * name, whether it ended with "/>", and where scanning resumes. Attribute
 * values are skipped as the tokenizer skips them: a quote starts a value only
 * after "=", so `<div a"b>` ends at its ">".
 */
function readTag(html: string, start: number): { name: string; selfClosing: boolean; end: number } {
  let index = start;
  while (index < html.length && !isTagSpace(html[index]) && html[index] !== '/' && html[index] !== '>') index += 1;
  const name = html.slice(start, index).toLowerCase();
  let selfClosing = false;
  while (index < html.length) {
    const char = html[index];
    if (char === '>') return { name, selfClosing, end: index + 1 };
    if (isTagSpace(char)) {
      index += 1;
      continue;
    }
    if (char === '/') {
      selfClosing = html[index + 1] === '>';
      index += 1;
      continue;
    }
    selfClosing = false;
    // Attribute name: the first character may be "=", then up to space, "/", ">" or "=".
    index += 1;
    while (index < html.length && !isTagSpace(html[index]) && html[index] !== '/' && html[index] !== '>' && html[index] !== '=') index += 1;
    while (isTagSpace(html[index])) index += 1;
    if (html[index] !== '=') continue;
    index += 1;
    while (isTagSpace(html[index])) index += 1;
    const quote = html[index];
    if (quote === '"' || quote === "'") {
      const close = html.indexOf(quote, index + 1);
      if (close === -1) return { name, selfClosing: false, end: html.length };
      index = close + 1;
    } else {
      while (index < html.length && !isTagSpace(html[index]) && html[index] !== '>') index += 1;
    }
  }
  return { name, selfClosing, end: html.length };
}

/** Index just after the end tag that closes raw text `name`, or the end of the input. */
function skipRawText(html: string, from: number, name: string): number {
  const endTag = new RegExp(`</${name}(?=[\\t\\n\\f\\r />])`, 'gi');
  endTag.lastIndex = from;
  const match = endTag.exec(html);
  if (match === null) return html.length;
  const close = html.indexOf('>', match.index);
  return close === -1 ? html.length : close + 1;
}

/**
 * An estimate of the deepest element nesting `html` parses to, stopping as
 * soon as it passes `limit` (so the cost is linear and bounded). Counts
 * elements inside <body>/<head>, not those roots themselves.
 */
export function estimateNestingDepth(html: string, limit = Number.POSITIVE_INFINITY): number {
  const tracker = new DepthTracker();
  let index = 0;
  while (index < html.length && tracker.maxDepth <= limit) {
    const open = html.indexOf('<', index);
    if (open === -1) break;
    const next = html.charCodeAt(open + 1);
    if (html.startsWith('<!--', open)) {
      const close = html.indexOf('-->', open + 4);
      const bang = html.indexOf('--!>', open + 4);
      const ends = [close === -1 ? Infinity : close + 3, bang === -1 ? Infinity : bang + 4];
      const end = Math.min(...ends);
      if (end === Infinity) break;
      index = end;
    } else if (next === 33 /* ! */ || next === 63 /* ? */) {
      const close = html.indexOf('>', open + 2);
      if (close === -1) break;
      index = close + 1;
    } else if (next === 47 /* / */) {
      if (!isAsciiAlpha(html.charCodeAt(open + 2))) {
        // "</" not followed by a letter is a bogus comment up to ">".
        const close = html.indexOf('>', open + 2);
        if (close === -1) break;
        index = close + 1;
        continue;
      }
      const tag = readTag(html, open + 2);
      index = tag.end;
      // A browser ignores an end tag whose element lies beyond a table, cell
      // or template boundary; popping past one would underestimate the depth.
      const inScope = tracker.findInScope(new Set([tag.name]), tracker.inForeignContent ? FOREIGN_SCOPE : DEFAULT_SCOPE) !== undefined;
      if (FORMATTING_ELEMENTS.has(tag.name)) tracker.closeFormatting(tag.name, inScope);
      else if (inScope) tracker.popThrough(tag.name);
      else if (tag.name === 'p' || tag.name === 'br') tracker.leaf();
    } else if (isAsciiAlpha(next)) {
      const tag = readTag(html, open + 1);
      index = tag.end;
      if (DOCUMENT_ELEMENTS.has(tag.name)) continue;
      if (tag.name === 'plaintext' && !tracker.inForeignContent) {
        // Everything after <plaintext> is text.
        tracker.open(tag.name, '');
        break;
      }
      applyImpliedEndTags(tracker, tag.name);
      // "/>" closes an element only in SVG and MathML; in HTML <div/> stays open.
      if ((VOID_ELEMENTS.has(tag.name) && !tracker.inForeignContent) || (tag.selfClosing && tracker.inForeignContent)) {
        tracker.leaf();
        continue;
      }
      tracker.open(tag.name, html.slice(open, tag.end));
      if (RAW_TEXT_ELEMENTS.has(tag.name) && !tracker.inForeignContent) {
        index = skipRawText(html, index, tag.name);
        tracker.popThrough(tag.name);
      }
    } else {
      index = open + 1;
    }
  }
  return tracker.maxDepth;
}

function tooDeep(fileName: string, limit: number): ApiError {
  return new ApiError('FILE_TOO_LARGE', `${fileName} nests its elements more than ${limit} deep, which Fieldbook does not import.`);
}

/** Refuses HTML whose tags nest deeper than `limit`, without parsing it. */
export function assertNestingWithin(html: string, limit: number, fileName: string): void {
  if (estimateNestingDepth(html, limit) > limit) throw tooDeep(fileName, limit);
}

/** The exact nesting depth of the elements under `root`, measured without recursion. */
export function measureTreeDepth(root: Node, limit = Number.POSITIVE_INFINITY): number {
  let deepest = 0;
  const pending: Array<{ node: Node; depth: number }> = [];
  for (let child = root.firstChild; child !== null; child = child.nextSibling) pending.push({ node: child, depth: 1 });
  while (pending.length > 0) {
    const { node, depth } = pending.pop() as { node: Node; depth: number };
    if (node.nodeType !== 1) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    for (let child = node.firstChild; child !== null; child = child.nextSibling) pending.push({ node: child, depth: depth + 1 });
    // A template's content is a separate fragment, but sanitisers walk it too.
    // (Only an HTML <template> has one: a <template> inside SVG is an ordinary element.)
    const content = (node as Element).localName === 'template' ? (node as Partial<HTMLTemplateElement>).content : undefined;
    for (let child = content?.firstChild ?? null; child !== null; child = child.nextSibling) pending.push({ node: child, depth: depth + 1 });
  }
  return deepest;
}

/** The parsed tree's own check: the scan is an estimate, this is exact. */
export function assertTreeDepthWithin(root: Node, limit: number, fileName: string): void {
  if (measureTreeDepth(root, limit) > limit) throw tooDeep(fileName, limit);
}
