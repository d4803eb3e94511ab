import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { conversionAdvice, isImportable } from './file-kind';

export interface CollectedFile {
  path: string;
  /** Why it will not be imported, when that is known before reading it. */
  skip?: string;
}

/**
 * The files to import from what the user chose: files as given, folders
 * walked recursively. Inside folders only importable kinds are taken (and
 * documents to convert first are listed as skipped, with why), hidden
 * files are ignored, a saved page's "_files" folder is left to its page, and
 * symbolic links are not followed (no loops, nothing outside the folder).
 */
export async function collectFiles(chosen: readonly string[], signal?: AbortSignal): Promise<CollectedFile[]> {
  const found: CollectedFile[] = [];
  const seen = new Set<string>();
  const add = (file: CollectedFile) => {
    if (seen.has(file.path)) return;
    seen.add(file.path);
    found.push(file);
  };

  async function walk(dir: string): Promise<void> {
    signal?.throwIfAborted();
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    const pages = new Set(entries.filter((entry) => entry.isFile() && /\.x?html?$/i.test(entry.name)).map((entry) => entry.name.replace(/\.x?html?$/i, '')));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        const stem = /^(.*)_files$/.exec(entry.name)?.[1];
        if (stem === undefined || !pages.has(stem)) await walk(full);
      } else if (entry.isFile() && isImportable(entry.name)) {
        add({ path: full });
      } else if (entry.isFile()) {
        // A .doc among the files is listed with what to do, rather than passed over in silence.
        const advice = conversionAdvice(entry.name);
        if (advice !== undefined) add({ path: full, skip: advice });
      }
    }
  }

  for (const choice of chosen) {
    const full = path.resolve(choice);
    const info = await lstat(full).catch(() => undefined);
    if (!info) add({ path: full, skip: 'The file does not exist or cannot be read.' });
    else if (info.isDirectory()) await walk(full);
    else if (info.isSymbolicLink()) add({ path: full, skip: 'Symbolic links are not followed; import the file they point to.' });
    else add({ path: full });
  }
  return found;
}
