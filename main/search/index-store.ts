import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../notebook/storage/atomic-write';
import { Segment } from './segment';

/** The search index's folder in a notebook. It can always be rebuilt from the records. */
export const INDEX_FOLDER = 'index';
const MANIFEST = 'manifest.json';
const SEGMENT_EXTENSION = '.seg';

const Manifest = z.object({
  // Format 1 held lunr's JSON segments: a notebook that has them rebuilds its index once.
  format: z.literal(2),
  segments: z.array(z.object({ id: z.string().regex(/^[a-z0-9-]{1,64}$/), masked: z.array(z.number().int().nonnegative()) })),
});

/**
 * Segments on disk: one immutable file each (see segment-file.ts), and a manifest naming the
 * live ones with their deletion masks. A segment file is written before the
 * manifest that names it, and removed after the manifest that drops it, so
 * a crash leaves at worst an unused file, which the next load removes.
 */
export class IndexStore {
  readonly dir: string;
  readonly #writable: boolean;

  constructor(notebookDir: string, options: { writable: boolean }) {
    this.dir = path.join(notebookDir, INDEX_FOLDER);
    this.#writable = options.writable;
  }

  /** The saved segments, or undefined when there are none or they cannot be read (then the index is rebuilt). */
  async load(): Promise<Segment[] | undefined> {
    let manifest: z.infer<typeof Manifest>;
    try {
      manifest = Manifest.parse(JSON.parse(await readFile(path.join(this.dir, MANIFEST), 'utf8')));
    } catch {
      return undefined;
    }
    try {
      const segments = await Promise.all(
        manifest.segments.map(async ({ id, masked }) => new Segment(id, await readFile(this.#file(id)), masked)),
      );
      await this.#removeUnlisted(new Set(manifest.segments.map(({ id }) => id)));
      return segments;
    } catch (error) {
      console.error('The search index could not be read; it will be rebuilt.', error);
      return undefined;
    }
  }

  async writeSegment(id: string, bytes: Uint8Array): Promise<void> {
    if (!this.#writable) return;
    await mkdir(this.dir, { recursive: true });
    await writeFileAtomic(this.#file(id), bytes);
  }

  async writeManifest(segments: readonly Segment[]): Promise<void> {
    if (!this.#writable) return;
    await mkdir(this.dir, { recursive: true });
    const manifest: z.infer<typeof Manifest> = { format: 2, segments: segments.map((segment) => ({ id: segment.id, masked: [...segment.masked].sort((a, b) => a - b) })) };
    await writeFileAtomic(path.join(this.dir, MANIFEST), JSON.stringify(manifest));
  }

  async removeSegments(ids: Iterable<string>): Promise<void> {
    if (!this.#writable) return;
    await Promise.all([...ids].map((id) => rm(this.#file(id), { force: true })));
  }

  async #removeUnlisted(listed: Set<string>): Promise<void> {
    if (!this.#writable) return;
    const names = await readdir(this.dir).catch(() => [] as string[]);
    await Promise.all(names.filter((name) => isUnlisted(name, listed)).map((name) => rm(path.join(this.dir, name), { force: true })));
  }

  #file(id: string): string {
    return path.join(this.dir, `${id}${SEGMENT_EXTENSION}`);
  }
}

/** Anything in the index folder but the manifest and the segments it names: leftovers of a crash, or of an older format. */
function isUnlisted(name: string, listed: ReadonlySet<string>): boolean {
  return name !== MANIFEST && !(name.endsWith(SEGMENT_EXTENSION) && listed.has(name.slice(0, -SEGMENT_EXTENSION.length)));
}
