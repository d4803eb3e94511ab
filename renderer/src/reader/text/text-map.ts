import type { TextOrigin } from '../../../../shared/text/canonical-text';

const SHOW_TEXT = 4;

export type Edge = 'start' | 'end';

export interface DomPoint {
  node: Node;
  offset: number;
}

/**
 * Maps between offsets of the canonical text and points in the DOM that
 * shows it, from the runs the canonical-text walk recorded. Characters the
 * walk dropped (collapsed whitespace) and the ones it made up (block
 * separators) have no DOM point: a range edge there moves to the nearest
 * character inside the range, so a selection never grows.
 */
export class TextMap {
  readonly #root: Node;
  readonly #runs: readonly TextOrigin[];
  readonly #runsByNode = new Map<Node, TextOrigin[]>();

  constructor(root: Node, runs: readonly TextOrigin[]) {
    this.#root = root;
    this.#runs = runs;
    for (const run of runs) {
      const list = this.#runsByNode.get(run.node);
      if (list) list.push(run);
      else this.#runsByNode.set(run.node, [run]);
    }
  }

  /**
   * The canonical offset of a DOM boundary point, or undefined when it is
   * outside the mapped text. A point in dropped whitespace gives the offset of
   * the next shown character; callers trim the whitespace a range ends up with.
   */
  offsetOf(node: Node, offset: number, edge: Edge): number | undefined {
    if (!this.#root.contains(node)) return undefined;
    const runs = this.#runsByNode.get(node);
    if (runs) {
      for (const run of runs) {
        if (offset < run.offset) return run.start;
        if (offset <= run.offset + run.length) return run.start + (offset - run.offset);
      }
      const last = runs[runs.length - 1] as TextOrigin;
      return last.start + last.length;
    }
    const mapped = this.#mappedTextFrom(node, offset, edge === 'start');
    const runsOfMapped = mapped && this.#runsByNode.get(mapped);
    if (!runsOfMapped) return undefined;
    if (edge === 'start') return (runsOfMapped[0] as TextOrigin).start;
    const last = runsOfMapped[runsOfMapped.length - 1] as TextOrigin;
    return last.start + last.length;
  }

  /** The DOM point of a canonical offset; in a gap, the next character's start or the previous one's end. */
  pointAt(offset: number, edge: Edge): DomPoint | undefined {
    const index = this.#runIndexAt(offset);
    const run = this.#runs[index];
    if (!run) return undefined;
    const inside = offset >= run.start && offset <= run.start + run.length;
    // A range edge on a run's boundary takes the side inside the range, so a range over only a separator is empty.
    const next = this.#runs[index + 1];
    if (inside && edge === 'start' && offset === run.start + run.length && next) return { node: next.node, offset: next.offset };
    const previous = this.#runs[index - 1];
    if (inside && edge === 'end' && offset === run.start && previous) return { node: previous.node, offset: previous.offset + previous.length };
    if (inside) return { node: run.node, offset: run.offset + (offset - run.start) };
    const before = offset > run.start;
    if (edge === 'start') {
      const following = before ? next : run;
      return following ? { node: following.node, offset: following.offset } : undefined;
    }
    return before ? { node: run.node, offset: run.offset + run.length } : undefined;
  }

  /** A DOM range over [start, end), or undefined when nothing shown lies in it. */
  range(start: number, end: number): Range | undefined {
    const from = this.pointAt(start, 'start');
    const to = this.pointAt(end, 'end');
    if (!from || !to) return undefined;
    const range = this.#root.ownerDocument?.createRange();
    if (!range) return undefined;
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range.collapsed ? undefined : range;
  }

  /** Binary search: the last run starting at or before `offset` (0 when none does). */
  #runIndexAt(offset: number): number {
    let low = 0;
    let high = this.#runs.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.#runs[middle] as TextOrigin).start <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** The first mapped text node at or after a boundary point (forward), or the last one before it. */
  #mappedTextFrom(node: Node, offset: number, forward: boolean): Node | undefined {
    const document = this.#root.ownerDocument;
    if (!document) return undefined;
    const walker = document.createTreeWalker(this.#root, SHOW_TEXT);
    const isText = node.nodeType === 3;
    const child = isText ? undefined : node.childNodes[forward ? offset : offset - 1];
    let candidate: Node | null;
    if (forward) {
      // The node just after the point, then onwards in document order.
      const anchor = isText ? node : (child ?? node);
      walker.currentNode = anchor;
      if (!isText && child && child.nodeType === 3 && this.#runsByNode.has(child)) return child;
      candidate = isText || !child ? nextOutside(walker, anchor, this.#root) : walker.nextNode();
      while (candidate && !this.#runsByNode.has(candidate)) candidate = walker.nextNode();
    } else {
      // The node just before the point (the last text inside it), then backwards.
      const anchor = isText ? node : child ? lastDescendant(child) : node;
      walker.currentNode = anchor;
      candidate = !isText && child && anchor.nodeType === 3 ? anchor : walker.previousNode();
      while (candidate && !this.#runsByNode.has(candidate)) candidate = walker.previousNode();
    }
    return candidate ?? undefined;
  }
}

function lastDescendant(node: Node): Node {
  let last = node;
  while (last.lastChild) last = last.lastChild;
  return last;
}

/** The first text node after `node` and everything inside it. */
function nextOutside(walker: TreeWalker, node: Node, root: Node): Node | null {
  walker.currentNode = lastDescendant(node);
  const next = walker.nextNode();
  return next && root.contains(next) ? next : null;
}
