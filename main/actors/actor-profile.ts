import { sortByEventDate } from '../../shared/timeline/event-date';
import type { ActorProfile } from '../../shared/actors/view-models';
import type { ActorRecord } from '../../shared/model/records';
import type { RecordService } from '../notebook/records/record-service';

const CO_TAGGED_SHOWN = 20;

/** Everything the actor page shows, joined from every kind of record. */
export async function actorProfile(records: RecordService, actorId: string): Promise<ActorProfile> {
  const actor = await records.get('actors', actorId);
  const [actors, documents, highlights, events] = await Promise.all([
    records.list('actors', { includeDeleted: true }),
    records.list('documents'),
    records.list('highlights'),
    records.list('events'),
  ]);
  const actorById = new Map(actors.map((other) => [other.id, other]));
  const ref = (other: ActorRecord) => ({ id: other.id, name: other.name, kind: other.kind });

  const tagged = highlights.filter((highlight) => highlight.actorIds.includes(actorId));
  const passages = documents
    .map((document) => ({
      document: { id: document.id, title: document.title, kind: document.kind },
      highlights: tagged.filter((highlight) => highlight.documentId === document.id).sort((a, b) => a.target.position.start - b.target.position.start),
    }))
    .filter((group) => group.highlights.length > 0)
    .sort((a, b) => a.document.title.localeCompare(b.document.title));

  const taking = sortByEventDate(events.filter((event) => event.participants.some((participant) => participant.actorId === actorId)));

  const together = new Map<string, { passages: number; events: number }>();
  const meet = (ids: Iterable<string>, field: 'passages' | 'events') => {
    for (const id of new Set(ids)) {
      if (id === actorId || actorById.get(id)?.deletedAt !== undefined || !actorById.has(id)) continue;
      const counts = together.get(id) ?? { passages: 0, events: 0 };
      counts[field]++;
      together.set(id, counts);
    }
  };
  tagged.forEach((highlight) => meet(highlight.actorIds, 'passages'));
  taking.forEach((event) => meet(event.participants.map((participant) => participant.actorId), 'events'));

  return {
    actor,
    affiliations: actor.affiliations.flatMap((link) => {
      const other = actorById.get(link.actorId);
      return other ? [{ actor: ref(other), relation: link.relation, deleted: other.deletedAt !== undefined }] : [];
    }),
    passages,
    events: taking.map((event) => ({ event, roles: [...new Set(event.participants.filter((participant) => participant.actorId === actorId).map((participant) => participant.role))] })),
    coTagged: [...together]
      .map(([id, counts]) => ({ actor: ref(actorById.get(id) as ActorRecord), ...counts }))
      .sort((a, b) => b.passages + b.events - (a.passages + a.events) || a.actor.name.localeCompare(b.actor.name))
      .slice(0, CO_TAGGED_SHOWN),
  };
}
