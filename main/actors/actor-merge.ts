import { randomUUID } from 'node:crypto';
import { nameKey } from '../../shared/actors/match-names';
import type { ActorMerge } from '../../shared/actors/merge';
import { ApiError } from '../../shared/api/errors';
import { recordSchemas, type ActorRecord, type RecordOf } from '../../shared/model/records';
import type { EventBus } from '../bus/event-bus';
import type { RecordService } from '../notebook/records/record-service';
import { recordsChanged } from '../notebook/records/records-changed';
import type { RecordFile } from '../notebook/storage/record-file';
import { swappedReferences } from './actor-references';
import { openMergeJournal, type MergedKind, type MergeEntry, type RecordChange } from './merge-journal';

type Fields = Record<string, unknown>;

const MAX_ALIASES = 500;

/**
 * Merging two actors that turned out to be one (two spellings, a teammate's
 * copy): the loser's names, affiliations, tagged passages, event roles,
 * notes and links in notes move to the survivor, and the loser becomes a
 * tombstone that names the survivor.
 *
 * Every field the merge changes is written to the merge journal, before and
 * after, ahead of the first record write. Undo puts back each field the merge
 * changed: exactly, when nothing touched it since; when someone did, lists
 * (aliases, tagged actors, participants) lose only what the merge added and
 * get back what it removed, and any other field keeps the later edit.
 */
export class ActorMerger {
  readonly #records: RecordService;
  readonly #events: EventBus;
  readonly #author: () => string;
  #journal: Promise<RecordFile<MergeEntry>> | undefined;

  constructor(records: RecordService, events: EventBus, author: () => string) {
    this.#records = records;
    this.#events = events;
    this.#author = author;
  }

