import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../../shared/api/errors';
import type { BlobRef } from '../../../shared/model/records';
import { writeFileAtomic } from './atomic-write';

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Large content (original files, extracted text, page text) lives here, each
 * file named by the SHA-256 of its bytes, so the same content is stored once
 * and any damage is detectable by rehashing.
 */
export class BlobStore {
  readonly root: string;

  constructor(root: string) {
    this.root = root;
  }

  pathOf(hash: string): string {
    return path.join(this.root, hash.slice(0, 2), hash);
  }

  async put(data: Uint8Array | string, mediaType: string): Promise<BlobRef> {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const hash = sha256(bytes);
    const file = this.pathOf(hash);
    const existing = await stat(file).catch(() => undefined);
    if (existing?.size !== bytes.byteLength) {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFileAtomic(file, bytes);
    }
    return { sha256: hash, size: bytes.byteLength, mediaType };
  }

  /** The blob's bytes, checked against its name: damaged content is an error, never silently served. */
  async get(hash: string): Promise<Buffer> {
    const file = this.pathOf(hash);
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      throw new ApiError('NOTEBOOK_INVALID', `Content ${hash} is missing from the notebook (${file}): ${(error as Error).message}`);
    }
    if (sha256(bytes) !== hash) throw new ApiError('NOTEBOOK_INVALID', `Content ${file} is damaged (its hash no longer matches); run "fieldbook doctor".`);
    return bytes;
  }

  async getText(hash: string): Promise<string> {
    return (await this.get(hash)).toString('utf8');
  }

  /** Every stored hash, for the doctor. */
  async list(): Promise<string[]> {
    const prefixes = await readdir(this.root).catch(() => [] as string[]);
    const lists = await Promise.all(prefixes.map((prefix) => readdir(path.join(this.root, prefix)).catch(() => [] as string[])));
    return lists.flat().filter((name) => /^[a-f0-9]{64}$/.test(name));
  }
}
