import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Low, type Adapter } from 'lowdb';
import { z } from 'zod';
import { ApiError } from '../../../shared/api/errors';
import { fsyncDirectory, writeFileAtomic } from './atomic-write';
import type { Backups } from './backups';
import { readJsonFile } from './json-file';

export const RECORD_FILE_VERSION = 1;

const FileShape = z.object({ formatVersion: z.number().int().positive(), records: z.array(z.unknown()), setAside: z.array(z.unknown()).optional() });
type FileShape = z.infer<typeof FileShape>;

/**
 * How a record file is written: with rolling backups; `false`, written
 * without them (a journal, whose older states must never come back, since
 * replaying one would undo later work); `undefined`, read-only.
 */
export type FileBackups = Backups | false | undefined;

export interface InvalidRecord {
  file: string;
  id: string | undefined;
  problem: string;
}

/** A record file's content: its records, and those set aside when there are any. */
export function recordFileText(records: readonly unknown[], setAside: readonly unknown[]): string {
  return JSON.stringify({ formatVersion: RECORD_FILE_VERSION, records, ...(setAside.length > 0 ? { setAside } : {}) });
}

/**
 * lowdb adapter with the notebook's durability rules: the file is validated
 * on read (a damaged or newer file is an error naming it, never replaced),
 * and every write keeps a backup, then replaces the file atomically and
 * durably. The data is serialised before the first await, so a write
 * captures exactly the state at the moment it starts.
 */
class DurableJsonAdapter implements Adapter<FileShape> {
  readonly #file: string;
  readonly #backups: FileBackups;
  #folderExists = false;

  constructor(file: string, backups: FileBackups) {
    this.#file = file;
    this.#backups = backups;
  }

