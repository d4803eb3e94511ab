import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ImportLimits } from './extracted-document';

const MAX_RESOURCE_BYTES = 20 * 1024 * 1024;

/**
 * A file a saved web page refers to, read only if it lies inside the folder
 * the browser saved with it ("Page_files/"), after resolving links, so a page
 * cannot pull in any other file on the disk.
 */
export async function readSavedPageResource(pageFile: string, relative: string, limits: ImportLimits): Promise<Uint8Array | undefined> {
  if (path.isAbsolute(relative) || relative.includes('\0')) return undefined;
  const pageDir = path.dirname(pageFile);
  const resourcesDir = path.join(pageDir, `${path.basename(pageFile).replace(/\.x?html?$/i, '')}_files`);
  try {
    const [realDir, realFile] = await Promise.all([realpath(resourcesDir), realpath(path.resolve(pageDir, relative))]);
    if (!realFile.startsWith(realDir + path.sep)) return undefined;
    const info = await stat(realFile);
    if (!info.isFile() || info.size > Math.min(MAX_RESOURCE_BYTES, limits.maxFileBytes)) return undefined;
    return new Uint8Array(await readFile(realFile));
  } catch {
    return undefined;
  }
}