  /** Newest first. */
  async list(): Promise<ActorMerge[]> {
    const entries = (await this.#openJournal()).all();
    return entries.sort((a, b) => b.mergedAt.localeCompare(a.mergedAt)).map(summary);
  }

  async merge(survivorId: string, loserId: string): Promise<ActorMerge> {
    if (survivorId === loserId) throw new ApiError('BAD_REQUEST', 'An actor cannot be merged into itself.');
    const [survivor, loser] = await Promise.all([this.#liveActor(survivorId), this.#liveActor(loserId)]);
    const now = new Date().toISOString();
    const changes = await this.#plan(survivor, loser, now);
    const count = (type: MergedKind) => changes.filter((change) => change.type === type).length;
    const entry: MergeEntry = {
      id: randomUUID(),
      survivorId,
      loserId,
      survivorName: survivor.name,
      loserName: loser.name,
      mergedAt: now,
      author: this.#author(),
      changed: { actors: count('actors'), highlights: count('highlights'), events: count('events'), notes: count('notes') },
      changes,
    };
    const journal = await this.#openJournal();
    await journal.put(entry);
    // The loser is retired last: a merge cut short leaves it live, with the journal entry to undo what was done.
    const loserChange = changes.filter((change) => change.id === loserId);
    await this.#writeAll(changes.filter((change) => change.id !== loserId).map((change) => ({ change, fields: change.after })), now);
    await this.#writeAll(loserChange.map((change) => ({ change, fields: change.after })), now);
    return summary(entry);
  }

  async unmerge(mergeId: string): Promise<ActorMerge> {
    const journal = await this.#openJournal();
    const entry = journal.get(mergeId);
    if (!entry) throw new ApiError('NOT_FOUND', `There is no merge with id ${mergeId}.`);
    if (entry.undoneAt) throw new ApiError('CONFLICT', `The merge of “${entry.loserName}” into “${entry.survivorName}” was already undone.`);
    const later = journal.all().find((other) => !other.undoneAt && other.loserId === entry.survivorId && other.mergedAt >= entry.mergedAt);
    if (later) throw new ApiError('CONFLICT', `“${entry.survivorName}” was itself merged into “${later.survivorName}” since; undo that merge first.`);

    const writes: { change: RecordChange; fields: Fields }[] = [];
    for (const change of entry.changes) {
      const current = (await this.#records.get(change.type, change.id)) as Fields;
      const fields = Object.fromEntries(
        Object.keys(change.after).flatMap((field) => {
          const restored = undoField(current[field] ?? null, change.before[field] ?? null, change.after[field] ?? null);
          return restored === KEEP ? [] : [[field, restored]];
        }),
      );
      if (Object.keys(fields).length > 0) writes.push({ change, fields });
    }
    const now = new Date().toISOString();
    // The loser comes back first, so no restored tag ever points at a deleted actor.
    await this.#writeAll(writes.filter(({ change }) => change.id === entry.loserId), now);
    await this.#writeAll(writes.filter(({ change }) => change.id !== entry.loserId), now);
    const undone: MergeEntry = { ...entry, undoneAt: now };
    await journal.put(undone);
    return summary(undone);
  }

  #openJournal(): Promise<RecordFile<MergeEntry>> {
    if (!this.#journal) {
      this.#journal = openMergeJournal(this.#records.store);
      this.#journal.catch(() => (this.#journal = undefined));
    }
    return this.#journal;
  }

  async #liveActor(id: string): Promise<ActorRecord> {
    const actor = await this.#records.get('actors', id);
    if (actor.deletedAt) throw new ApiError('CONFLICT', `The actor “${actor.name}” was deleted; it cannot be merged.`);
    return actor;
  }

  async #plan(survivor: ActorRecord, loser: ActorRecord, now: string): Promise<RecordChange[]> {
    const swap = (id: string) => (id === loser.id ? survivor.id : id);
    const [actors, highlights, events, notes] = await Promise.all([
      this.#records.list('actors'),
      this.#records.list('highlights'),
      this.#records.list('events'),
      this.#records.list('notes'),
    ]);
    const changes: (RecordChange | undefined)[] = [
      changeOf('actors', survivor, {
        aliases: mergedAliases(survivor, loser),
        affiliations: swappedReferences.affiliations(survivor.id, [...survivor.affiliations, ...loser.affiliations], swap),
        description: [survivor.description, loser.description].filter((text, i, all) => text.trim() !== '' && all.indexOf(text) === i).join('\n\n'),
      }),
      ...actors
        .filter((actor) => actor.id !== survivor.id && actor.id !== loser.id && actor.affiliations.some((link) => link.actorId === loser.id))
        .map((actor) => changeOf('actors', actor, { affiliations: swappedReferences.affiliations(actor.id, actor.affiliations, swap) })),
      ...highlights.filter((highlight) => highlight.actorIds.includes(loser.id)).map((highlight) => changeOf('highlights', highlight, { actorIds: swappedReferences.highlightActors(highlight, swap) })),
      ...events
        .filter((event) => event.participants.some((participant) => participant.actorId === loser.id))
        .map((event) => changeOf('events', event, { participants: swappedReferences.participants(event, swap) })),
      ...notes.map((note) => changeOf('notes', note, swappedReferences.note(note, swap))),
      // Other notebooks re-point their own references to the loser when this tombstone reaches them in an exchange file.
      changeOf('actors', loser, { deletedAt: now, mergedInto: survivor.id }),
    ];
    return changes.filter((change) => change !== undefined);
  }

  /** Writes in parallel, so saves to one file are coalesced; then tells every window what changed. */
  async #writeAll(writes: { change: RecordChange; fields: Fields }[], now: string): Promise<void> {
    const written = await Promise.all(writes.map(({ change, fields }) => this.#write(change.type, change.id, fields, now)));
    for (const type of new Set(writes.map(({ change }) => change.type))) {
      this.#events.emit('records.changed', recordsChanged(type, written.filter((record, i) => writes[i]?.change.type === type)));
    }
  }

  async #write<T extends MergedKind>(type: T, id: string, fields: Fields, now: string): Promise<RecordOf<T>> {
    const next: Fields = { ...((await this.#records.get(type, id)) as Fields), updatedAt: now };
    for (const [field, value] of Object.entries(fields)) {
      if (value === null) delete next[field];
      else next[field] = value;
    }
    const parsed = recordSchemas[type].safeParse(next);
    if (!parsed.success) throw new ApiError('BAD_REQUEST', `The merge would leave ${type.slice(0, -1)} ${id} invalid: ${parsed.error.issues[0]?.message ?? 'invalid'}; nothing more was changed.`);
    await this.#records.store.collection(type).put(parsed.data as RecordOf<T>);
    return parsed.data as RecordOf<T>;
  }
}

function summary({ changes: _changes, ...merge }: MergeEntry): ActorMerge {
  return merge;
}

/** The change from the record's current fields to `after`, keeping only the fields that differ; undefined when none do. */
function changeOf(type: MergedKind, record: { id: string }, after: Fields): RecordChange | undefined {
  const current = record as unknown as Fields;
  const fields = Object.keys(after).filter((field) => !sameValue(current[field] ?? null, after[field]));
  if (fields.length === 0) return undefined;
  return { type, id: record.id, before: Object.fromEntries(fields.map((field) => [field, current[field] ?? null])), after: Object.fromEntries(fields.map((field) => [field, after[field]])) };
}

function mergedAliases(survivor: ActorRecord, loser: ActorRecord): string[] {
  const known = new Set([survivor.name, ...survivor.aliases].map(nameKey));
  const added = [loser.name, ...loser.aliases].filter((name) => {
    const key = nameKey(name);
    if (known.has(key)) return false;
    known.add(key);
    return true;
  });
  const aliases = [...survivor.aliases, ...added];
  if (aliases.length > MAX_ALIASES) throw new ApiError('BAD_REQUEST', `“${survivor.name}” would have ${aliases.length} names after the merge; an actor can have at most ${MAX_ALIASES}. Nothing was merged.`);
  return aliases;
}

const KEEP = Symbol('keep the current value');

/** The value an undo writes for one field, or KEEP when the current value stays (see ActorMerger). */
function undoField(current: unknown, before: unknown, after: unknown): unknown {
  if (sameValue(current, after)) return before;
  if (!Array.isArray(current) || !Array.isArray(before) || !Array.isArray(after)) return KEEP;
  const beforeKeys = new Set(before.map(stableJson));
  const afterKeys = new Set(after.map(stableJson));
  const kept = current.filter((item) => beforeKeys.has(stableJson(item)) || !afterKeys.has(stableJson(item)));
  const keptKeys = new Set(kept.map(stableJson));
  const restored = [...kept, ...before.filter((item) => !afterKeys.has(stableJson(item)) && !keptKeys.has(stableJson(item)))];
  return sameValue(restored, current) ? KEEP : restored;
}

function sameValue(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

/** JSON with object keys sorted, so equal values compare equal whatever order their keys were written in. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b))) : inner,
  );
}
