import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { z } from 'zod';
import { ApiError } from '../../shared/api/errors';
import type { RecordType } from '../../shared/model/records';
import type { ArchiveLimits } from './archive-limits';
import { hashingStream } from './hashing-stream';
import { eachConcurrently } from '../notebook/storage/each-concurrently';
import { EXCHANGE_FORMAT, EXCHANGE_FORMAT_VERSION, entryKind, Manifest, MANIFEST_PATH, type EntryKind } from './manifest';

/** What the reader hands each verified entry to. Nothing it is given is trusted until `readArchive` resolves. */
export interface ArchiveVisitor {
  records(type: RecordType, content: Readable, path: string): Promise<void>;
  blob(sha256: string, content: Readable): Promise<void>;
}

/** Who waits on a long read: told how many entries are through, and able to stop it between entries. */
export interface ArchiveWatch {
  signal?: AbortSignal;
  progress?(done: number, total: number): void;
}

/** Blobs read, checked and handed to the visitor side by side: one at a time, a file of 100,000 small blobs took minutes of waiting on the disk. */
const BLOBS_AT_ONCE = 16;

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFREG = 0o100000;
const STORED = 0;
const DEFLATED = 8;

function damaged(message: string): ApiError {
  return new ApiError('DAMAGED_FILE', `${message} Nothing was imported.`);
}

/**
 * Read a Fieldbook archive with yauzl, which works from the central
 * directory: every entry's name, type and sizes are checked against the
 * limits before any is inflated, and yauzl stops an entry that inflates past
 * the size it declared, so the checks hold for what is actually written. The
 * manifest is read first; each entry is then hashed as it streams and must
 * match it.
 */
export async function readArchive(file: string, limits: ArchiveLimits, visitor: ArchiveVisitor, watch: ArchiveWatch = {}): Promise<Manifest> {
  const zip = await openZip(file);
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new ApiError('FILE_TOO_LARGE', `The file has ${zip.entryCount} entries; at most ${limits.maxEntries} are accepted. Nothing was imported.`);
    }
    const entries = await checkedEntries(zip, limits);
    const manifestEntry = entries.get(MANIFEST_PATH);
    if (!manifestEntry) throw damaged('The file has no manifest: it is not a Fieldbook file, or it is damaged.');
    if (manifestEntry.entry.uncompressedSize > manifestBytesFor(entries.size, limits)) {
      throw new ApiError('FILE_TOO_LARGE', `The manifest is larger than any Fieldbook writes for ${entries.size} entries. Nothing was imported.`);
    }
    const manifest = parseManifest(await readWhole(zip, manifestEntry.entry));
    const declared = manifest.entries.reduce((sum, listedEntry) => sum + listedEntry.size, 0);
    if (manifest.entries.length > limits.maxEntries || declared > limits.maxTotalBytes) {
      throw new ApiError('FILE_TOO_LARGE', `The manifest declares ${manifest.entries.length} entries of ${declared} bytes in all; at most ${limits.maxEntries} entries and ${limits.maxTotalBytes} bytes are accepted. Nothing was imported.`);
    }
    // Whatever the zip's own headers say, no more is inflated than the manifest declares.
    let budget = declared;

    const listed = new Map(manifest.entries.map((listedEntry) => [listedEntry.path, listedEntry]));
    if (listed.size !== manifest.entries.length) throw damaged('The manifest lists an entry twice.');
    for (const path of entries.keys()) {
      if (path !== MANIFEST_PATH && !listed.has(path)) throw damaged(`The entry ${path} is not in the manifest.`);
    }
    for (const [path, expected] of listed) {
      const found = entries.get(path);
      if (!found) throw damaged(`The manifest lists ${path}, which the file does not contain (it may be truncated).`);
      if (found.entry.uncompressedSize !== expected.size) throw damaged(`The size of ${path} does not match the manifest.`);
    }

    // Records first, so a schema failure stops the read before any blob is copied, and the blobs records name are known before any arrives.
    const ordered = [...entries.values()].filter(({ kind }) => kind.kind !== 'manifest');
    let done = 0;
    const readEntry = async ({ entry, kind }: CheckedEntry) => {
      if (watch.signal?.aborted) throw new ApiError('CANCELLED', 'The merge was cancelled. Nothing was imported.');
      const expected = listed.get(entry.fileName);
      let actual = '';
      const hasher = hashingStream((sha256) => (actual = sha256));
      const content = await openEntry(zip, entry);
      const spend = byteBudget(() => budget, (used) => (budget -= used));
      // The pipeline hands an error of the entry (even one raised before now) to the visitor through the hasher.
      pipeline(content, spend, hasher).catch(() => undefined);
      await (kind.kind === 'records' ? visitor.records(kind.type, hasher, entry.fileName) : kind.kind === 'blob' ? visitor.blob(kind.sha256, hasher) : Promise.resolve()).catch((error: unknown) => {
        throw mapZipError(error);
      });
      if (actual !== expected?.sha256) throw damaged(`The content of ${entry.fileName} does not match its SHA-256 in the manifest: the file was changed or damaged.`);
      if (kind.kind === 'blob' && actual !== kind.sha256) throw damaged(`The blob ${entry.fileName} does not match its own name.`);
      done += 1;
      watch.progress?.(done, ordered.length);
    };
    for (const records of ordered.filter(({ kind }) => kind.kind === 'records')) await readEntry(records);
    await eachConcurrently(
      ordered.filter(({ kind }) => kind.kind === 'blob'),
      BLOBS_AT_ONCE,
      readEntry,
    );
    return manifest;
  } finally {
    zip.close();
  }
}

