import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../shared/api/errors';
import { recordSchemas } from '../../shared/model/records';
import { readStructureBlob } from '../../shared/model/document-structure';
import { fsyncDirectory } from '../notebook/storage/atomic-write';
import { STAGING_PREFIX, stagedBlobPath } from '../notebook/staging-folders';
import { defaultArchiveLimits, type ArchiveLimits } from './archive-limits';
import { readArchive, type ArchiveWatch } from './archive-reader';
import { writeDurably } from './durable-file';
import { decryptFile, startsEncrypted } from './encryption';
import { fromJsonLines } from './json-lines';
import type { Manifest } from './manifest';
import { blobsOfDocument, emptyRecordSet, type RecordSet } from './record-set';

/** An exchange file, read and checked through: its records validated, the blobs the notebook lacks copied aside. */
export interface StagedBundle {
  manifest: Manifest;
  encrypted: boolean;
  /** The staging folder. */
  dir: string;
  records: RecordSet;
  /** Staged copies of blobs the notebook does not have, by SHA-256. */
  blobs: Map<string, { file: string; size: number }>;
  discard(): Promise<void>;
}

export interface StageOptions {
  passphrase?: string;
  limits?: ArchiveLimits;
  /** Where to stage: the notebook's folder, so applying is a rename; the OS temporary folder for a dry run, which writes nothing into the notebook. */
  stagingParent: string;
  hasBlob(sha256: string): boolean;
  watch?: ArchiveWatch;
}

/**
 * Read an exchange file (decrypting it first when it is encrypted) into a
 * staging folder. Every check happens here, before the notebook is touched:
 * the archive's structure and hashes, every record against its schema, and
 * that every blob a document needs is in the file or already in the notebook.
 */
export async function stageExchangeFile(file: string, options: StageOptions): Promise<StagedBundle> {
  const dir = path.join(options.stagingParent, `${STAGING_PREFIX}${randomBytes(6).toString('hex')}`);
  await mkdir(path.join(dir, 'blobs'), { recursive: true, mode: 0o700 }).catch((error: NodeJS.ErrnoException) => {
    throw new ApiError('INTERNAL', `Cannot stage the file in ${options.stagingParent}: ${error.code === 'EACCES' || error.code === 'EROFS' || error.code === 'EPERM' ? 'the folder is read-only' : error.message}. Nothing was imported.`);
  });
  const discard = () => rm(dir, { recursive: true, force: true });
  try {
    const encrypted = startsEncrypted(await readStart(file));
    let archive = file;
    if (encrypted) {
      if (!options.passphrase) throw new ApiError('PASSWORD_REQUIRED', 'This file is encrypted: give its passphrase to import it.');
      archive = path.join(dir, 'decrypted.zip');
      await decryptFile(file, archive, options.passphrase);
    }
    const records = emptyRecordSet();
    const blobs: StagedBundle['blobs'] = new Map();
    let referenced: Set<string> | undefined;
    const limits = options.limits ?? defaultArchiveLimits;
    const manifest = await readArchive(archive, limits, {
      async records(type, content, name) {
        const schema = recordSchemas[type];
        const seen = new Set<string>();
        const list = records[type] as unknown[];
        for await (const raw of fromJsonLines(content, limits.maxRecordLineBytes, name)) {
          const parsed = schema.safeParse(raw);
          if (!parsed.success) {
            const issue = parsed.error.issues[0];
            throw new ApiError('DAMAGED_FILE', `Record ${list.length + 1} of ${name} fails its schema${issue ? ` at ${issue.path.join('.') || 'record'}: ${issue.message}` : ''}. Nothing was imported.`);
          }
          if (seen.has(parsed.data.id)) throw new ApiError('DAMAGED_FILE', `${name} holds the record ${parsed.data.id} twice. Nothing was imported.`);
          seen.add(parsed.data.id);
          list.push(parsed.data);
        }
      },
      async blob(sha256, content) {
        // Records come first in the archive, so every blob a document names is known by now.
        referenced ??= new Set(records.documents.flatMap((document) => blobsOfDocument(document).map((ref) => ref.sha256)));
        // A blob no record names would stay in the notebook for good: it is not kept.
        if (!referenced.has(sha256) || options.hasBlob(sha256)) {
          // Still read through, so its hash is checked like every other entry.
          content.resume();
          await new Promise<void>((resolve, reject) => content.once('end', resolve).once('error', reject));
          return;
        }
        const target = stagedBlobPath(dir, sha256);
        blobs.set(sha256, { file: target, size: await writeDurably(content, target) });
      },
    }, options.watch);
    // The journal of the merge names these copies: they must outlast a crash as their folder's entries.
    for (const folder of [path.join(dir, 'blobs'), dir, options.stagingParent]) await fsyncDirectory(folder);
    for (const document of records.documents) {
      for (const ref of blobsOfDocument(document)) {
        if (!blobs.has(ref.sha256) && !options.hasBlob(ref.sha256)) {
          throw new ApiError('DAMAGED_FILE', `The content of “${document.title}” (${ref.sha256}) is neither in the file nor in this notebook. Nothing was imported.`);
        }
      }
      // Its hash only says the blob arrived as written: the reader must also be able to read it.
      const structure = document.structure === undefined ? undefined : blobs.get(document.structure.sha256);
      if (structure && !readStructureBlob(await readFile(structure.file, 'utf8'))) {
        throw new ApiError('DAMAGED_FILE', `The structure of “${document.title}” cannot be read. Nothing was imported.`);
      }
    }
    return { manifest, encrypted, dir, records, blobs, discard };
  } catch (error) {
    await discard();
    throw error;
  }
}

async function readStart(file: string): Promise<Buffer> {
  const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new ApiError('NOT_FOUND', `Cannot open ${file}: ${error.code === 'ENOENT' ? 'there is no such file' : error.message}.`);
  });
  try {
    const start = Buffer.alloc(16);
    const { bytesRead } = await handle.read(start, 0, start.length, 0);
    return start.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
