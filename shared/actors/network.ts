import type { ActorKind } from '../model/records';
import { eventSpan, partialDateSpan, type DaySpan, type EventDate } from '../timeline/event-date';
import type { ActorNetwork, NetworkFilter } from './view-models';

export interface NetworkInput {
  actors: readonly { id: string; name: string; kind: ActorKind }[];
  events: readonly { date: EventDate; participants: readonly { actorId: string }[] }[];
  /** Tagged passages: the actors on each, and the day its document was published, when known. */
  passages: readonly { actorIds: readonly string[]; day?: number }[];
}

/**
 * Actors as nodes, linked when they take part in the same event or are
 * tagged on the same passage; each link counts both, so the view can weigh
 * it by their sum. Only actors with something inside the filter are nodes.
 */
export function buildActorNetwork(input: NetworkInput, filter: NetworkFilter = {}): ActorNetwork {
  const kinds = filter.kinds ? new Set(filter.kinds) : undefined;
  const links = new Set(filter.links ?? ['events', 'passages']);
  const range = rangeOf(filter);
  const nodes = new Map(input.actors.filter((actor) => !kinds || kinds.has(actor.kind)).map((actor) => [actor.id, { id: actor.id, name: actor.name, kind: actor.kind, events: 0, passages: 0 }]));
  const edges = new Map<string, ActorNetwork['edges'][number]>();

  const count = (actorIds: Iterable<string>, field: 'events' | 'passages') => {
    const present = [...new Set(actorIds)].filter((id) => nodes.has(id)).sort();
    for (const id of present) (nodes.get(id) as { events: number; passages: number })[field]++;
    for (let i = 0; i < present.length; i++) {
      for (let j = i + 1; j < present.length; j++) {
        const [source, target] = [present[i] as string, present[j] as string];
        const key = `${source} ${target}`;
        const edge = edges.get(key) ?? { source, target, events: 0, passages: 0 };
        edge[field]++;
        edges.set(key, edge);
      }
    }
  };

  if (links.has('events')) {
    for (const event of input.events) if (!range || overlaps(eventSpan(event.date), range)) count(event.participants.map((participant) => participant.actorId), 'events');
  }
  if (links.has('passages')) {
    for (const passage of input.passages) if (!range || (passage.day !== undefined && passage.day >= range.first && passage.day <= range.last)) count(passage.actorIds, 'passages');
  }
  return {
    nodes: [...nodes.values()].filter((node) => node.events + node.passages > 0).sort((a, b) => a.name.localeCompare(b.name)),
    edges: [...edges.values()],
  };
}

function rangeOf(filter: NetworkFilter): DaySpan | undefined {
  if (!filter.from && !filter.to) return undefined;
  return {
    first: filter.from === undefined ? Number.NEGATIVE_INFINITY : (partialDateSpan(filter.from)?.first ?? Number.NEGATIVE_INFINITY),
    last: filter.to === undefined ? Number.POSITIVE_INFINITY : (partialDateSpan(filter.to)?.last ?? Number.POSITIVE_INFINITY),
  };
}

function overlaps(a: DaySpan, b: DaySpan): boolean {
  return a.first <= b.last && b.first <= a.last;
}
