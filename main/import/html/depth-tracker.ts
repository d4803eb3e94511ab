import {
  DEFAULT_SCOPE,
  MARKER_ELEMENTS,
  MATHML_INTEGRATION_POINTS,
  SCOPES_WITH_FOREIGN_BOUNDARIES,
  SPECIAL,
  SVG_INTEGRATION_POINTS,
} from './html-elements';

/**
 * A model of the tree builder's two stacks, the open elements and the active
 * formatting elements, kept just well enough to know how deep the tree gets.
 */

/** The browser keeps at most three identical formatting elements in its list (the "Noah's Ark" clause). */
const MAX_IDENTICAL_FORMATTING = 3;

/** An entry in the browser's list of active formatting elements. */
export interface FormattingEntry {
  name: string;
  /** Name and attributes, for the Noah's Ark comparison. */
  key: string;
  onStack: boolean;
}

export interface OpenElement {
  /** Lower-case tag name. */
  name: string;
  namespace: 'html' | 'svg' | 'math';
  /** An SVG or MathML element whose content is parsed as HTML. */
  integrationPoint: boolean;
  entry?: FormattingEntry;
}

/** SVG and MathML elements that are "special" and bound every scope but the table's (the integration points, and annotation-xml). */
const SVG_SPECIAL = SVG_INTEGRATION_POINTS;
const MATHML_SPECIAL = new Set([...MATHML_INTEGRATION_POINTS, 'annotation-xml']);

function isForeignSpecial(element: OpenElement): boolean {
  return element.namespace === 'svg' ? SVG_SPECIAL.has(element.name) : element.namespace === 'math' && MATHML_SPECIAL.has(element.name);
}

const isSpecial = (element: OpenElement): boolean => (element.namespace === 'html' ? SPECIAL.has(element.name) : isForeignSpecial(element));

/** Inside SVG/MathML that is not an integration point: tags there are foreign. */
const isForeignContext = (element: OpenElement | undefined): boolean => element !== undefined && element.namespace !== 'html' && !element.integrationPoint;

const MARKER = 'marker' as const;

export class DepthTracker {
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
      } else if (foreignBounds && isForeignSpecial(element)) {
        return -1;
      }
    }
    return -1;
  }

  /** Index of the <select> the current node is in (directly or in an option or group), or -1. */
  selectIndex(): number {
    for (let index = this.stack.length - 1; index >= 0; index -= 1) {
      const element = this.stack[index];
      if (element === undefined || element.namespace !== 'html') return -1;
      if (element.name === 'select') return index;
      if (element.name !== 'option' && element.name !== 'optgroup') return -1;
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
