import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ApiError } from '../../shared/api/errors';
import { RecordId } from '../../shared/model/records';

const MAX_DEPTH = 32;

/**
 * Files the UI hands over for import (a file picker or a drop gives bytes,
 * not paths), kept in the notebook's `.incoming/<batch>/` with their
 * relative paths, so a dropped folder keeps a saved page beside its
 * "_files" folder. Paths are checked segment by segment: nothing lands
 * outside the batch folder.
 */
export class UploadStore {
  readonly #root: string;

  constructor(notebookDir: string) {
    this.#root = path.join(notebookDir, '.incoming');
  }

  batchDir(batch: string): string {
    if (!RecordId.safeParse(batch).success) throw new ApiError('BAD_REQUEST', 'Not an upload batch id.');
    return path.join(this.#root, batch);
  }

  async save(batch: string, relativePath: string, content: Readable | Uint8Array, maxBytes: number): Promise<void> {
    const target = path.join(this.batchDir(batch), ...safeSegments(relativePath));
    await mkdir(path.dirname(target), { recursive: true });
    const partial = `${target}.partial`;
    let size = 0;
    try {
      if (content instanceof Uint8Array) {
        size = content.byteLength;
        if (size > maxBytes) throw tooLarge(relativePath, maxBytes);
        await pipeline([content], createWriteStream(partial));
      } else {
        await pipeline(
          content,
          async function* limit(source: AsyncIterable<Buffer>) {
            for await (const chunk of source) {
              size += chunk.length;
              if (size > maxBytes) throw tooLarge(relativePath, maxBytes);
              yield chunk;
            }
          },
          createWriteStream(partial),
        );
      }
      await rename(partial, target);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  async discard(batch: string): Promise<void> {
    await rm(this.batchDir(batch), { recursive: true, force: true });
  }
}

function safeSegments(relativePath: string): string[] {
  const segments = relativePath.split('/');
  const bad = segments.some((segment) => segment === '' || segment === '.' || segment === '..' || segment.length > 255 || /[\\\0]/.test(segment) || /^[A-Za-z]:$/.test(segment));
  if (bad || segments.length > MAX_DEPTH) throw new ApiError('BAD_REQUEST', `Refused the upload path “${relativePath.slice(0, 200)}”.`);
  return segments;
}

function tooLarge(name: string, maxBytes: number): ApiError {
  return new ApiError('FILE_TOO_LARGE', `“${path.basename(name)}” is larger than the import limit of ${Math.round(maxBytes / 2 ** 20)} MiB.`);
}
