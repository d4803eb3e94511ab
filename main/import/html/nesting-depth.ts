import { defaultTreeAdapter, parse, type DefaultTreeAdapterMap, type DefaultTreeAdapterTypes, type TreeAdapter } from 'parse5';
import { ApiError } from '../../../shared/api/errors';

type ParentNode = DefaultTreeAdapterTypes.ParentNode;
type ChildNode = DefaultTreeAdapterTypes.ChildNode;

/**
 * Nesting limits for HTML. jsdom's parser slows down quadratically with
 * depth (100,000 nested elements, a few hundred kilobytes, take minutes) and
 * anything recursive downstream would overflow the stack, so the depth is
 * measured *before* the page reaches jsdom, by parse5, the tree builder jsdom
 * itself uses, on a bare tree that records each element's depth as it is
 * inserted and stops the parse as soon as one passes the limit. The depth is
 * therefore the real one, and the cost linear up to the limit.
 */

/** Thrown from inside the tree adapter to end the parse early. */
class PastLimit extends Error {}

/** <html> is at depth 1 and <head>/<body> at 2; the depth reported counts from their children. */
const ROOTS = 2;

function depthAdapter(limit: number): { adapter: TreeAdapter<DefaultTreeAdapterMap>; deepest: () => number } {
  // A Map, not a WeakMap: it lives only as long as the parse, and a WeakMap's
  // bookkeeping for hundreds of thousands of keys doubled the parse's time.
  const depths = new Map<ParentNode, number>();
  let deepest = 0;
  const depthOf = (node: ParentNode): number => depths.get(node) ?? 0;

  const record = (node: ParentNode, depth: number): void => {
    depths.set(node, depth);
    deepest = Math.max(deepest, depth - ROOTS);
    if (deepest > limit) throw new PastLimit();
  };

  // Elements with children are inserted only when the adoption agency moves
  // them, and then everything under them changes depth. (A template's
  // content sits one level under the template, as sanitisers walk it.)
  const place = (parent: ParentNode, node: ChildNode): void => {
    if (!('childNodes' in node)) return;
    const pending: Array<{ element: ParentNode; depth: number }> = [{ element: node, depth: depthOf(parent) + 1 }];
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      const { element, depth } = next;
      record(element, depth);
      for (const child of element.childNodes) {
        if ('childNodes' in child) pending.push({ element: child, depth: depth + 1 });
      }
      if ('content' in element) {
        depths.set(element.content, depth);
        for (const child of element.content.childNodes) {
          if ('childNodes' in child) pending.push({ element: child, depth: depth + 1 });
        }
      }
    }
  };

  const adapter: TreeAdapter<DefaultTreeAdapterMap> = {
    ...defaultTreeAdapter,
    appendChild(parent, node) {
      defaultTreeAdapter.appendChild(parent, node);
      place(parent, node);
    },
    insertBefore(parent, node, reference) {
      defaultTreeAdapter.insertBefore(parent, node, reference);
      place(parent, node);
    },
    setTemplateContent(template, content) {
      defaultTreeAdapter.setTemplateContent(template, content);
      depths.set(content, depthOf(template));
    },
    // The tree builder never reads text back, so none is kept.
    insertText: () => undefined,
    insertTextBefore: () => undefined,
  };
  return { adapter, deepest: () => deepest };
}

/**
 * The deepest element nesting `html` parses to, as jsdom would parse it,
 * counting from the children of <head> and <body>. Past `limit` the parse
 * stops and the depth reached so far (at least limit + 1) is returned.
 */
export function measureHtmlDepth(html: string, limit = Number.POSITIVE_INFINITY): number {
  const { adapter, deepest } = depthAdapter(limit);
  try {
    // Without scripting, like jsdom here: <noscript> content is markup.
    parse(html, { treeAdapter: adapter, scriptingEnabled: false });
  } catch (error) {
    if (!(error instanceof PastLimit)) throw error;
  }
  return deepest();
}

export function tooDeep(fileName: string, limit: number): ApiError {
  return new ApiError('FILE_TOO_LARGE', `${fileName} nests its elements more than ${limit} deep, which Fieldbook does not import.`);
}

/** Refuses HTML whose elements nest deeper than `limit`, before anything else parses it; returns the depth. */
export function assertNestingWithin(html: string, limit: number, fileName: string): number {
  const depth = measureHtmlDepth(html, limit);
  if (depth > limit) throw tooDeep(fileName, limit);
  return depth;
}
