import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../shared/api/errors';
import type { RecordType } from '../../shared/model/records';
import { appVersion } from '../app/version';
import type { NotebookStore } from '../notebook/notebook-store';
import { writeArchive, type ArchiveEntrySource } from './archive-writer';
import { newFileStream, syncFile } from './durable-file';
import { encryptingStream } from './encryption';
import { toJsonLines } from './json-lines';
import { blobPath, EXCHANGE_FORMAT, EXCHANGE_FORMAT_VERSION, recordsPath, type Manifest } from './manifest';
import { blobsOfDocument, readAllRecords, recordTypes } from './record-set';
import type { ExportSelection } from '../../shared/exchange/selection';
import { MIN_PASSPHRASE_LENGTH } from '../../shared/exchange/transfer';
import { selectRecords } from './selection';

export interface ExportOptions {
  selection?: ExportSelection;
  /** Encrypt the whole file with this passphrase. */
  passphrase?: string;
  /** The exporting user's display name, for the manifest. */
  author: string;
}

export interface ExportResult {
  file: string;
  manifest: Manifest;
  counts: Record<RecordType, number>;
  encrypted: boolean;
}

/**
 * Write the notebook, or a selection of it, to one exchange file. The file
 * is written beside its destination and renamed over it once complete and
 * durable, so a failed export never leaves a half file under the real name.
 */
export async function exportNotebook(store: NotebookStore, outFile: string, options: ExportOptions): Promise<ExportResult> {
  if (options.passphrase !== undefined && [...options.passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw new ApiError('BAD_REQUEST', `A passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters; a longer one protects the file better.`);
  }
  const { records, description } = selectRecords(await readAllRecords(store), options.selection ?? {});
  const entries: ArchiveEntrySource[] = recordTypes.map((type) => ({ path: recordsPath(type), compress: true, open: () => toJsonLines(records[type]) }));
  const seen = new Set<string>();
  for (const ref of records.documents.flatMap(blobsOfDocument)) {
    if (seen.has(ref.sha256)) continue;
    seen.add(ref.sha256);
    entries.push({ path: blobPath(ref.sha256), compress: compressible(ref.mediaType), expectedSha256: ref.sha256, open: () => createReadStream(store.blobs.pathOf(ref.sha256), { highWaterMark: 2 ** 20 }) });
  }

  const target = path.resolve(outFile);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.partial`);
  const sink = newFileStream(temp);
  const opened = new Promise<void>((resolve, reject) => sink.once('open', () => resolve()).once('error', reject));
  try {
    await opened.catch((error: NodeJS.ErrnoException) => {
      throw new ApiError('BAD_REQUEST', `Cannot write ${target}: ${error.message}`);
    });
    const encryptor = options.passphrase !== undefined ? await encryptingStream(options.passphrase) : undefined;
    const manifest = await writeArchive(
      entries,
      {
        format: EXCHANGE_FORMAT,
        formatVersion: EXCHANGE_FORMAT_VERSION,
        appVersion,
        author: options.author.slice(0, 120),
        createdAt: new Date().toISOString(),
        notebookName: store.info.name,
        selection: description,
      },
      sink,
      encryptor,
    );
    await syncFile(temp);
    await rename(temp, target);
    const counts = Object.fromEntries(recordTypes.map((type) => [type, records[type].length])) as Record<RecordType, number>;
    return { file: target, manifest, counts, encrypted: encryptor !== undefined };
  } catch (error) {
    sink.destroy();
    await rm(temp, { force: true });
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ApiError('NOTEBOOK_INVALID', `Content the export needs is missing from the notebook (${(error as Error).message}); run "fieldbook doctor".`);
    throw error;
  }
}

/** PDFs and images are compressed already; deflating them again costs time for nothing. */
function compressible(mediaType: string): boolean {
  return /^(text\/|application\/(json|xhtml\+xml|xml)|image\/svg)/.test(mediaType);
}
