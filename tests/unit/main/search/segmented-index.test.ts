import { describe, expect, it } from 'vitest';
import { mergeCandidates } from '../../../../main/search/indexer';
import { termGroups } from '../../../../main/search/query-plan';
import type { EntrySource } from '../../../../main/search/entry-meta';
import { buildSegment, Segment } from '../../../../main/search/segment';
import { SegmentedIndex } from '../../../../main/search/segmented-index';
import { parseQuery } from '../../../../shared/search/query-syntax';

/** Deterministic entries from a seed: a small vocabulary so terms repeat across entries with different frequencies. */
function corpus(count: number, seed = 7): EntrySource[] {
  const vocabulary = ['militia', 'convoy', 'bridge', 'election', 'protest', 'baghdad', 'basra', 'minister', 'council', 'water', 'drone', 'checkpoint', 'قافلة', 'الحشد', 'بغداد'];
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, (_, i) => {
    const words = Array.from({ length: 5 + Math.floor(next() * 40) }, () => vocabulary[Math.floor(next() * vocabulary.length)]);
    return {
      meta: { kind: 'passage', id: `doc-${String(i).padStart(4, '0')}`, version: '2026-01-01T00:00:00.000Z', start: 0, end: 100 },
      title: next() < 0.2 ? `Report on ${vocabulary[i % vocabulary.length]}` : `Report ${i}`,
      body: words.join(' '),
    } satisfies EntrySource;
  });
}

function indexOf(parts: EntrySource[][]): SegmentedIndex {
  const index = new SegmentedIndex();
  for (const [i, part] of parts.entries()) index.add(new Segment(`s${i}`, buildSegment(part)));
  return index;
}

const queries = ['convoy', 'militia bridge', 'election protest water', 'bagh', 'milita', 'title:report convoy', 'بغداد', 'قافلة الحشد', 'drone -water'];

function ranking(index: SegmentedIndex, query: string) {
  const parsed = parseQuery(query);
  const hits = index.search({ groups: termGroups(parsed), excluded: parsed.excludedWords });
  return hits.ranked().map((i) => `${hits.meta(i).id}:${hits.score(i).toFixed(9)}`);
}

describe('segmented index', () => {
  it('ranks and scores identically whether the content is in one segment or many', () => {
    const entries = corpus(300);
    const one = indexOf([entries]);
    const many = indexOf([entries.slice(0, 17), entries.slice(17, 120), entries.slice(120, 121), entries.slice(121)]);
    const shuffled = indexOf([entries.filter((_, i) => i % 3 === 0), entries.filter((_, i) => i % 3 === 1), entries.filter((_, i) => i % 3 === 2)]);
    for (const query of queries) {
      const expected = ranking(one, query);
      expect(expected.length, query).toBeGreaterThan(0);
      expect(ranking(many, query), query).toEqual(expected);
      expect(ranking(shuffled, query), query).toEqual(expected);
    }
  });

  it('masks deleted entries at once, and scores as if they were never indexed', () => {
    const entries = corpus(120);
    const gone = new Set(entries.filter((_, i) => i % 4 === 0).map((entry) => entry.meta.id));
    const masked = indexOf([entries.slice(0, 60), entries.slice(60)]);
    masked.remove(gone);
    const without = indexOf([entries.filter((entry) => !gone.has(entry.meta.id))]);
    for (const query of queries) expect(ranking(masked, query), query).toEqual(ranking(without, query));
    expect(masked.liveEntries).toBe(90);
  });

  it('replaces segments by their merge, keeping every record findable', () => {
    const entries = corpus(60);
    const index = indexOf([entries.slice(0, 20), entries.slice(20, 40), entries.slice(40)]);
    const before = ranking(index, 'convoy');
    const merged = new Segment('m', buildSegment(entries));
    index.replace([...index.segments], merged);
    expect(index.segments).toEqual([merged]);
    expect(ranking(index, 'convoy')).toEqual(before);
    index.remove(['doc-0001']);
    expect(ranking(index, 'convoy').some((hit) => hit.startsWith('doc-0001:'))).toBe(false);
  });

  it('picks small segments to merge once there are enough, and mostly masked ones at once', () => {
    const small = Array.from({ length: 5 }, (_, i) => new Segment(`s${i}`, buildSegment(corpus(3 + i, i))));
    expect(mergeCandidates(small)).toEqual([]);
    const six = [...small, new Segment('s5', buildSegment(corpus(2, 9)))];
    expect(mergeCandidates(six).map((segment) => segment.id)).toEqual(['s5', 's0', 's1', 's2', 's3', 's4']);
    const wasteful = new Segment('w', buildSegment(corpus(4)));
    for (const local of [0, 1, 2]) wasteful.mask(local);
    expect(mergeCandidates([wasteful, ...small]).map((segment) => segment.id)).toEqual(['w']);
  });

  it('survives a round trip through its bytes with its masks, wherever they sit in a buffer', () => {
    const data = buildSegment(corpus(30));
    const unaligned = new Uint8Array(data.byteLength + 1);
    unaligned.set(data, 1);
    const segment = new Segment('a', unaligned.subarray(1), [3, 4]);
    expect(segment.live).toBe(28);
    const index = new SegmentedIndex();
    index.add(segment);
    expect(ranking(index, 'convoy').some((hit) => hit.startsWith('doc-0003:'))).toBe(false);
  });

  it('requires every word, and finds nothing for a word absent from all segments', () => {
    const index = indexOf([corpus(50)]);
    expect(ranking(index, 'convoy nonexistentword')).toEqual([]);
    const both = ranking(index, 'convoy bridge').length;
    expect(both).toBeLessThanOrEqual(ranking(index, 'convoy').length);
  });
});