  async read(): Promise<FileShape | null> {
    const version = await readJsonFile(this.#file, z.object({ formatVersion: z.number() }).loose());
    if (!version) return null;
    if (version.formatVersion > RECORD_FILE_VERSION) {
      throw new ApiError('NOTEBOOK_INVALID', `${this.#file} was written by a newer Fieldbook (format ${version.formatVersion}); nothing was changed. Update Fieldbook to open this notebook.`);
    }
    return (await readJsonFile(this.#file, FileShape)) ?? null;
  }

  async write(data: FileShape): Promise<void> {
    const text = recordFileText(data.records, data.setAside ?? []);
    if (this.#backups === undefined) throw new ApiError('INTERNAL', `${this.#file} was opened read-only.`);
    if (!this.#folderExists) {
      await mkdir(path.dirname(this.#file), { recursive: true });
      this.#folderExists = true;
    }
    if (this.#backups) await this.#backups.keep(this.#file);
    await writeFileAtomic(this.#file, text);
  }

  /** Delete the file, keeping a backup first like any replacement; the folder is synced so the deletion is durable. */
  async remove(): Promise<void> {
    if (this.#backups === undefined) throw new ApiError('INTERNAL', `${this.#file} was opened read-only.`);
    if (this.#backups) await this.#backups.keep(this.#file);
    await rm(this.#file, { force: true });
    await fsyncDirectory(path.dirname(this.#file));
  }
}

/**
 * One JSON file of records of one kind, held in memory by lowdb. Records that
 * fail their schema are reported and moved to the file's `setAside` list:
 * kept, never lost, but not served. Saves are queued: changes made while a
 * write is running are coalesced into the next one, and each caller's
 * promise resolves only once its change is durably on disk.
 */
export class RecordFile<T extends { id: string }> {
  readonly file: string;
  readonly invalid: InvalidRecord[] = [];
  readonly #low: Low<FileShape>;
  readonly #adapter: DurableJsonAdapter;
  readonly #records = new Map<string, T>();
  readonly #setAside: unknown[];
  #chain: Promise<void> = Promise.resolve();
  #queued: Promise<void> | undefined;

  private constructor(file: string, low: Low<FileShape>, adapter: DurableJsonAdapter, setAside: unknown[]) {
    this.file = file;
    this.#low = low;
    this.#adapter = adapter;
    this.#setAside = setAside;
  }

  /** `backups` undefined opens read-only: any write is refused. */
  static async open<T extends { id: string }>(file: string, schema: z.ZodType<T>, backups: FileBackups): Promise<RecordFile<T>> {
    const adapter = new DurableJsonAdapter(file, backups);
    const low = new Low<FileShape>(adapter, { formatVersion: RECORD_FILE_VERSION, records: [] });
    await low.read();
    const setAside = [...(low.data.setAside ?? [])];
    const recordFile = new RecordFile<T>(file, low, adapter, setAside);
    setAside.forEach((raw) => recordFile.#report(raw, 'set aside earlier'));
    for (const raw of low.data.records) {
      const parsed = schema.safeParse(raw);
      if (parsed.success) {
        recordFile.#records.set(parsed.data.id, parsed.data);
      } else {
        const issue = parsed.error.issues[0];
        recordFile.#report(raw, `${issue?.path.join('.') || 'record'}: ${issue?.message ?? 'invalid'}`);
        setAside.push(raw);
      }
    }
    return recordFile;
  }

  get size(): number {
    return this.#records.size;
  }

  get(id: string): T | undefined {
    return this.#records.get(id);
  }

  all(): T[] {
    return [...this.#records.values()];
  }

  /** Insert or replace records, resolving once they are durable. If the save fails, memory goes back to what is on disk. */
  async put(...records: T[]): Promise<void> {
    const previous = records.map((record) => this.#records.get(record.id));
    for (const record of records) this.#records.set(record.id, record);
    try {
      await this.#flush();
    } catch (error) {
      records.forEach((record, i) => {
        if (this.#records.get(record.id) !== record) return;
        const before = previous[i];
        if (before) this.#records.set(record.id, before);
        else this.#records.delete(record.id);
      });
      if (error instanceof ApiError) throw error;
      throw new ApiError('INTERNAL', `Could not save to ${this.file}: ${(error as Error).message}. Nothing already saved was lost.`);
    }
  }

  /** Take records out, resolving once the file without them is durable. If the save fails, they are back in memory as on disk. */
  async remove(...ids: string[]): Promise<void> {
    const removed = ids.flatMap((id) => {
      const record = this.#records.get(id);
      return record ? [record] : [];
    });
    if (removed.length === 0) return;
    for (const record of removed) this.#records.delete(record.id);
    try {
      await this.#flush();
    } catch (error) {
      // A put of the same id since then is newer than what was removed, and stays.
      for (const record of removed) if (!this.#records.has(record.id)) this.#records.set(record.id, record);
      if (error instanceof ApiError) throw error;
      throw new ApiError('INTERNAL', `Could not save to ${this.file}: ${(error as Error).message}. Nothing already saved was lost.`);
    }
  }

  /**
   * Delete the file when it holds nothing, not even records set aside: a
   * shard whose records all moved elsewhere. It runs in the write queue, so
   * a put issued before it is on disk first and keeps the file; a later put
   * writes the file again. A backup of the (empty) file is kept like before
   * any replacement. Resolves to whether the file was deleted.
   */
  deleteIfEmpty(): Promise<boolean> {
    const run = this.#chain.then(async () => {
      if (this.#records.size > 0 || this.#setAside.length > 0) return false;
      await this.#adapter.remove();
      return true;
    });
    this.#chain = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  #report(raw: unknown, problem: string): void {
    const id = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : undefined;
    this.invalid.push({ file: this.file, id, problem });
  }

  #flush(): Promise<void> {
    if (this.#queued) return this.#queued;
    const run = this.#chain.then(() => {
      this.#queued = undefined;
      // The snapshot is taken here, when the write starts: everything put() before now is in it.
      this.#low.data = { formatVersion: RECORD_FILE_VERSION, records: [...this.#records.values()], ...(this.#setAside.length > 0 ? { setAside: this.#setAside } : {}) };
      return this.#low.write();
    });
    this.#queued = run;
    this.#chain = run.catch(() => undefined);
    return run;
  }
}
