import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ApiError } from '../../shared/api/errors';
import { NOTEBOOK_FORMAT, NOTEBOOK_FORMAT_VERSION, NotebookName, type NotebookInfo } from '../../shared/model/notebook';
import { writeFileAtomic } from './storage/atomic-write';
import { readJsonFile } from './storage/json-file';

export const MANIFEST_FILE = 'notebook.json';

const Manifest = z.object({
  format: z.literal(NOTEBOOK_FORMAT),
  formatVersion: z.number().int().positive(),
  name: NotebookName,
  createdAt: z.iso.datetime(),
});
type Manifest = z.infer<typeof Manifest>;

export interface OpenNotebookOptions {
  /** Make a new notebook when the folder is missing or empty. */
  create?: boolean;
  /** Name of a newly created notebook; defaults to the folder's name. */
  name?: string;
}

/**
 * Open the notebook folder `dir`. A folder that holds other files is never
 * turned into a notebook, and a manifest from a newer Fieldbook is refused
 * rather than rewritten in a format that Fieldbook could not read back.
 */
export async function openNotebookFolder(dir: string, options: OpenNotebookOptions = {}): Promise<NotebookInfo> {
  const root = path.resolve(dir);
  const manifestPath = path.join(root, MANIFEST_FILE);
  const manifest = await readManifest(manifestPath);
  if (manifest) return { path: root, name: manifest.name, formatVersion: manifest.formatVersion, createdAt: manifest.createdAt };

  if (!options.create) throw new ApiError('NOT_FOUND', `${root} is not a Fieldbook notebook (it has no ${MANIFEST_FILE}).`);
  const entries = await readdir(root).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw new ApiError('NOTEBOOK_INVALID', `Cannot read the folder ${root}: ${error.message}`);
  });
  if (entries.length > 0) {
    throw new ApiError('NOTEBOOK_INVALID', `${root} is not empty and is not a Fieldbook notebook; choose an empty folder or an existing notebook.`);
  }
  const created: Manifest = {
    format: NOTEBOOK_FORMAT,
    formatVersion: NOTEBOOK_FORMAT_VERSION,
    name: NotebookName.parse(options.name ?? (path.basename(root) || 'Notebook')),
    createdAt: new Date().toISOString(),
  };
  await mkdir(root, { recursive: true });
  await writeFileAtomic(manifestPath, `${JSON.stringify(created, null, 2)}\n`);
  return { path: root, name: created.name, formatVersion: created.formatVersion, createdAt: created.createdAt };
}

async function readManifest(file: string): Promise<Manifest | undefined> {
  // Look at the version before the full schema, so a newer notebook is named as such, not as damaged.
  const versioned = await readJsonFile(file, z.object({ format: z.string(), formatVersion: z.number() }).loose());
  if (!versioned) return undefined;
  if (versioned.format !== NOTEBOOK_FORMAT) throw new ApiError('NOTEBOOK_INVALID', `${file} is not a Fieldbook notebook manifest.`);
  if (versioned.formatVersion > NOTEBOOK_FORMAT_VERSION) {
    throw new ApiError(
      'NOTEBOOK_INVALID',
      `This notebook was written by a newer Fieldbook (format ${versioned.formatVersion}; this version reads up to ${NOTEBOOK_FORMAT_VERSION}). Nothing was changed; update Fieldbook to open it.`,
    );
  }
  return readJsonFile(file, Manifest);
}

export async function renameNotebookFolder(dir: string, name: string): Promise<NotebookInfo> {
  const manifestPath = path.join(dir, MANIFEST_FILE);
  const manifest = await readManifest(manifestPath);
  if (!manifest) throw new ApiError('NOT_FOUND', `${dir} is not a Fieldbook notebook.`);
  const renamed: Manifest = { ...manifest, name: NotebookName.parse(name) };
  await writeFileAtomic(manifestPath, `${JSON.stringify(renamed, null, 2)}\n`);
  return { path: dir, name: renamed.name, formatVersion: renamed.formatVersion, createdAt: renamed.createdAt };
}
