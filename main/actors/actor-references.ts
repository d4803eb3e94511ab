import type { ActorRecord, EventRecord, HighlightRecord, NoteRecord } from '../../shared/model/records';
import { retargetLinks } from '../../shared/notes/link-syntax';

/** Maps an actor id to the one that now stands for it (itself when it was not merged). */
export type ActorSwap = (actorId: string) => string;

/**
 * How a record's references to actors read once some actors are merged into
 * others: each reference swapped, duplicates dropped (the first kept), an
 * actor never affiliated with itself. A merge in this notebook and a merge
 * that arrives in another's file both write references this way, so the two
 * notebooks end with the same records.
 */
export const swappedReferences = {
  highlightActors: (highlight: HighlightRecord, swap: ActorSwap): HighlightRecord['actorIds'] => [...new Set(highlight.actorIds.map(swap))],
  participants: (event: EventRecord, swap: ActorSwap): EventRecord['participants'] =>
    uniqueBy(
      event.participants.map((participant) => ({ ...participant, actorId: swap(participant.actorId) })),
      (participant) => `${participant.actorId} ${participant.role}`,
    ),
  affiliations: (actorId: string, affiliations: ActorRecord['affiliations'], swap: ActorSwap): ActorRecord['affiliations'] =>
    uniqueBy(
      affiliations.map((link) => ({ ...link, actorId: swap(link.actorId) })).filter((link) => link.actorId !== actorId),
      (link) => `${link.actorId} ${link.relation}`,
    ),
  /** A note's attachment (when it is attached to an actor) and its [[actor:…]] links. */
  note: (note: NoteRecord, swap: ActorSwap): Pick<NoteRecord, 'body'> & Partial<Pick<NoteRecord, 'attachedTo'>> => ({
    ...(note.attachedTo?.kind === 'actor' ? { attachedTo: { kind: 'actor', id: swap(note.attachedTo.id) } } : {}),
    body: retargetLinks(note.body, 'actor', swap),
  }),
};

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
