import { randomUUID } from 'node:crypto';
import { ApiError } from '../../../shared/api/errors';
import { recordSchemas, type RecordFields, type RecordOf, type RecordType } from '../../../shared/model/records';
import type { EventBus } from '../../bus/event-bus';
import type { NotebookStore } from '../notebook-store';
import { recordsChanged } from './records-changed';

export interface ListOptions {
  includeDeleted?: boolean;
  /** Highlights only: those of one document, read without touching the others. */
  documentId?: string;
}

/**
 * Create, update, delete (as a tombstone) and list every kind of record. The
 * service stamps ids, times and the author, and validates the whole record
 * before it is written, whatever the caller sent.
 */
export class RecordService {
  readonly #store: NotebookStore;
  readonly #author: () => string;
  readonly #events: EventBus;

  constructor(store: NotebookStore, author: () => string, events: EventBus) {
    this.#store = store;
    this.#author = author;
    this.#events = events;
  }

  get store(): NotebookStore {
    return this.#store;
  }

  async list<T extends RecordType>(type: T, options: ListOptions = {}): Promise<RecordOf<T>[]> {
    const collection = this.#store.collection(type);
    const records = type === 'highlights' && options.documentId ? await collection.inShard(options.documentId) : await collection.all();
    return options.includeDeleted ? records : records.filter((record) => !record.deletedAt);
  }

  /** How many records of a kind are not deleted; notes are counted without reading every note's file. */
  count(type: RecordType): Promise<number> {
    return this.#store.collection(type).countLive();
  }

  async get<T extends RecordType>(type: T, id: string): Promise<RecordOf<T>> {
    const record = await this.#store.collection(type).get(id);
    if (!record) throw new ApiError('NOT_FOUND', `There is no ${singular(type)} with id ${id}.`);
    return record;
  }

  async create<T extends RecordType>(type: T, fields: RecordFields<T>): Promise<RecordOf<T>> {
    const now = new Date().toISOString();
    const record = validate(type, { ...fields, id: randomUUID(), createdAt: now, updatedAt: now, author: this.#author() });
    await this.#save(type, record);
    return record;
  }

  /** Change the fields the patch names; `unset` names optional fields to take away. */
  async update<T extends RecordType>(type: T, id: string, patch: Partial<RecordFields<T>>, unset: readonly (keyof RecordFields<T>)[] = []): Promise<RecordOf<T>> {
    const current = await this.get(type, id);
    if (current.deletedAt) throw new ApiError('CONFLICT', `This ${singular(type)} was deleted; it cannot be changed.`);
    const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    const kept = Object.fromEntries(Object.entries(current).filter(([key]) => !unset.includes(key as keyof RecordFields<T>)));
    const record = validate(type, { ...kept, ...defined, updatedAt: new Date().toISOString() });
    await this.#save(type, record);
    return record;
  }

  /** A tombstone: the record stays, marked, so the deletion reaches teammates' notebooks when exchanged. */
  async delete<T extends RecordType>(type: T, id: string): Promise<RecordOf<T>> {
    const current = await this.get(type, id);
    if (current.deletedAt) return current;
    const now = new Date().toISOString();
    const record = validate(type, { ...current, deletedAt: now, updatedAt: now });
    await this.#save(type, record);
    return record;
  }

  /** Undo a delete: the tombstone is lifted and the record is live again, as it was. */
  async restore<T extends RecordType>(type: T, id: string): Promise<RecordOf<T>> {
    const current = await this.get(type, id);
    if (!current.deletedAt) return current;
    const { deletedAt: _deleted, ...live } = current;
    const record = validate(type, { ...live, updatedAt: new Date().toISOString() });
    await this.#save(type, record);
    return record;
  }

  async #save<T extends RecordType>(type: T, record: RecordOf<T>): Promise<void> {
    await this.#store.collection(type).put(record);
    this.#events.emit('records.changed', recordsChanged(type, [record]));
  }
}

function validate<T extends RecordType>(type: T, candidate: unknown): RecordOf<T> {
  const parsed = recordSchemas[type].safeParse(candidate);
  if (parsed.success) return parsed.data as RecordOf<T>;
  const issue = parsed.error.issues[0];
  throw new ApiError('BAD_REQUEST', `Invalid ${singular(type)}: ${issue?.path.join('.') || 'record'}: ${issue?.message ?? 'invalid'}`);
}

export function singular(type: RecordType): string {
  return type === 'highlights' ? 'highlight' : type.slice(0, -1);
}
