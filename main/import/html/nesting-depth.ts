/// <reference lib="dom" />
import { ApiError } from '../../../shared/api/errors';

/**
 * Nesting limits for HTML. jsdom's parser slows down quadratically with
 * depth (100,000 nested elements, a few hundred kilobytes, take minutes) and
 * anything recursive downstream would overflow the stack, so the depth is
 * estimated by a linear scan of the tags *before* the page is parsed, and
 * measured exactly (without recursion) after.
 *
 * The scan follows the parts of the HTML tokenizer and tree builder that
 * decide depth, and where it simplifies, it errs towards a deeper estimate:
 * an end tag closes only what a browser would close; elements a browser
 * implies (tbody, tr, colgroup) are counted; formatting elements (b, i, a…)
 * that a browser re-opens inside later blocks stay counted until their own
 * end tag; and the adoption agency's re-nesting (`<a><div><a><div>…`) is
 * counted as nesting.
 */

const VOID_ELEMENTS = new Set([
  'area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'keygen', 'link', 'meta',
  'param', 'source', 'track', 'wbr',
]);

/** Their content is text up to the matching end tag (jsdom parses with scripting off, so noscript is not one). */
const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'textarea', 'title']);

const FORMATTING_ELEMENTS = new Set(['a', 'b', 'big', 'code', 'em', 'font', 'i', 'nobr', 's', 'small', 'strike', 'strong', 'tt', 'u']);

/** Elements whose end closes the formatting elements opened inside them ("markers"). */
const MARKER_ELEMENTS = new Set(['applet', 'caption', 'marquee', 'object', 'td', 'th', 'template']);

/** The root elements every document has; the limit counts what is inside them. */
const DOCUMENT_ELEMENTS = new Set(['html', 'head', 'body']);

/** Start tags that close an open <p> (the tree builder's "close a p element in button scope"); <table> too, outside quirks mode. */
const CLOSES_P = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'search',
  'section', 'summary', 'ul', 'li', 'dd', 'dt', 'listing', 'xmp', 'plaintext',
]);

/** The tree builder's "special" elements, which stop the search an end tag or a new <li> makes. */
const SPECIAL = new Set([
  'address', 'applet', 'area', 'article', 'aside', 'base', 'basefont', 'bgsound', 'blockquote', 'body', 'br', 'button', 'caption',
  'center', 'col', 'colgroup', 'dd', 'details', 'dir', 'div', 'dl', 'dt', 'embed', 'fieldset', 'figcaption', 'figure', 'footer', 'form',
  'frame', 'frameset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hgroup', 'hr', 'html', 'iframe', 'img', 'input', 'keygen',
  'li', 'link', 'listing', 'main', 'marquee', 'menu', 'meta', 'nav', 'noembed', 'noframes', 'noscript', 'object', 'ol', 'p', 'param',
  'plaintext', 'pre', 'script', 'search', 'section', 'select', 'source', 'style', 'summary', 'table', 'tbody', 'td', 'template',
  'textarea', 'tfoot', 'th', 'thead', 'title', 'tr', 'track', 'ul', 'wbr', 'xmp',
]);

/** End tags that close their element only when it is "in scope". */
const SCOPED_END_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'button', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'fieldset', 'figcaption',
  'figure', 'footer', 'header', 'hgroup', 'listing', 'main', 'menu', 'nav', 'ol', 'pre', 'search', 'section', 'summary', 'ul', 'dd',
  'dt', 'li', 'applet', 'marquee', 'object', 'select', 'table', 'caption', 'colgroup', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th',
  'template',
]);

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const TABLE_SECTIONS = new Set(['thead', 'tbody', 'tfoot']);

