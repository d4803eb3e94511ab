import type { ActorRecord, DocumentRecord, EventRecord, HighlightRecord, TagRecord } from '../../shared/model/records';
import type { QueryFilters } from '../../shared/search/query-syntax';
import type { SearchFilters } from '../../shared/search/results';
import { foldText } from '../../shared/text/fold';
import type { EntryKind, EntryMeta } from './entry-meta';

/** Filters from the query text and from the UI's controls, together; names not yet resolved. */
export interface CombinedFilters {
  kinds: Set<EntryKind>;
  languages: string[];
  from?: string;
  to?: string;
  /** Each list: ids, or names as typed (folded when compared). Empty: no filter. */
  tags: string[];
  actors: string[];
  events: string[];
}

const KIND_NAMES: Readonly<Record<string, EntryKind[]>> = {
  document: ['document', 'passage'],
  documents: ['document', 'passage'],
  doc: ['document', 'passage'],
  highlight: ['highlight'],
  highlights: ['highlight'],
  note: ['note'],
  notes: ['note'],
  actor: ['actor'],
  actors: ['actor'],
  event: ['event'],
  events: ['event'],
};

export function combineFilters(typed: QueryFilters, chosen: SearchFilters | undefined, notices: string[]): CombinedFilters {
  const kinds = new Set<EntryKind>();
  for (const name of [...typed.kinds, ...(chosen?.kinds ?? [])]) {
    const mapped = KIND_NAMES[foldText(name)];
    if (mapped) for (const kind of mapped) kinds.add(kind);
    else notices.push(`“kind:${name}” is not a kind: use document, highlight, note, actor or event.`);
  }
  const from = [typed.from, chosen?.from].filter((date): date is string => date !== undefined).sort().at(-1);
  const to = [typed.to, chosen?.to].filter((date): date is string => date !== undefined).sort().at(0);
  return {
    kinds,
    languages: typed.languages.map((language) => language.toLowerCase()),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    tags: [...typed.tags, ...(chosen?.tags ?? [])],
    actors: [...typed.actors, ...(chosen?.actors ?? [])],
    events: [...typed.events, ...(chosen?.events ?? [])],
  };
}

export function needsRecords(filters: CombinedFilters): boolean {
  return filters.tags.length > 0 || filters.actors.length > 0 || filters.events.length > 0;
}

export interface FilterRecords {
  documents: DocumentRecord[];
  highlights: HighlightRecord[];
  tags: TagRecord[];
  actors: ActorRecord[];
  events: EventRecord[];
}

/** A name or id typed for a filter picks the records whose id it is, or whose folded name contains it as words. */
function pick<T extends { id: string }>(wanted: string[], records: readonly T[], names: (record: T) => string[]): Set<string> {
  const picked = new Set<string>();
  for (const value of wanted) {
    const folded = ` ${foldText(value).trim()} `;
    for (const record of records) {
      if (record.id === value || names(record).some((name) => ` ${foldText(name).replace(/[^\p{L}\p{N}]+/gu, ' ')} `.includes(folded))) picked.add(record.id);
    }
  }
  return picked;
}

const overlaps = (ids: readonly string[], wanted: ReadonlySet<string>) => ids.some((id) => wanted.has(id));

/**
 * Whether an entry passes the filters. Tag, actor and event filters read the
 * records they depend on, since links change without the text changing:
 * a document passes an actor filter when one of its highlights names the
 * actor; a highlight when it does; an event when the actor takes part; the
 * actor itself too.
 */
export function acceptor(filters: CombinedFilters, records: FilterRecords | undefined, notices: string[]): (meta: EntryMeta) => boolean {
  const tests: ((meta: EntryMeta) => boolean)[] = [];
  if (filters.kinds.size > 0) tests.push((meta) => filters.kinds.has(meta.kind));
  if (filters.languages.length > 0) tests.push((meta) => meta.language !== undefined && filters.languages.some((language) => meta.language?.toLowerCase().startsWith(language)));
  if (filters.from || filters.to) {
    const { from, to } = filters;
    // Dates compare as text at the precision given: to:2020 takes all of 2020.
    tests.push((meta) => meta.date !== undefined && (!from || meta.date.slice(0, from.length) >= from) && (!to || meta.date.slice(0, to.length) <= to));
  }
  if (records) {
    const documents = new Map(records.documents.map((document) => [document.id, document]));
    const highlightsOf = new Map<string, HighlightRecord[]>();
    const highlights = new Map<string, HighlightRecord>();
    for (const highlight of records.highlights) {
      highlights.set(highlight.id, highlight);
      highlightsOf.set(highlight.documentId, [...(highlightsOf.get(highlight.documentId) ?? []), highlight]);
    }
    const events = new Map(records.events.map((event) => [event.id, event]));
    const documentOf = (meta: EntryMeta) => documents.get(meta.kind === 'highlight' ? (meta.documentId ?? '') : meta.id);
    const unknown = (what: string, values: string[], found: Set<string>) => {
      if (found.size === 0) notices.push(`No ${what} is called “${values.join('”, “')}”.`);
    };
    if (filters.tags.length > 0) {
      const tags = pick(filters.tags, records.tags, (tag) => [tag.name]);
      unknown('tag', filters.tags, tags);
      tests.push((meta) => {
        if (meta.kind === 'highlight') return overlaps(highlights.get(meta.id)?.tags ?? [], tags);
        if (meta.kind === 'passage' || meta.kind === 'document') return overlaps(documentOf(meta)?.tags ?? [], tags);
        return false;
      });
    }
    const linked = (wanted: Set<string>, linksOf: (highlight: HighlightRecord) => string[], own: (meta: EntryMeta) => boolean) => (meta: EntryMeta) => {
      if (own(meta)) return true;
      if (meta.kind === 'highlight') {
        const highlight = highlights.get(meta.id);
        return highlight !== undefined && overlaps(linksOf(highlight), wanted);
      }
      if (meta.kind === 'passage' || meta.kind === 'document') return (highlightsOf.get(meta.id) ?? []).some((highlight) => overlaps(linksOf(highlight), wanted));
      return false;
    };
    if (filters.actors.length > 0) {
      const actors = pick(filters.actors, records.actors, (actor) => [actor.name, ...actor.aliases]);
      unknown('actor', filters.actors, actors);
      tests.push(linked(actors, (highlight) => highlight.actorIds, (meta) => (meta.kind === 'actor' && actors.has(meta.id)) || (meta.kind === 'event' && (events.get(meta.id)?.participants ?? []).some((p) => actors.has(p.actorId)))));
    }
    if (filters.events.length > 0) {
      const wanted = pick(filters.events, records.events, (event) => [event.title]);
      unknown('event', filters.events, wanted);
      tests.push(linked(wanted, (highlight) => highlight.eventIds, (meta) => meta.kind === 'event' && wanted.has(meta.id)));
    }
  }
  return (meta) => tests.every((test) => test(meta));
}
