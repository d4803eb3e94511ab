import { anchorAll, type Anchor } from '../../../shared/anchoring/anchor-target';
import type { HighlightRecord } from '../../../shared/model/records';

export interface AnchoredHighlight {
  record: HighlightRecord;
  /** Undefined when the passage can no longer be found: the highlight is orphaned, and still listed. */
  anchor: Anchor | undefined;
}

/** Anchor every highlight in the text, in reading order; orphans follow, oldest first, so none is ever hidden. */
export function anchorInReadingOrder(text: string, records: readonly HighlightRecord[]): AnchoredHighlight[] {
  const anchors = anchorAll(text, records.map((record) => record.target));
  const anchored = records.map((record, index) => ({ record, anchor: anchors[index] }));
  return anchored.sort((a, b) => {
    if (a.anchor && b.anchor) return a.anchor.start - b.anchor.start || a.anchor.end - b.anchor.end;
    if (a.anchor || b.anchor) return a.anchor ? -1 : 1;
    return a.record.createdAt.localeCompare(b.record.createdAt);
  });
}
