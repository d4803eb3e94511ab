import type { z } from 'zod';
import { checkEventDate } from '../../shared/timeline/event-date';
import { ApiError } from '../../shared/api/errors';
import type { EventCreate, EventPatch, EventRecord } from '../../shared/model/records';
import type { RecordService } from '../notebook/records/record-service';

type Participant = EventRecord['participants'][number];

/**
 * Events as the analyst records them: the record schema checks shapes, this
 * checks meaning (a date that fits its precision, participants and evidence
 * that exist), so a bad event is refused before anything is written.
 */
export class EventRecords {
  readonly #records: RecordService;

  constructor(records: RecordService) {
    this.#records = records;
  }

  async create(input: z.output<typeof EventCreate>): Promise<EventRecord> {
    const participants = await this.#checked(input);
    return this.#records.create('events', { ...input, ...(participants ? { participants } : {}) });
  }

  async update(id: string, patch: z.output<typeof EventPatch>): Promise<EventRecord> {
    const participants = await this.#checked(patch);
    const { fatalities, injuries, ...rest } = patch;
    const figures = { ...(fatalities ? { fatalities } : {}), ...(injuries ? { injuries } : {}) };
    const unset = (['fatalities', 'injuries'] as const).filter((field) => patch[field] === null);
    return this.#records.update('events', id, { ...rest, ...figures, ...(participants ? { participants } : {}) }, unset);
  }

  /** Undo a delete. An actor or passage deleted since is left out: a live event refers only to live records. */
  async restore(id: string): Promise<EventRecord> {
    const restored = await this.#records.restore('events', id);
    const [participants, evidence] = await Promise.all([
      this.#liveOnly('actors', restored.participants, (participant) => participant.actorId),
      this.#liveOnly('highlights', restored.evidence, (highlightId) => highlightId),
    ]);
    if (participants.length === restored.participants.length && evidence.length === restored.evidence.length) return restored;
    return this.#records.update('events', id, { participants, evidence });
  }

  async #liveOnly<T>(type: 'actors' | 'highlights', items: readonly T[], idOf: (item: T) => string): Promise<T[]> {
    const live = await Promise.all(items.map(async (item) => !(await this.#records.get(type, idOf(item)).catch(() => undefined))?.deletedAt));
    return items.filter((_item, index) => live[index]);
  }

  /** Refuses what cannot be right; returns the participants without repeats of the same actor in the same role. */
  async #checked(fields: Pick<z.output<typeof EventPatch>, 'date' | 'evidence' | 'participants'>): Promise<Participant[] | undefined> {
    if (fields.date) {
      const problem = checkEventDate(fields.date);
      if (problem) throw new ApiError('BAD_REQUEST', `Invalid event date: ${problem}`);
    }
    if (fields.evidence) await Promise.all(fields.evidence.map((id) => this.#live('highlights', id)));
    if (!fields.participants) return undefined;
    await Promise.all([...new Set(fields.participants.map((participant) => participant.actorId))].map((id) => this.#live('actors', id)));
    const seen = new Set<string>();
    return fields.participants.filter(({ actorId, role }) => {
      const key = `${actorId}\u0000${role.trim().toLocaleLowerCase()}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  async #live(type: 'actors' | 'highlights', id: string): Promise<void> {
    const record = await this.#records.get(type, id);
    if (record.deletedAt) throw new ApiError('CONFLICT', `The ${type === 'actors' ? 'actor' : 'highlight'} ${id} was deleted; an event cannot refer to it.`);
  }
}
