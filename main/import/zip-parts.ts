import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { ApiError } from '../../shared/api/errors';

/**
 * Documents that are zips of parts (.docx, .epub) are read with yauzl, which
 * works from the central directory and stops an entry that inflates past its
 * declared size, so a zip bomb (declared sizes over the limit, or lying
 * about them) is refused before anything else reads the archive. Every
 * entry is inflated once, whether kept or not, for that check: mammoth's
 * JSZip, for one, believes the sizes an archive declares.
 */
/** Against an archive of countless tiny parts: a Word file or a book has a few dozen to a few thousand. */
const MAX_ENTRIES = 10_000;

export interface ZipReading {
  fileName: string;
  /** What the file should be, for messages: "Word document", "e-book". */
  format: string;
  maxUnpackedBytes: number;
  /** Which parts to keep in memory, by their path in the archive and declared size. */
  keep: (name: string, size: number) => boolean;
}

function damaged(reading: ZipReading, why: string): ApiError {
  return new ApiError('DAMAGED_FILE', `${reading.fileName} is not a readable ${reading.format} (${why}).`);
}

function openZip(bytes: Uint8Array, reading: ZipReading): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (error, zip) => {
      if (error || zip === undefined) reject(damaged(reading, 'it is not a zip archive'));
      else resolve(zip);
    });
  });
}

function readEntry(zip: ZipFile, entry: Entry, keep: boolean): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream: Readable | undefined) => {
      if (error || stream === undefined) {
        reject(error ?? new Error('no stream'));
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        if (keep) chunks.push(chunk);
      });
      stream.on('error', reject);
      stream.on('end', () => resolve(keep ? Buffer.concat(chunks) : undefined));
    });
  });
}

/** The parts of the zip `bytes` that `reading.keep` asks for, once the whole archive has passed the limits. */
export async function readZipParts(bytes: Uint8Array, reading: ZipReading): Promise<Map<string, Uint8Array>> {
  const { fileName, format, maxUnpackedBytes } = reading;
  const zip = await openZip(bytes, reading);
  // The central directory says how many entries there are before any is read.
  if (zip.entryCount > MAX_ENTRIES) {
    zip.close();
    throw new ApiError('FILE_TOO_LARGE', `${fileName} holds more than ${MAX_ENTRIES} parts, which no ${format} needs.`);
  }
  let inflated = 0;
  const parts = new Map<string, Uint8Array>();
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', () => reject(damaged(reading, 'its zip structure is broken')));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: Entry) => {
        inflated += entry.uncompressedSize;
        if (inflated > maxUnpackedBytes) {
          reject(new ApiError('FILE_TOO_LARGE', `${fileName} unpacks to more than ${(maxUnpackedBytes / 2 ** 20).toFixed(0)} MiB, which Fieldbook does not import.`));
          return;
        }
        const keep = !entry.fileName.endsWith('/') && reading.keep(entry.fileName, entry.uncompressedSize);
        readEntry(zip, entry, keep).then(
          (content) => {
            if (content !== undefined) parts.set(entry.fileName, new Uint8Array(content));
            zip.readEntry();
          },
          // yauzl fails an entry that inflates past the size it declared.
          () => reject(damaged(reading, `its part “${entry.fileName}” is damaged or larger than it says`)),
        );
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return parts;
}
