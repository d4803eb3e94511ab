import { describe, expect, it } from 'vitest';
import { readOutline, type OutlineSource, type RawOutlineNode } from '../../../../../main/import/pdf/pdf-outline';

const node = (title: string, dest: RawOutlineNode['dest'], items: RawOutlineNode[] = []): RawOutlineNode => ({ title, dest, items });

/** A document whose page n has reference {num: 100 + n, gen: 0}. */
function source(outline: RawOutlineNode[] | null, named: Record<string, unknown[]> = {}): OutlineSource {
  return {
    numPages: 5,
    getOutline: async () => outline,
    getDestination: async (id) => {
      if (id === 'explodes') throw new Error('bad name tree');
      return named[id] ?? null;
    },
    getPageIndex: async (ref) => {
      if (ref.num === 999) throw new Error('not a page');
      return ref.num - 100;
    },
  };
}

describe('readOutline', () => {
  it('resolves explicit, named and index destinations, nested', async () => {
    const outline = await readOutline(
      source([node('Intro', [{ num: 100, gen: 0 }, { name: 'Fit' }], [node('Named', 'sec-2'), node('By index', [3, { name: 'XYZ' }, 0, 0, 0])]), node('  End\n part ', [{ num: 104, gen: 0 }, { name: 'Fit' }])], {
        'sec-2': [{ num: 102, gen: 0 }, { name: 'Fit' }],
      }),
    );
    expect(outline).toEqual([
      {
        title: 'Intro',
        page: 0,
        children: [
          { title: 'Named', page: 2, children: [] },
          { title: 'By index', page: 3, children: [] },
        ],
      },
      { title: 'End part', page: 4, children: [] },
    ]);
  });

  it('keeps entries whose destination is missing, broken or off the document, without a page', async () => {
    const outline = await readOutline(
      source([node('Link', null), node('Unknown name', 'nope'), node('Broken name tree', 'explodes'), node('Not a page', [{ num: 999, gen: 0 }]), node('Past the end', [7])]),
    );
    expect(outline).toEqual([
      { title: 'Link', children: [] },
      { title: 'Unknown name', children: [] },
      { title: 'Broken name tree', children: [] },
      { title: 'Not a page', children: [] },
      { title: 'Past the end', children: [] },
    ]);
  });

  it('is empty when the PDF has no outline', async () => {
    expect(await readOutline(source(null))).toEqual([]);
  });
});
