import { partialDateSpan } from '../../shared/timeline/event-date';
import { buildActorNetwork } from '../../shared/actors/network';
import type { ActorNetwork, NetworkFilter } from '../../shared/actors/view-models';
import type { RecordService } from '../notebook/records/record-service';

/** The network of live actors over live events and tagged passages; a passage is dated by its document's publication date. */
export async function actorNetwork(records: RecordService, filter: NetworkFilter): Promise<ActorNetwork> {
  const [actors, documents, highlights, events] = await Promise.all([records.list('actors'), records.list('documents'), records.list('highlights'), records.list('events')]);
  const published = new Map(documents.map((document) => [document.id, publishedDay(document.publishedAt)]));
  const passages = highlights
    .filter((highlight) => highlight.actorIds.length > 0 && published.has(highlight.documentId))
    .map((highlight) => {
      const day = published.get(highlight.documentId);
      return day === undefined ? { actorIds: highlight.actorIds } : { actorIds: highlight.actorIds, day };
    });
  return buildActorNetwork({ actors, events, passages }, filter);
}

/** Publication dates are kept as found (ISO timestamps, bare years…); their leading YYYY[-MM[-DD]] dates the passage. */
function publishedDay(publishedAt: string | undefined): number | undefined {
  const date = publishedAt ? /^\d{4}(?:-\d{2}(?:-\d{2})?)?/.exec(publishedAt)?.[0] : undefined;
  return date ? partialDateSpan(date)?.first : undefined;
}
