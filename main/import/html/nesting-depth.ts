/// <reference lib="dom" />
import { ApiError } from '../../../shared/api/errors';
import { isQuirksMode } from './document-mode';
import { DepthTracker } from './depth-tracker';
import {
  BUTTON_SCOPE,
  CLOSES_P,
  DEFAULT_SCOPE,
  DOCUMENT_ELEMENTS,
  FOREIGN_BREAKOUT,
  FORMATTING_ELEMENTS,
  HEADINGS,
  IMPLIED_END_TAGS,
  LIST_ITEM_STOP,
  LIST_SCOPE,
  RAW_TEXT_ELEMENTS,
  RUBY_PARTS,
  SCOPED_END_TAGS,
  TABLE_ONLY_TAGS,
  TABLE_SCOPE,
  TABLE_SECTIONS,
  VOID_ELEMENTS,
} from './html-elements';
import { commentEnd, isAsciiAlpha, readTag, skipRawText } from './html-tokens';

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

/**
 * The tree builder's "in select" mode: options and groups nest, a second
 * <select> or an <input> ends the select, table parts end it inside a table,
 * and everything else is ignored. Returns true when the tag was dealt with.
 */
function selectStartTag(tracker: DepthTracker, name: string, select: number): boolean {
  const closeOpenOption = (): void => {
    if (tracker.top() === 'option') tracker.popTo(tracker.indexInScope('option', DEFAULT_SCOPE));
  };
  switch (name) {
    case 'option':
      closeOpenOption();
      tracker.open(name, '', false);
      return true;
    case 'optgroup':
    case 'hr':
      closeOpenOption();
      if (tracker.top() === 'optgroup') tracker.popTo(tracker.indexInScope('optgroup', DEFAULT_SCOPE));
      if (name === 'hr') tracker.leaf();
      else tracker.open(name, '', false);
      return true;
    case 'select':
      tracker.popTo(select);
      return true;
    case 'input':
    case 'keygen':
    case 'textarea':
      tracker.popTo(select);
      return false;
    case 'script':
    case 'template':
      return false;
    default:
      if (TABLE_ONLY_TAGS.has(name) || name === 'table') {
        if (!tracker.has('table')) return true;
        tracker.popTo(select);
        return false;
      }
      return true;
  }
}

function startTag(tracker: DepthTracker, name: string, rawTag: string, selfClosing: boolean): void {
  const select = tracker.selectIndex();
  if (select !== -1 && selectStartTag(tracker, name, select)) return;
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
  // (Directly in a <template> they are allowed: it may hold a row.)
  if (TABLE_ONLY_TAGS.has(name) && !tracker.has('table') && tracker.top() !== 'template') return;
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
  } else if (RUBY_PARTS.has(name) && tracker.indexInScope('ruby', DEFAULT_SCOPE) !== -1) {
    // A ruby part ends the open list items, options, paragraphs and ruby parts above it.
    for (let top = tracker.top(); top !== undefined && IMPLIED_END_TAGS.has(top) && !(top === 'rtc' && (name === 'rt' || name === 'rp')); top = tracker.top()) {
      tracker.popTo(tracker.indexInScope(top, new Set()));
    }
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
  const select = tracker.selectIndex();
  if (select !== -1) {
    // In a <select> the tree builder ignores end tags other than these.
    if (name === 'select') tracker.popTo(select);
    else if ((name === 'option' || name === 'optgroup') && tracker.top() === name) tracker.popTo(tracker.indexInScope(name, DEFAULT_SCOPE));
    else if (name === 'optgroup' && tracker.top() === 'option') tracker.anyOtherEndTag('optgroup');
    return;
  }
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
      // Only an element that was really opened makes raw text: in a <select> most are ignored, and their content is markup.
      if (RAW_TEXT_ELEMENTS.has(tag.name) && tracker.top() === tag.name) {
        index = skipRawText(html, index, tag.name);
        tracker.popTo(tracker.indexInScope(tag.name, new Set()));
      }
    } else {
      index = open + 1;
    }
  }
  return tracker.maxDepth;
}

export function tooDeep(fileName: string, limit: number): ApiError {
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