/** Scope boundaries (the tree builder's "has an element in scope"). */
const DEFAULT_SCOPE = new Set(['applet', 'caption', 'html', 'table', 'td', 'th', 'marquee', 'object', 'template']);
const BUTTON_SCOPE = new Set([...DEFAULT_SCOPE, 'button']);
const LIST_SCOPE = new Set([...DEFAULT_SCOPE, 'ol', 'ul']);
const TABLE_SCOPE = new Set(['html', 'table', 'template']);
/** A new <li>/<dd>/<dt> closes the open one unless a special element other than these lies between (another list item included). */
const LIST_ITEM_STOP = new Set([...SPECIAL].filter((name) => !['address', 'div', 'p'].includes(name)));
/** The scopes that SVG/MathML integration points also bound (all but the table scope). */
const SCOPES_WITH_FOREIGN_BOUNDARIES = new Set<ReadonlySet<string>>([DEFAULT_SCOPE, BUTTON_SCOPE, LIST_SCOPE, LIST_ITEM_STOP]);
/** Table parts a browser ignores outside a table. */
const TABLE_ONLY_TAGS = new Set(['caption', 'col', 'colgroup', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr']);

/** Where SVG and MathML content is HTML again (annotation-xml only with an HTML encoding, decided per tag). */
const SVG_INTEGRATION_POINTS = new Set(['foreignobject', 'desc', 'title']);
const MATHML_INTEGRATION_POINTS = new Set(['mi', 'mo', 'mn', 'ms', 'mtext']);
/** HTML start tags that end SVG/MathML content ("breakout" tags). */
const FOREIGN_BREAKOUT = new Set([
  'b', 'big', 'blockquote', 'body', 'br', 'center', 'code', 'dd', 'div', 'dl', 'dt', 'em', 'embed', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'head', 'hr', 'i', 'img', 'li', 'listing', 'menu', 'meta', 'nobr', 'ol', 'p', 'pre', 'ruby', 's', 'small', 'span', 'strong', 'strike',
  'sub', 'sup', 'table', 'tt', 'u', 'ul', 'var',
]);

/** The browser keeps at most three identical formatting elements in its list (the "Noah's Ark" clause). */
const MAX_IDENTICAL_FORMATTING = 3;

/** An entry in the browser's list of active formatting elements. */
interface FormattingEntry {
  name: string;
  /** Name and attributes, for the Noah's Ark comparison. */
  key: string;
  onStack: boolean;
}

interface OpenElement {
  /** Lower-case tag name. */
  name: string;
  namespace: 'html' | 'svg' | 'math';
  /** An SVG or MathML element whose content is parsed as HTML. */
  integrationPoint: boolean;
  entry?: FormattingEntry;
}

/** SVG and MathML elements that are "special" and bound every scope but the table's: the integration points. */
const FOREIGN_SPECIAL = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);

const isSpecial = (element: OpenElement): boolean => (element.namespace === 'html' ? SPECIAL.has(element.name) : FOREIGN_SPECIAL.has(element.name));

/** Inside SVG/MathML that is not an integration point: tags there are foreign. */
const isForeignContext = (element: OpenElement | undefined): boolean => element !== undefined && element.namespace !== 'html' && !element.integrationPoint;

const MARKER = 'marker' as const;

class DepthTracker {
  /** In quirks mode (no or an old doctype) a <table> nests inside an open <p>; otherwise it closes it. */
  constructor(readonly quirks: boolean) {}

  private readonly stack: OpenElement[] = [];
  private readonly counts = new Map<string, number>();
  /** The list of active formatting elements, with markers. */
  private readonly formatting: Array<FormattingEntry | typeof MARKER> = [];
  /** Formatting elements in the list but not on the stack: the browser re-opens them, so they count. */
  private floating = 0;
  maxDepth = 0;

  private depth(): number {
    return this.stack.length + this.floating;
  }

  private note(extra = 0): void {
    this.maxDepth = Math.max(this.maxDepth, this.depth() + extra);
  }

  /** True when the current node is SVG or MathML (outside an integration point): tags there are foreign. */
  get inForeignContent(): boolean {
    return isForeignContext(this.stack[this.stack.length - 1]);
  }

  has(name: string): boolean {
    return (this.counts.get(name) ?? 0) > 0;
  }

  top(): string | undefined {
    return this.stack[this.stack.length - 1]?.name;
  }

  /** Index of the nearest open element among `names`, searching down only until a `boundary`; -1 if none. */
  indexInScope(names: ReadonlySet<string> | string, boundaries: ReadonlySet<string>): number {
    const foreignBounds = SCOPES_WITH_FOREIGN_BOUNDARIES.has(boundaries);
    for (let index = this.stack.length - 1; index >= 0; index -= 1) {
      const element = this.stack[index];
      if (element === undefined) return -1;
      if (element.namespace === 'html') {
        if (typeof names === 'string' ? element.name === names : names.has(element.name)) return index;
        if (boundaries.has(element.name)) return -1;
      } else if (foreignBounds && FOREIGN_SPECIAL.has(element.name)) {
        return -1;
      }
    }
    return -1;
  }

  /** Index of the nearest SVG/MathML element named `name` above the nearest HTML element; -1 if none. */
  indexOfForeign(name: string): number {
    for (let index = this.stack.length - 1; index >= 0; index -= 1) {
      const element = this.stack[index];
      if (element === undefined || element.namespace === 'html') return -1;
      if (element.name === name) return index;
    }
    return -1;
  }

  open(name: string, rawTag: string, isFormatting: boolean): void {
    const parent = this.stack[this.stack.length - 1];
    let namespace: OpenElement['namespace'] = 'html';
    if (name === 'svg' && !isForeignContext(parent)) namespace = 'svg';
    else if (name === 'math' && !isForeignContext(parent)) namespace = 'math';
    else if (isForeignContext(parent) && parent !== undefined) namespace = parent.namespace;
    const integrationPoint =
      (namespace === 'svg' && SVG_INTEGRATION_POINTS.has(name)) ||
      (namespace === 'math' && (MATHML_INTEGRATION_POINTS.has(name) || (name === 'annotation-xml' && /encoding\s*=\s*["']?\s*(?:text\/html|application\/xhtml\+xml)/i.test(rawTag))));
    const foreign = namespace !== 'html';
    const key = rawTag.toLowerCase();
    const element: OpenElement = { name, namespace, integrationPoint };
    if (isFormatting && !foreign) {
      this.applyNoahsArk(key);
      const entry: FormattingEntry = { name, key, onStack: true };
      this.formatting.push(entry);
      element.entry = entry;
    }
    if (MARKER_ELEMENTS.has(name) && !foreign) this.formatting.push(MARKER);
    this.stack.push(element);
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    this.note();
  }

  leaf(): void {
    this.note(1);
  }

  /** Pops the stack down to (and including) index `target`. */
  popTo(target: number): void {
    if (target < 0) return;
    while (this.stack.length > target) {
      const element = this.stack.pop() as OpenElement;
      this.counts.set(element.name, (this.counts.get(element.name) ?? 1) - 1);
      if (element.entry !== undefined && this.formatting.includes(element.entry)) {
        element.entry.onStack = false;
        this.floating += 1;
      }
      if (MARKER_ELEMENTS.has(element.name) && element.namespace === 'html') this.clearToMarker();
    }
  }

  /** Removes one element from the middle of the stack, as `</form>` does: what is inside stays where it is. */
  removeAt(index: number): void {
    const element = this.stack[index];
    if (element === undefined) return;
    if (index === this.stack.length - 1) {
      this.popTo(index);
      return;
    }
    // Off the stack but still the parent of what is open inside it, so it
    // still counts: renamed, so no later end tag or scope check finds it.
    this.counts.set(element.name, (this.counts.get(element.name) ?? 1) - 1);
    element.name = '#closed-form';
  }

  popForeign(): void {
    let index = this.stack.length;
    while (index > 0 && this.inForeignAt(index - 1)) index -= 1;
    this.popTo(index);
  }

  private inForeignAt(index: number): boolean {
    return isForeignContext(this.stack[index]);
  }

  private clearToMarker(): void {
    for (let entry = this.formatting.pop(); entry !== undefined && entry !== MARKER; entry = this.formatting.pop()) {
      if (!entry.onStack) this.floating -= 1;
    }
  }

  private removeEntry(entry: FormattingEntry): void {
    const index = this.formatting.indexOf(entry);
    if (index === -1) return;
    this.formatting.splice(index, 1);
    if (!entry.onStack) this.floating -= 1;
  }

  private applyNoahsArk(key: string): void {
    const identical: FormattingEntry[] = [];
    for (let index = this.formatting.length - 1; index >= 0; index -= 1) {
      const entry = this.formatting[index];
      if (entry === MARKER || entry === undefined) break;
      if (entry.key === key) identical.push(entry);
    }
    const earliest = identical[identical.length - 1];
    if (identical.length >= MAX_IDENTICAL_FORMATTING && earliest !== undefined) this.removeEntry(earliest);
  }

  /**
   * The browser re-opens floating formatting elements (clones of them) at
   * the current node before text and most start tags. Modelled, because once
   * re-opened they nest like any element and a later Noah's Ark removal no
   * longer takes them off the page.
   */
  reconstruct(): void {
    if (this.floating === 0) return;
    let first = this.formatting.length;
    while (first > 0) {
      const entry = this.formatting[first - 1];
      if (entry === MARKER || entry === undefined || entry.onStack) break;
      first -= 1;
    }
    for (let index = first; index < this.formatting.length; index += 1) {
      const entry = this.formatting[index];
      if (entry === MARKER || entry === undefined || entry.onStack) continue;
      entry.onStack = true;
      this.floating -= 1;
      this.stack.push({ name: entry.name, namespace: 'html', integrationPoint: false, entry });
      this.counts.set(entry.name, (this.counts.get(entry.name) ?? 0) + 1);
    }
    this.note();
  }

  /** The last entry for `name` after the last marker. */
  private activeEntry(name: string): FormattingEntry | undefined {
    for (let index = this.formatting.length - 1; index >= 0; index -= 1) {
      const entry = this.formatting[index];
      if (entry === MARKER || entry === undefined) return undefined;
      if (entry.name === name) return entry;
    }
    return undefined;
  }

  /**
   * The adoption agency, for `</b>` (and a new `<a>` or `<nobr>` while one is
   * open). With a special element inside the formatting element it re-nests
   * rather than closes, so nothing is taken off the estimate then.
   */
  adoptionAgency(name: string, forStartTag = false): void {
    const entry = this.activeEntry(name);
    if (entry === undefined) {
      if (!forStartTag) this.anyOtherEndTag(name);
      return;
    }
    if (!entry.onStack) {
      this.removeEntry(entry);
      return;
    }
    const index = this.stack.findIndex((element) => element.entry === entry);
    if (index === -1 || this.indexInScope(name, DEFAULT_SCOPE) !== index) return;
    if (this.stack.slice(index + 1).some(isSpecial)) return;
    this.popTo(index);
    this.removeEntry(entry);
  }

  /** An end tag with no rule of its own closes the nearest match, unless a special element comes first. */
  anyOtherEndTag(name: string): void {
    for (let index = this.stack.length - 1; index >= 0; index -= 1) {
      const element = this.stack[index];
      if (element === undefined) return;
      if (element.name === name && element.namespace === 'html') {
        this.popTo(index);
        return;
      }
      if (isSpecial(element)) return;
    }
  }
}

const P_ONLY = new Set(['p']);
const LI_ONLY = new Set(['li']);
const DD_DT = new Set(['dd', 'dt']);
const CELLS = new Set(['td', 'th']);
const ROW_PARTS = new Set(['td', 'th', 'tr']);
const TABLE_PARTS = new Set(['td', 'th', 'tr', 'thead', 'tbody', 'tfoot', 'caption', 'colgroup']);

/** A new row closes the open cell and row; a new section closes those and the open section. */
function closeInTable(tracker: DepthTracker, parts: ReadonlySet<string>): void {
  for (let index = tracker.indexInScope(parts, TABLE_SCOPE); index !== -1; index = tracker.indexInScope(parts, TABLE_SCOPE)) {
    tracker.popTo(index);
  }
}

function closeP(tracker: DepthTracker): void {
  if (!tracker.has('p')) return;
  const index = tracker.indexInScope(P_ONLY, BUTTON_SCOPE);
  if (index !== -1) tracker.popTo(index);
}

/** Start tags before which a browser does not re-open floating formatting elements. */
const NO_RECONSTRUCT = new Set([
  ...CLOSES_P, 'form', 'table', 'hr', 'param', 'source', 'track', 'textarea', 'iframe', 'noembed', 'noframes', 'frameset', 'rb',
  'rtc', 'rp', 'rt', 'caption', 'col', 'colgroup', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'template', 'script', 'style',
  'base', 'basefont', 'bgsound', 'link', 'meta', 'title', 'frame', 'head', 'html', 'body',
]);
const TABLE_CONTEXT = new Set(['table', 'tbody', 'thead', 'tfoot', 'tr']);

function text(tracker: DepthTracker, characters: string): void {
  if (tracker.inForeignContent) return;
  // Whitespace directly in a table is kept in place; anything else is text the formatting applies to.
  if (/^[\t\n\f\r ]*$/.test(characters) && TABLE_CONTEXT.has(tracker.top() ?? '')) return;
  tracker.reconstruct();
}

function startTag(tracker: DepthTracker, name: string, rawTag: string, selfClosing: boolean): void {
  if (tracker.inForeignContent) {
    const breaksOut = FOREIGN_BREAKOUT.has(name) || (name === 'font' && /\s(?:color|face|size)\s*=/i.test(rawTag));
    if (!breaksOut) {
      // "/>" closes an element only in SVG and MathML; in HTML <div/> stays open.
      if (selfClosing) tracker.leaf();
      else tracker.open(name, rawTag, false);
      return;
    }
    tracker.popForeign();
  }
  if (TABLE_ONLY_TAGS.has(name) && !tracker.has('table') && !tracker.has('template')) return;
  if ((name === 'svg' || name === 'math') && selfClosing) {
    tracker.reconstruct();
    tracker.leaf();
    return;
  }
  if (CLOSES_P.has(name) || (name === 'table' && !tracker.quirks)) closeP(tracker);
  if (name === 'li' && tracker.has('li')) {
    const index = tracker.indexInScope(LI_ONLY, LIST_ITEM_STOP);
    if (index !== -1) tracker.popTo(index);
  } else if ((name === 'dd' || name === 'dt') && (tracker.has('dd') || tracker.has('dt'))) {
    const index = tracker.indexInScope(DD_DT, LIST_ITEM_STOP);
    if (index !== -1) tracker.popTo(index);
  } else if (HEADINGS.has(name)) {
    const top = tracker.top();
    if (top !== undefined && HEADINGS.has(top)) tracker.popTo(tracker.indexInScope(top, DEFAULT_SCOPE));
  } else if (name === 'a' || name === 'nobr') {
    tracker.adoptionAgency(name, true);
  } else if (name === 'button' && tracker.has('button')) {
    const index = tracker.indexInScope('button', DEFAULT_SCOPE);
    if (index !== -1) tracker.popTo(index);
  } else if ((name === 'option' || name === 'optgroup') && tracker.top() === 'option') {
    tracker.popTo(tracker.indexInScope('option', DEFAULT_SCOPE));
  } else if (tracker.has('table')) {
    if (name === 'td' || name === 'th') {
      const index = tracker.indexInScope(CELLS, TABLE_SCOPE);
      if (index !== -1) tracker.popTo(index);
      // <table><td> gets the <tbody> and <tr> a browser implies.
      if (tracker.top() === 'table') tracker.open('tbody', '', false);
      if (TABLE_SECTIONS.has(tracker.top() ?? '')) tracker.open('tr', '', false);
    } else if (name === 'tr') {
      closeInTable(tracker, ROW_PARTS);
      if (tracker.top() === 'table') tracker.open('tbody', '', false);
    } else if (TABLE_SECTIONS.has(name) || name === 'caption' || name === 'colgroup') {
      closeInTable(tracker, TABLE_PARTS);
    } else if (name === 'col' && tracker.top() === 'table') {
      tracker.open('colgroup', '', false);
    }
  }
  if (!NO_RECONSTRUCT.has(name)) tracker.reconstruct();
  if (VOID_ELEMENTS.has(name)) {
    tracker.leaf();
    return;
  }
  tracker.open(name, rawTag, FORMATTING_ELEMENTS.has(name));
}

function endTag(tracker: DepthTracker, name: string): void {
  // In a <select> the tree builder ignores end tags other than these.
  if (tracker.has('select') && !tracker.inForeignContent && !['select', 'option', 'optgroup', 'template'].includes(name)) return;
  // </br> and </p> end SVG/MathML content, like the HTML start tags that break out of it.
  if (tracker.inForeignContent && (name === 'br' || name === 'p')) tracker.popForeign();
  if (tracker.inForeignContent) {
    // In SVG/MathML an end tag closes the nearest foreign element of that name.
    const index = tracker.indexOfForeign(name);
    if (index !== -1) {
      tracker.popTo(index);
      return;
    }
  }
  if (FORMATTING_ELEMENTS.has(name)) {
    tracker.adoptionAgency(name);
  } else if (name === 'p') {
    const index = tracker.indexInScope(P_ONLY, BUTTON_SCOPE);
    // A stray </p> makes an empty <p>.
    if (index === -1) tracker.leaf();
    else tracker.popTo(index);
  } else if (name === 'br') {
    tracker.leaf();
  } else if (name === 'form') {
    const index = tracker.indexInScope('form', DEFAULT_SCOPE);
    if (index !== -1) tracker.removeAt(index);
  } else if (HEADINGS.has(name)) {
    const index = tracker.indexInScope(HEADINGS, DEFAULT_SCOPE);
    if (index !== -1) tracker.popTo(index);
  } else if (SCOPED_END_TAGS.has(name)) {
    const scope = name === 'li' ? LIST_SCOPE : TABLE_PARTS.has(name) || name === 'table' ? TABLE_SCOPE : DEFAULT_SCOPE;
    const index = tracker.indexInScope(name, scope);
    if (index !== -1) tracker.popTo(index);
  } else if (!DOCUMENT_ELEMENTS.has(name)) {
    tracker.anyOtherEndTag(name);
  }
  // </html>, </head>, </body> outside SVG/MathML change the insertion mode, never the nesting.
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

/** Public identifiers that put a page in quirks mode (the HTML standard's list, by prefix). */
const QUIRKY_PUBLIC_ID_PREFIXES = [
  '+//silmaril//dtd html pro v0r11 19970101//', '-//as//dtd html 3.0 aswedit + extensions//', '-//advasoft ltd//dtd html 3.0 aswedit + extensions//',
  '-//ietf//dtd html 2.0 level 1//', '-//ietf//dtd html 2.0 level 2//', '-//ietf//dtd html 2.0 strict level 1//', '-//ietf//dtd html 2.0 strict level 2//',
  '-//ietf//dtd html 2.0 strict//', '-//ietf//dtd html 2.0//', '-//ietf//dtd html 2.1e//', '-//ietf//dtd html 3.0//', '-//ietf//dtd html 3.2 final//',
  '-//ietf//dtd html 3.2//', '-//ietf//dtd html 3//', '-//ietf//dtd html level 0//', '-//ietf//dtd html level 1//', '-//ietf//dtd html level 2//',
  '-//ietf//dtd html level 3//', '-//ietf//dtd html strict level 0//', '-//ietf//dtd html strict level 1//', '-//ietf//dtd html strict level 2//',
  '-//ietf//dtd html strict level 3//', '-//ietf//dtd html strict//', '-//ietf//dtd html//', '-//metrius//dtd metrius presentational//',
  '-//microsoft//dtd internet explorer 2.0 html strict//', '-//microsoft//dtd internet explorer 2.0 html//', '-//microsoft//dtd internet explorer 2.0 tables//',
  '-//microsoft//dtd internet explorer 3.0 html strict//', '-//microsoft//dtd internet explorer 3.0 html//', '-//microsoft//dtd internet explorer 3.0 tables//',
  '-//netscape comm. corp.//dtd html//', '-//netscape comm. corp.//dtd strict html//', "-//o'reilly and associates//dtd html 2.0//",
  "-//o'reilly and associates//dtd html extended 1.0//", "-//o'reilly and associates//dtd html extended relaxed 1.0//",
  '-//sq//dtd html 2.0 hotmetal + extensions//', '-//softquad software//dtd hotmetal pro 6.0::19990601::extensions to html 4.0//',
  '-//softquad//dtd hotmetal pro 4.0::19970916::extensions to html 4.0//', '-//spyglass//dtd html 2.0 extended//',
  '-//sun microsystems corp.//dtd hotjava html//', '-//sun microsystems corp.//dtd hotjava strict html//', '-//w3c//dtd html 3 1995-03-24//',
  '-//w3c//dtd html 3.2 draft//', '-//w3c//dtd html 3.2 final//', '-//w3c//dtd html 3.2//', '-//w3c//dtd html 3.2s draft//', '-//w3c//dtd html 4.0 frameset//',
  '-//w3c//dtd html 4.0 transitional//', '-//w3c//dtd html experimental 19960712//', '-//w3c//dtd html experimental 970421//', '-//w3c//dtd w3 html//',
  '-//w3o//dtd w3 html 3.0//', '-//webtechs//dtd mozilla html 2.0//', '-//webtechs//dtd mozilla html//',
];

/**
 * Whether the page parses in quirks mode, decided by its doctype as a
 * browser decides it: none, a name other than "html", or one of the old
 * public identifiers. (Only the table-in-paragraph rule depends on it here.)
 */
export function isQuirksMode(html: string): boolean {
  // Comments and whitespace may come before the doctype.
  let index = 0;
  for (;;) {
    while (index < html.length && /[\s\ufeff]/.test(html[index] ?? '')) index += 1;
    if (!html.startsWith('<!--', index)) break;
    index = commentEnd(html, index);
  }
  const doctype = /^<!doctype(?:\s+([^\s>]*))?([^>]*)>/i.exec(html.slice(index, index + 1024));
  if (doctype === null) return true;
  const name = (doctype[1] ?? '').toLowerCase();
  if (name !== 'html') return true;
  const rest = doctype[2] ?? '';
  const publicMatch = /public\s*(["'])(.*?)\1(?:\s*(["'])(.*?)\3)?/i.exec(rest);
  if (/system\s*(["'])http:\/\/www\.ibm\.com\/data\/dtd\/v11\/ibmxhtml1-transitional\.dtd\1/i.test(rest)) return true;
  if (publicMatch === null) return false;
  const publicId = (publicMatch[2] ?? '').toLowerCase();
  const hasSystemId = publicMatch[4] !== undefined;
  if (['-//w3o//dtd w3 html strict 3.0//en//', '-/w3c/dtd html 4.0 transitional/en', 'html'].includes(publicId)) return true;
  if (QUIRKY_PUBLIC_ID_PREFIXES.some((prefix) => publicId.startsWith(prefix))) return true;
  return !hasSystemId && (publicId.startsWith('-//w3c//dtd html 4.01 frameset//') || publicId.startsWith('-//w3c//dtd html 4.01 transitional//'));
}

/** Where a comment starting at `open` ("<!--") ends, as the tokenizer ends it. */
function commentEnd(html: string, open: number): number {
  // "<!-->" and "<!--->" are whole (empty) comments.
  if (html.startsWith('<!-->', open)) return open + 5;
  if (html.startsWith('<!--->', open)) return open + 6;
  const close = html.indexOf('-->', open + 4);
  const bang = html.indexOf('--!>', open + 4);
  if (close === -1 && bang === -1) return html.length;
  if (close === -1) return bang + 4;
  if (bang === -1) return close + 3;
  return Math.min(close + 3, bang + 4);
}

/**
 * An estimate of the deepest element nesting `html` parses to, stopping as
 * soon as it passes `limit` (so the cost is linear and bounded). Counts
 * elements inside <body>/<head>, not those roots themselves.
 */
export function estimateNestingDepth(html: string, limit = Number.POSITIVE_INFINITY): number {
  const tracker = new DepthTracker(isQuirksMode(html));
  let index = 0;
  let sawFrameset = false;
  while (index < html.length && tracker.maxDepth <= limit) {
    const open = html.indexOf('<', index);
    if (open !== index) text(tracker, html.slice(index, open === -1 ? html.length : Math.min(open, index + 64)));
    if (open === -1) break;
    const next = html.charCodeAt(open + 1);
    if (html.startsWith('<!--', open)) {
      index = commentEnd(html, open);
    } else if (next === 33 /* ! */ || next === 63 /* ? */ || (next === 47 /* / */ && !isAsciiAlpha(html.charCodeAt(open + 2)))) {
      // Doctype, CDATA, processing instruction, or "</" without a letter: up to ">".
      const close = html.indexOf('>', open + 2);
      index = close === -1 ? html.length : close + 1;
    } else if (next === 47 /* / */) {
      const tag = readTag(html, open + 2);
      index = tag.end;
      // After a <frameset> nothing is closed: it may have been ignored, and then so is its end tag.
      if (!sawFrameset) endTag(tracker, tag.name);
    } else if (isAsciiAlpha(next)) {
      const tag = readTag(html, open + 1);
      index = tag.end;
      const foreign = tracker.inForeignContent;
      // <html>, <head>, <body> in a page are merged into the real ones (inside SVG they are ordinary elements).
      if (DOCUMENT_ELEMENTS.has(tag.name) && !foreign) continue;
      // After a <frameset> the tree builder may ignore everything but frames, raw-text elements included:
      // scanning their content as tags can only overestimate.
      if (tag.name === 'frameset' && !foreign) sawFrameset = true;
      if (sawFrameset) {
        // Nothing there closes anything implicitly.
        if (VOID_ELEMENTS.has(tag.name)) tracker.leaf();
        else tracker.open(tag.name, '', false);
        continue;
      }
      startTag(tracker, tag.name, html.slice(open, tag.end), tag.selfClosing);
      if (tracker.inForeignContent || foreign) continue;
      // (<plaintext> makes the rest of the page text, but not everywhere; scanning on can only overestimate.)
      // In a <select> the tree builder ignores most raw-text elements, so their content is markup there.
      if (RAW_TEXT_ELEMENTS.has(tag.name) && (!tracker.has('select') || tag.name === 'script' || tag.name === 'textarea')) {
        index = skipRawText(html, index, tag.name);
        tracker.popTo(tracker.indexInScope(tag.name, new Set()));
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
