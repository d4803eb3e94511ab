import type { OutlineItem } from '../../../shared/model/document-structure';

/** A pdf.js outline node, as much of it as the outline needs. */
export interface RawOutlineNode {
  title: string;
  /** A named destination, an explicit one ([page ref or index, fit type, …]), or none (e.g. a link). */
  dest: string | readonly unknown[] | null;
  items: readonly RawOutlineNode[];
}

interface PageRef {
  num: number;
  gen: number;
}

/** The pdf.js document calls outline reading makes; a PDFDocumentProxy satisfies it. */
export interface OutlineSource {
  readonly numPages: number;
  getOutline(): Promise<RawOutlineNode[] | null>;
  getDestination(id: string): Promise<unknown[] | null>;
  getPageIndex(ref: PageRef): Promise<number>;
}

// A hostile file can hold an outline far larger than anyone would read;
// past this many entries the rest is dropped rather than held in memory.
const MAX_ENTRIES = 10_000;

function isPageRef(value: unknown): value is PageRef {
  if (typeof value !== 'object' || value === null) return false;
  const { num, gen } = value as Record<string, unknown>;
  return Number.isInteger(num) && Number.isInteger(gen);
}

function cleanTitle(title: string): string {
  return title
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .normalize('NFC');
}

/**
 * The 0-based page an outline entry points at, or undefined when it points
 * elsewhere or its destination is broken (a bad entry should not lose the
 * rest of the outline).
 */
async function pageOf(source: OutlineSource, dest: RawOutlineNode['dest']): Promise<number | undefined> {
  try {
    const explicit = typeof dest === 'string' ? await source.getDestination(dest) : dest;
    const target = explicit?.[0];
    // Some producers write a page index instead of a page reference.
    const index = isPageRef(target) ? await source.getPageIndex(target) : target;
    return typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < source.numPages ? index : undefined;
  } catch {
    return undefined;
  }
}

/** The document outline (bookmarks) with each entry's page resolved; empty when the PDF has none. */
export async function readOutline(source: OutlineSource): Promise<OutlineItem[]> {
  const nodes = await source.getOutline();
  let budget = MAX_ENTRIES;
  const convert = async (list: readonly RawOutlineNode[]): Promise<OutlineItem[]> => {
    const items: OutlineItem[] = [];
    for (const node of list) {
      if (budget <= 0) break;
      budget--;
      const page = await pageOf(source, node.dest);
      const children = await convert(node.items);
      items.push({ title: cleanTitle(node.title), ...(page === undefined ? {} : { page }), children });
    }
    return items;
  };
  return convert(nodes ?? []);
}
