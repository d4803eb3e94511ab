import { itemsNamed } from '../../shared/actors/match-names';
import { ApiError } from '../../shared/api/errors';
import type { ActorRecord } from '../../shared/model/records';

/**
 * The one live actor a typed name stands for, matched on its main name or an
 * alias after folding ("kataib hezbollah" is "Kata'ib Hezbollah"). A name
 * that fits none, or several, is an error that says what to do.
 */
export function resolveActor(actors: readonly ActorRecord[], name: string): ActorRecord {
  const matches = itemsNamed(actors, (actor) => [actor.name, ...actor.aliases], name);
  if (matches.length === 1 && matches[0]) return matches[0];
  if (matches.length === 0) throw new ApiError('NOT_FOUND', `No actor is named “${name}”; add it first with: fieldbook actor add --name "${name}"`);
  throw new ApiError('CONFLICT', `“${name}” names ${matches.length} actors (${matches.map((actor) => `${actor.name} ${actor.id}`).join(', ')}); use a name that only one of them has.`);
}
