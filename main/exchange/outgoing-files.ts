import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { ApiError } from '../../shared/api/errors';
import type { Download } from '../../shared/exchange/transfer';
import { RecordId } from '../../shared/model/records';

/** An export nobody collected within this time is removed by the next export. */
const UNCLAIMED_MS = 60 * 60 * 1000;

/** A prepared file, found by its download id, for a host to hand over. */
export interface OutgoingFile {
  path: string;
  fileName: string;
  size: number;
}

/** How a host reaches the open notebook's outgoing files. */
export type Downloads = () => OutgoingFiles;

/** A file taken out to be streamed: `done` removes it once handed over, `release` puts it back when the handover failed, so it can be asked for again. */
export interface ClaimedFile extends OutgoingFile {
  done(): Promise<void>;
  release(): Promise<void>;
}

/**
 * Files main prepared for the person (exports), kept in the notebook's
 * `.outgoing/<id>/<file name>` until a host hands them over: Electron moves
 * one to the path its save dialog returns, the browser host streams one as a
 * download. The renderer only ever holds the id, never a path. They live
 * inside the notebook folder, not in a shared temporary folder, so an export
 * of a notebook on an encrypted disk stays on that disk.
 */
export class OutgoingFiles {
  readonly #root: string;

  constructor(notebookDir: string) {
    this.#root = path.join(notebookDir, '.outgoing');
  }

  /** A fresh place to write a file named after `title` (e.g. the notebook's name) with `extension` (".fieldbook"); it becomes a download once written. */
  async prepare(title: string, extension: string): Promise<{ id: string; path: string }> {
    await this.#sweep();
    const id = randomUUID();
    const dir = path.join(this.#root, id);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    return { id, path: path.join(dir, `${safeFileName(title)}${extension}`) };
  }

  async describe(id: string): Promise<Download> {
    const file = await this.find(id);
    return { id, fileName: file.fileName, size: file.size };
  }

  async find(id: string): Promise<OutgoingFile> {
    const dir = this.#dir(id);
    const [fileName] = await readdir(dir).catch(() => []);
    if (!fileName) throw gone();
    return { path: path.join(dir, fileName), fileName, size: (await stat(path.join(dir, fileName))).size };
  }

  /** Take a file to stream it out (see handOver): a second request for it finds nothing while this one is under way. */
  async claim(id: string): Promise<ClaimedFile> {
    const dir = this.#dir(id);
    const claimed = `${dir}.claimed`;
    await rename(dir, claimed).catch(() => {
      throw gone();
    });
    const [fileName] = await readdir(claimed);
    if (!fileName) throw gone();
    const file = path.join(claimed, fileName);
    return { path: file, fileName, size: (await stat(file)).size, done: () => rm(claimed, { recursive: true, force: true }), release: () => rename(claimed, dir) };
  }

  /** Move the file where the person chose to save it (a copy when that is another disk). */
  async deliverTo(id: string, target: string): Promise<void> {
    const file = await this.find(id);
    try {
      await rename(file.path, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw new ApiError('BAD_REQUEST', `Cannot save to ${target}: ${(error as Error).message}`);
      await copyFile(file.path, target);
    }
    await this.discard(id);
  }

  async discard(id: string): Promise<void> {
    await rm(this.#dir(id), { recursive: true, force: true });
  }

  #dir(id: string): string {
    if (!RecordId.safeParse(id).success) throw gone();
    return path.join(this.#root, id);
  }

  async #sweep(): Promise<void> {
    const now = Date.now();
    for (const id of await readdir(this.#root).catch(() => [])) {
      const info = await stat(path.join(this.#root, id)).catch(() => undefined);
      if (info && now - info.mtimeMs > UNCLAIMED_MS) await rm(path.join(this.#root, id), { recursive: true, force: true });
    }
  }
}

/**
 * Streams a claimed file into `sink` (a response whose headers are sent) and
 * settles whether it was handed over. Once every byte has been written to the
 * connection it has been: the file is removed when the response finishes,
 * and also when the connection closes first, because a client that hangs up
 * right after reading the body does so before Node hears that its last write
 * reached the kernel, and putting the file back then would let it be
 * downloaded twice. Only a connection that closes before the whole body was
 * written puts the file back; that rejects.
 */
export async function handOver(file: ClaimedFile, sink: Writable): Promise<void> {
  let written = 0;
  try {
    for await (const chunk of createReadStream(file.path)) {
      if (sink.destroyed) throw new Error('The connection closed before the file was sent.');
      const room = sink.write(chunk);
      written += (chunk as Buffer).length;
      if (!room) await drained(sink);
    }
    sink.end();
    await finished(sink);
  } catch (error) {
    if (written < file.size) {
      await file.release();
      throw error;
    }
  }
  await file.done();
}

function drained(sink: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      sink.off('close', onClose);
      resolve();
    };
    const onClose = () => {
      sink.off('drain', onDrain);
      reject(new Error('The connection closed before the file was sent.'));
    };
    sink.once('drain', onDrain);
    sink.once('close', onClose);
  });
}

/** Names come from the notebook's or a record's name: keep them readable, but never a path. */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
    // No hidden file, and nothing that reads as "." or "..".
    .replace(/^[.\s]+/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return [...cleaned].slice(0, 120).join('') || 'Fieldbook export';
}

function gone(): ApiError {
  return new ApiError('NOT_FOUND', 'That export is no longer waiting to be saved; export again.');
}
