import { access, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { RecentNotebook, type NotebookInfo } from '../../shared/model/notebook';
import { writeFileAtomic } from './storage/atomic-write';
import { readJsonFile } from './storage/json-file';
import { MANIFEST_FILE } from './notebook-folder';

const MAX_RECENT = 12;

/** The notebooks this user opened, newest first, kept in the user's data folder. */
export class RecentNotebooks {
  readonly #file: string;
  #entries: RecentNotebook[];

  private constructor(file: string, entries: RecentNotebook[]) {
    this.#file = file;
    this.#entries = entries;
  }

  static async open(dataDir: string): Promise<RecentNotebooks> {
    const file = path.join(dataDir, 'recent-notebooks.json');
    // A damaged list only costs the user their history, so it is started afresh (and replaced on the next open) rather than blocking the app.
    const entries = await readJsonFile(file, z.array(RecentNotebook)).catch((error: unknown) => {
      console.warn(`Ignoring the recent notebooks list: ${(error as Error).message}`);
      return undefined;
    });
    return new RecentNotebooks(file, entries ?? []);
  }

  list(): RecentNotebook[] {
    return [...this.#entries];
  }

  /** The most recently opened notebook that still exists. */
  async last(): Promise<string | undefined> {
    for (const entry of this.#entries) {
      if (await access(path.join(entry.path, MANIFEST_FILE)).then(() => true, () => false)) return entry.path;
    }
    return undefined;
  }

  async remember(notebook: NotebookInfo): Promise<void> {
    const entry = { path: notebook.path, name: notebook.name, openedAt: new Date().toISOString() };
    this.#entries = [entry, ...this.#entries.filter((existing) => existing.path !== notebook.path)].slice(0, MAX_RECENT);
    await mkdir(path.dirname(this.#file), { recursive: true });
    await writeFileAtomic(this.#file, `${JSON.stringify(this.#entries, null, 2)}\n`);
  }
}
