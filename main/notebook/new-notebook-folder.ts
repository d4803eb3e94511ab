import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../shared/api/errors';

/** Characters no file system in use takes in a name (Windows' set is the widest), and the controls. */
const UNSAFE = /[\u0000-\u001f\u007f/\\:*?"<>|]+/g;
/** Names Windows keeps for devices, with or without an extension. */
const DEVICE = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;
/** Well under the common 255-byte limit on one name, leaving room for " 999". */
const MAX_NAME_BYTES = 200;
const MAX_TRIES = 1000;

/**
 * The folder name for a notebook called `name`. The notebook keeps its name
 * as typed (Arabic, slashes, anything); only the folder is tamed: no
 * separators (so it cannot climb out of its parent), no leading dot (hidden)
 * or dash (read as an option by command-line tools), no trailing dot or space
 * (Windows drops them), no device names.
 */
export function folderNameFor(name: string): string {
  let folder = name.normalize('NFC').replace(UNSAFE, '-').replace(/\s+/g, ' ').replace(/^[\s.-]+|[\s.]+$/g, '');
  while (Buffer.byteLength(folder) > MAX_NAME_BYTES) folder = [...folder].slice(0, -1).join('');
  folder = folder.replace(/[\s.]+$/, '');
  if (!/[\p{L}\p{N}]/u.test(folder)) throw new ApiError('BAD_REQUEST', `“${name.slice(0, 80)}” cannot name a notebook's folder: use some letters or digits.`);
  return DEVICE.test(folder) ? `${folder} notebook` : folder;
}

/**
 * Make a new, empty folder for a notebook called `name` inside `parent`: the
 * name's folder, or "name 2", "name 3"… when taken. mkdir without `recursive`
 * either creates the folder or fails, so two notebooks made at once never share one.
 */
export async function claimNotebookFolder(parent: string, name: string): Promise<string> {
  const base = folderNameFor(name);
  await mkdir(parent, { recursive: true });
  for (let attempt = 1; attempt <= MAX_TRIES; attempt += 1) {
    const folder = path.join(parent, attempt === 1 ? base : `${base} ${attempt}`);
    try {
      await mkdir(folder);
      return folder;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new ApiError('NOTEBOOK_INVALID', `Cannot make a folder for the notebook in ${parent}: ${(error as Error).message}`);
    }
  }
  throw new ApiError('CONFLICT', `There are already ${MAX_TRIES} notebooks named “${base}”: choose another name.`);
}
