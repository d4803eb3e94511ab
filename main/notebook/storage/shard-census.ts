import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { RecordId } from '../../../shared/model/records';
import { writeFileAtomic } from './atomic-write';
import { readJsonFile } from './json-file';
import { RecordFile } from './record-file';

/** Beside the shards; the leading dot keeps it out of every listing of shards (ShardedRecords, doctor). */
export const CENSUS_FILE = '.census.json';

const FileMark = z.object({ ino: z.number(), size: z.number(), mtimeMs: z.number(), live: z.number().int().nonnegative() });
type FileMark = z.infer<typeof FileMark>;
const CensusShape = z.object({ version: z.literal(1), files: z.record(z.string(), FileMark) });

/**
 * How many live (not deleted) records a folder of shards holds, without
 * reading every shard: each shard's count is remembered with the file's
 * inode, size and modification time, and a shard is read again only when one
 * of them changed. Every save replaces a shard by renaming a new file over it
 * (atomic-write.ts), so any write, by this process or another (a merge, the
 * doctor restoring a backup, an older Fieldbook), gives it a new inode.
 * Counting costs one listing and one stat per shard; the counts are kept in
 * CENSUS_FILE so that the next process starts from them too. The file is a
 * cache: missing or damaged, it is rebuilt by reading the shards once.
 */
export class ShardCensus<T extends { id: string; deletedAt?: string | undefined }> {
  readonly #dir: string;
  readonly #schema: z.ZodType<T>;
  readonly #writable: boolean;
  #marks: Promise<Map<string, FileMark>> | undefined;
  #saving: Promise<void> = Promise.resolve();

  constructor(dir: string, schema: z.ZodType<T>, writable: boolean) {
    this.#dir = dir;
    this.#schema = schema;
    this.#writable = writable;
  }

  async count(): Promise<number> {
    const marks = await (this.#marks ??= this.#load());
    const names = (await readdir(this.#dir).catch(() => [] as string[])).filter((name) => name.endsWith('.json') && RecordId.safeParse(name.slice(0, -'.json'.length)).success);
    let changed = names.length !== marks.size;
    const current = await Promise.all(
      names.map(async (name): Promise<[string, FileMark]> => {
        const file = path.join(this.#dir, name);
        const { ino, size, mtimeMs } = await stat(file);
        const known = marks.get(name);
        if (known && known.ino === ino && known.size === size && known.mtimeMs === mtimeMs) return [name, known];
        changed = true;
        const shard = await RecordFile.open(file, this.#schema, undefined);
        return [name, { ino, size, mtimeMs, live: shard.all().filter((record) => !record.deletedAt).length }];
      }),
    );
    if (changed) {
      const next = new Map(current);
      this.#marks = Promise.resolve(next);
      if (this.#writable) await this.#save(next);
    }
    return current.reduce((sum, [, mark]) => sum + mark.live, 0);
  }

  async #load(): Promise<Map<string, FileMark>> {
    const saved = await readJsonFile(path.join(this.#dir, CENSUS_FILE), CensusShape).catch(() => undefined);
    return new Map(Object.entries(saved?.files ?? {}));
  }

  /**
   * Saves one after another, so an older census never lands after a newer
   * one. A save that fails costs only speed (the next process reads the
   * shards again), so it does not fail the count.
   */
  #save(marks: Map<string, FileMark>): Promise<void> {
    const text = JSON.stringify({ version: 1, files: Object.fromEntries(marks) });
    this.#saving = this.#saving.then(() => writeFileAtomic(path.join(this.#dir, CENSUS_FILE), text)).catch(() => undefined);
    return this.#saving;
  }
}