/**
 * The most a manifest of `entries` entries can take: its fixed fields (the
 * selection in words, names) and one line per entry, each well under the
 * allowance. A larger one is padding, which only costs the reader memory.
 */
function manifestBytesFor(entries: number, limits: ArchiveLimits): number {
  return Math.min(limits.maxManifestBytes, 64 * 1024 + entries * 512);
}

/** Passes bytes through while the budget lasts; an entry that would overdraw it fails. */
function byteBudget(left: () => number, spend: (bytes: number) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (chunk.byteLength > left()) return callback(damaged('The file inflates to more than its manifest declares, as a zip bomb does.'));
      spend(chunk.byteLength);
      callback(null, chunk);
    },
  });
}

function openZip(file: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false, strictFileNames: true, validateEntrySizes: true }, (error, zip) => {
      if (error) reject(mapZipError(error));
      else resolve(zip);
    });
  });
}

function mapZipError(error: unknown): Error {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/absolute path|relative path|invalid characters/i.test(message)) return damaged(`The file contains an entry with an unsafe name (${message}).`);
  if (/central directory|signature|unexpected EOF|truncated/i.test(message)) return damaged(`The file is truncated or is not a Fieldbook file (${message}).`);
  if (/too many bytes|uncompressedSize|expected/i.test(message)) return damaged(`An entry inflates to more than it declared, as a zip bomb does (${message}).`);
  return damaged(`The file could not be read as a Fieldbook file (${message}).`);
}

interface CheckedEntry {
  entry: Entry;
  kind: EntryKind;
}

function checkedEntries(zip: ZipFile, limits: ArchiveLimits): Promise<Map<string, CheckedEntry>> {
  return new Promise((resolve, reject) => {
    const found = new Map<string, CheckedEntry>();
    let total = 0;
    let records = 0;
    zip.on('entry', (entry: Entry) => {
      try {
        const name = entry.fileName;
        const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
        if (mode === S_IFLNK) throw damaged(`The entry ${name} is a link; Fieldbook files never contain links.`);
        if (mode !== 0 && mode !== S_IFREG) throw damaged(`The entry ${name} is not a plain file.`);
        const kind = entryKind(name);
        if (!kind) throw damaged(`The entry ${JSON.stringify(name)} is not one a Fieldbook file may hold.`);
        if (found.has(name)) throw damaged(`The entry ${name} appears twice.`);
        if ((entry.generalPurposeBitFlag & 1) !== 0) throw damaged(`The entry ${name} uses zip encryption, which Fieldbook files never do.`);
        if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED) throw damaged(`The entry ${name} uses an unknown compression method.`);
        const size = entry.uncompressedSize;
        if (size > limits.maxEntryBytes) throw new ApiError('FILE_TOO_LARGE', `The entry ${name} would inflate to ${size} bytes; at most ${limits.maxEntryBytes} are accepted. Nothing was imported.`);
        total += size;
        if (kind.kind === 'records') records += size;
        if (records > limits.maxRecordsBytes) throw new ApiError('FILE_TOO_LARGE', `The file's records would take more than ${limits.maxRecordsBytes} bytes. Nothing was imported.`);
        if (total > limits.maxTotalBytes) throw new ApiError('FILE_TOO_LARGE', `The file would inflate to more than ${limits.maxTotalBytes} bytes. Nothing was imported.`);
        if (size / Math.max(1, entry.compressedSize) > limits.maxRatio) {
          throw new ApiError('FILE_TOO_LARGE', `The entry ${name} inflates ${Math.round(size / Math.max(1, entry.compressedSize))} times its stored size, as a zip bomb does; at most ${limits.maxRatio} is accepted. Nothing was imported.`);
        }
        found.set(name, { entry, kind });
        zip.readEntry();
      } catch (error) {
        reject(error);
      }
    });
    zip.once('end', () => resolve(found));
    zip.once('error', (error: unknown) => reject(mapZipError(error)));
    zip.readEntry();
  });
}

function openEntry(zip: ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(mapZipError(error));
      // yauzl starts inflating at once: an entry that overruns its size can fail before the caller listens; it is read from stream.errored then.
      stream.on('error', () => undefined);
      resolve(stream);
    });
  });
}

async function readWhole(zip: ZipFile, entry: Entry): Promise<Buffer> {
  const chunks: Buffer[] = [];
  try {
    await pipeline(await openEntry(zip, entry), async (source: AsyncIterable<Buffer>) => {
      for await (const chunk of source) chunks.push(chunk);
    });
  } catch (error) {
    throw mapZipError(error);
  }
  return Buffer.concat(chunks);
}

function parseManifest(bytes: Buffer): Manifest {
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw damaged('The manifest is not valid JSON.');
  }
  // The version is read before the full schema, so a newer file is named as such rather than as damaged.
  const versioned = z.object({ format: z.string(), formatVersion: z.number() }).loose().safeParse(data);
  if (!versioned.success || versioned.data.format !== EXCHANGE_FORMAT) throw damaged('The manifest is not a Fieldbook manifest.');
  if (versioned.data.formatVersion > EXCHANGE_FORMAT_VERSION) {
    throw new ApiError(
      'UNSUPPORTED_FILE',
      `This file was written by a newer Fieldbook (exchange format ${versioned.data.formatVersion}; this version reads up to ${EXCHANGE_FORMAT_VERSION}). Update Fieldbook to import it; nothing was imported.`,
    );
  }
  const parsed = Manifest.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw damaged(`The manifest does not match its format${issue ? ` at ${issue.path.join('.') || 'top level'}: ${issue.message}` : ''}.`);
  }
  return parsed.data;
}
