import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { ApiError } from '../../../shared/api/errors';

/**
 * A .docx is a zip of XML parts. mammoth reads it with JSZip, which inflates
 * whatever the archive holds and believes the sizes it declares, so the
 * archive is walked first with yauzl, which stops an entry that inflates
 * past its declared size: a zip bomb (declared sizes over the limit, or
 * lying about them) is refused here, before mammoth sees it.
 */
/** Against an archive of countless tiny parts: a Word file has a few dozen, plus its images. */
const MAX_ENTRIES = 10_000;
/** The one part read here, docProps/core.xml, is a few hundred bytes. */
const MAX_CORE_PROPERTIES_BYTES = 1024 * 1024;

const CORE_PROPERTIES = 'docProps/core.xml';

function damaged(fileName: string, why: string): ApiError {
  return new ApiError('DAMAGED_FILE', `${fileName} is not a readable Word document (${why}).`);
}

function openZip(bytes: Uint8Array, fileName: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (error, zip) => {
      if (error || zip === undefined) reject(damaged(fileName, 'it is not a zip archive'));
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

/**
 * Checks that `bytes` is a zip within the limits, inflating every entry once
 * (and keeping none), and returns the document's core properties part, if
 * it has one.
 */
export async function inspectDocx(bytes: Uint8Array, fileName: string, maxUnpackedBytes: number): Promise<{ coreProperties?: string }> {
  const zip = await openZip(bytes, fileName);
  // The central directory says how many entries there are before any is read.
  if (zip.entryCount > MAX_ENTRIES) {
    zip.close();
    throw new ApiError('FILE_TOO_LARGE', `${fileName} holds more than ${MAX_ENTRIES} parts, which no Word document needs.`);
  }
  let inflated = 0;
  let coreProperties: string | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', () => reject(damaged(fileName, 'its zip structure is broken')));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: Entry) => {
        inflated += entry.uncompressedSize;
        if (inflated > maxUnpackedBytes) {
          reject(new ApiError('FILE_TOO_LARGE', `${fileName} unpacks to more than ${(maxUnpackedBytes / 2 ** 20).toFixed(0)} MiB, which Fieldbook does not import.`));
          return;
        }
        const keep = entry.fileName === CORE_PROPERTIES && entry.uncompressedSize <= MAX_CORE_PROPERTIES_BYTES;
        readEntry(zip, entry, keep).then(
          (content) => {
            if (content !== undefined) coreProperties = content.toString('utf8');
            zip.readEntry();
          },
          // yauzl fails an entry that inflates past the size it declared.
          () => reject(damaged(fileName, `its part “${entry.fileName}” is damaged or larger than it says`)),
        );
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return coreProperties === undefined ? {} : { coreProperties };
}
