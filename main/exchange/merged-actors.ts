import type { ActorRecord } from '../../shared/model/records';
import { swappedReferences, type ActorSwap } from '../actors/actor-references';
import { sameValue } from './canonical-json';
import { mergedVersions } from './merge-records';
import type { RecordSet } from './record-set';

/**
 * A merged actor's id → the actor that stands for it now, from the
 * tombstones (`mergedInto`) on either side. Each id's versions are merged
 * first, so a merge undone later on one side is no longer followed; a merge
 * into an actor that was itself merged follows on to the last one.
 */
export function actorRedirects(local: readonly ActorRecord[], incoming: readonly ActorRecord[]): Map<string, string> {
  const versions = mergedVersions('actors', [...local, ...incoming]);
  const mergedInto = new Map<string, string>();
  for (const actor of versions.values()) if (actor.deletedAt && actor.mergedInto && actor.mergedInto !== actor.id) mergedInto.set(actor.id, actor.mergedInto);
  const redirects = new Map<string, string>();
  for (const id of mergedInto.keys()) {
    const seen = new Set([id]);
    let target = mergedInto.get(id) as string;
    // Two notebooks merging two actors into each other make a cycle: the chain stops where it would come back.
    for (let next = mergedInto.get(target); next !== undefined && !seen.has(next); next = mergedInto.get(target)) {
      seen.add(target);
      target = next;
    }
    redirects.set(id, target);
  }
  return redirects;
}

/**
 * One side's records with their references to merged actors pointing at the
 * actors that stand for them, written as the merge itself writes them
 * (actor-references.ts). Times are kept, so both sides re-point a record to
 * the same value, and the version that made the merge still wins on time.
 */
export function withMergedActorsFollowed(set: RecordSet, redirects: ReadonlyMap<string, string>): RecordSet {
  if (redirects.size === 0) return set;
  const swap: ActorSwap = (id) => redirects.get(id) ?? id;
  const unlessSame = <T>(record: T, changed: Partial<T>): T => (Object.entries(changed).every(([field, value]) => sameValue(value, record[field as keyof T])) ? record : { ...record, ...changed });
  return {
    ...set,
    actors: set.actors.map((actor) => unlessSame(actor, { affiliations: swappedReferences.affiliations(actor.id, actor.affiliations, swap) })),
    highlights: set.highlights.map((highlight) => unlessSame(highlight, { actorIds: swappedReferences.highlightActors(highlight, swap) })),
    events: set.events.map((event) => unlessSame(event, { participants: swappedReferences.participants(event, swap) })),
    notes: set.notes.map((note) => unlessSame(note, swappedReferences.note(note, swap))),
  };
}
