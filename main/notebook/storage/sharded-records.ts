import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { RecordId } from '../../../shared/model/records';
import type { Backups } from './backups';
import { RecordFile, type InvalidRecord } from './record-file';
import { ShardCensus } from './shard-census';

/**
 * Records split over many small files (one per document for highlights, one
 * per note), so that saving one record rewrites only its own small file, and
 * so that opening a notebook reads none of them until they are needed.
 */
export class ShardedRecords<T extends { id: string; deletedAt?: string | undefined }> {
  readonly dir: string;
  readonly #schema: z.ZodType<T>;
  readonly #shardOf: (record: T) => string;
  readonly #backups: Backups | undefined;
  readonly #shards = new Map<string, Promise<RecordFile<T>>>();
  readonly #census: ShardCensus<T>;
  #allLoaded: Promise<void> | undefined;
  #allInMemory = false;

  constructor(dir: string, schema: z.ZodType<T>, shardOf: (record: T) => string, backups: Backups | undefined) {
    this.dir = dir;
    this.#schema = schema;
    this.#shardOf = shardOf;
    this.#backups = backups;
    this.#census = new ShardCensus(dir, schema, backups !== undefined);
  }

  shard(key: string): Promise<RecordFile<T>> {
    // Keys become file names: only record ids are accepted, so no key can reach outside the folder.
    RecordId.parse(key);
    let shard = this.#shards.get(key);
    if (!shard) {
      shard = RecordFile.open(path.join(this.dir, `${key}.json`), this.#schema, this.#backups);
      this.#shards.set(key, shard);
      // A shard that failed to open is retried next time rather than cached as broken.
      shard.catch(() => this.#shards.delete(key));
    }
    return shard;
  }

  async inShard(key: string): Promise<T[]> {
    return (await this.shard(key)).all();
  }

  async put(record: T): Promise<void> {
    await (await this.shard(this.#shardOf(record))).put(record);
  }

  /**
   * Re-file records that now belong to other shards (highlights whose
   * document was merged into another): they are written to their new shards
   * first and only then taken out of `fromKey`, so a crash in between leaves
   * a record in both places, never in neither. The old shard's file is
   * deleted once nothing is left in it.
   */
  async move(records: readonly T[], fromKey: string): Promise<void> {
    const from = await this.shard(fromKey);
    const targets = new Map<string, T[]>();
    for (const record of records) {
      const key = this.#shardOf(record);
      if (key === fromKey) throw new Error(`Record ${record.id} already belongs to shard ${fromKey}; nothing was moved.`);
      targets.set(key, [...(targets.get(key) ?? []), record]);
    }
    await Promise.all([...targets].map(async ([key, list]) => (await this.shard(key)).put(...list)));
    await from.remove(...records.map((record) => record.id));
    await from.deleteIfEmpty();
  }

  async get(id: string): Promise<T | undefined> {
    for (const shard of this.#shards.values()) {
      const found = (await shard).get(id);
      if (found) return found;
    }
    if (this.#allLoaded) return undefined;
    await this.loadAll();
    return this.get(id);
  }

  async all(): Promise<T[]> {
    await this.loadAll();
    const shards = await Promise.all(this.#shards.values());
    return shards.flatMap((shard) => shard.all());
  }

  /** The records not deleted: from memory once every shard is there, otherwise without reading the shards unchanged since the last count. */
  async countLive(): Promise<number> {
    if (!this.#allInMemory) return this.#census.count();
    return (await this.all()).filter((record) => !record.deletedAt).length;
  }

  async invalid(): Promise<InvalidRecord[]> {
    const shards = await Promise.allSettled(this.#shards.values());
    return shards.flatMap((shard) => (shard.status === 'fulfilled' ? shard.value.invalid : []));
  }

  loadAll(): Promise<void> {
    this.#allLoaded ??= (async () => {
      const names = await readdir(this.dir).catch(() => [] as string[]);
      const keys = names.filter((name) => name.endsWith('.json') && !name.startsWith('.')).map((name) => name.slice(0, -'.json'.length));
      await Promise.all(keys.filter((key) => RecordId.safeParse(key).success).map((key) => this.shard(key)));
      this.#allInMemory = true;
    })();
    this.#allLoaded.catch(() => (this.#allLoaded = undefined));
    return this.#allLoaded;
  }
}
