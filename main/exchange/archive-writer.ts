import { Readable, type Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { ApiError } from '../../shared/api/errors';
import { hashingStream } from './hashing-stream';
import { MANIFEST_PATH, type Manifest, type ManifestEntry } from './manifest';

export interface ArchiveEntrySource {
  path: string;
  /** Already-compressed content (PDFs, images) is stored as is: deflating it again costs time and saves nothing. */
  compress: boolean;
  open(): Readable;
  /** Blobs: the hash their name promises; a stored blob that no longer matches stops the export rather than travel damaged. */
  expectedSha256?: string;
}

/**
 * Write a zip of `entries` to `sink`, streaming each entry through a hash,
 * then the manifest listing every entry with its SHA-256 and size. The
 * manifest is the last entry because its hashes are only known once the
 * others have been read; readers find it through the central directory.
 * `through` (encryption) sits between the zip and the sink.
 */
export async function writeArchive(entries: readonly ArchiveEntrySource[], manifest: Omit<Manifest, 'entries'>, sink: Writable, through?: Transform): Promise<Manifest> {
  const zip = new ZipFile();
  const listed: ManifestEntry[] = [];
  let failure: Error | undefined;
  const fail = (error: Error) => {
    failure ??= error;
    zip.emit('error', error);
  };
  const mtime = new Date(manifest.createdAt);

  for (const entry of entries) {
    zip.addReadStreamLazy(entry.path, { compress: entry.compress, mtime }, (callback) => {
      const hasher = hashingStream((sha256, size) => {
        if (entry.expectedSha256 && sha256 !== entry.expectedSha256) {
          fail(new ApiError('NOTEBOOK_INVALID', `The notebook's content ${entry.expectedSha256} is damaged (its hash no longer matches); run "fieldbook doctor" before exporting.`));
          return;
        }
        listed.push({ path: entry.path, sha256, size });
      });
      const source = entry.open();
      pipeline(source, hasher).catch((error: unknown) => fail(error instanceof Error ? error : new Error(String(error))));
      callback(null, hasher);
    });
  }

  let complete: Manifest | undefined;
  zip.addReadStreamLazy(MANIFEST_PATH, { compress: true, mtime }, (callback) => {
    complete = { ...manifest, entries: listed };
    callback(null, Readable.from([Buffer.from(JSON.stringify(complete), 'utf8')]));
  });
  zip.end();

  // `on`, not `once`: a second failure (a source erring after a hash mismatch) must not go unheard.
  const zipFailed = new Promise<never>((_, reject) => zip.on('error', reject));
  const written = through ? pipeline(zip.outputStream, through, sink) : pipeline(zip.outputStream, sink);
  try {
    await Promise.race([written, zipFailed]);
  } catch (error) {
    // Stop writing: the caller removes the partial file.
    written.catch(() => undefined);
    (zip.outputStream as Readable).destroy();
    sink.destroy();
    throw failure ?? error;
  }
  if (failure) throw failure;
  if (!complete) throw new ApiError('INTERNAL', 'The archive ended before its manifest was written.');
  return complete;
}
