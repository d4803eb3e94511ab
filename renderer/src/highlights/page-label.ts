import type { HighlightTarget } from '../../../shared/model/records';

/** "p. 3 · " before a PDF highlight's other details (pages count from 1 for readers, from 0 in the record); nothing for other documents. */
export function pagePrefix(target: HighlightTarget): string {
  return target.page === undefined ? '' : `p. ${target.page + 1} · `;
}
