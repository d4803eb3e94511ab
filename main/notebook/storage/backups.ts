import { copyFile, link, mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';

export const BACKUP_DIR = 'backups';

/**
 * Rolling backups: before a file is replaced, its current state is kept under
 * backups/, and only the newest `keep` states of each file are retained. A
 * state is kept at most once per `minIntervalMs` for each file, so a burst of
 * saves (typing a note, tagging a page of highlights) cannot push every
 * useful older state out, and most saves pay nothing for backups. A hard
 * link costs no copy (the replaced file's data is simply not freed).
 */
export class Backups {
  readonly #root: string;
  readonly #notebookDir: string;
  readonly #keep: number;
  readonly #minIntervalMs: number;
  readonly #known = new Map<string, string[]>();
  readonly #lastKept = new Map<string, number>();
  #sequence = 0;

  constructor(notebookDir: string, options: { keep?: number; minIntervalMs?: number } = {}) {
    this.#notebookDir = notebookDir;
    this.#root = path.join(notebookDir, BACKUP_DIR);
    this.#keep = options.keep ?? 5;
    this.#minIntervalMs = options.minIntervalMs ?? 60_000;
  }

  folderFor(file: string): string {
    return path.join(this.#root, path.relative(this.#notebookDir, file).split(path.sep).join('__'));
  }

  /** Keep the current state of `file` (if it exists) before it is overwritten. */
  async keep(file: string): Promise<void> {
    const now = Date.now();
    if (now - (this.#lastKept.get(file) ?? Number.NEGATIVE_INFINITY) < this.#minIntervalMs) return;
    const folder = this.folderFor(file);
    const existing = await this.#list(folder);
    // Sortable names: time, then a sequence for several saves in one millisecond.
    this.#sequence = (this.#sequence + 1) % 1_000_000;
    const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${String(this.#sequence).padStart(6, '0')}.json`;
    const target = path.join(folder, name);
    try {
      await link(file, target);
    } catch (error) {
      // Nothing to keep before the first write; a file system without hard links gets a copy.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      await copyFile(file, target);
    }
    this.#lastKept.set(file, now);
    existing.push(name);
    while (existing.length > this.#keep) {
      const oldest = existing.shift();
      if (oldest) await rm(path.join(folder, oldest), { force: true });
    }
  }

  /** Backups of `file`, newest first. */
  async list(file: string): Promise<string[]> {
    const folder = this.folderFor(file);
    const names = this.#known.get(folder) ?? (await readdir(folder).catch(() => [] as string[])).filter((name) => name.endsWith('.json')).sort();
    return [...names].reverse().map((name) => path.join(folder, name));
  }

  /** Creates the folder on first use: only writers call this. */
  async #list(folder: string): Promise<string[]> {
    let names = this.#known.get(folder);
    if (!names) {
      await mkdir(folder, { recursive: true });
      names = (await readdir(folder)).filter((name) => name.endsWith('.json')).sort();
      this.#known.set(folder, names);
    }
    return names;
  }
}
