import { createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A new file the stream is written into, which must not exist yet. */
export function newFileStream(file: string) {
  return createWriteStream(file, { flags: 'wx', mode: 0o600 });
}

/** Flush a written file to the disk, so a rename that publishes it cannot outlive its content in a crash. */
export async function syncFile(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

/** Stream into a new file and make it durable; resolves to the bytes written. */
export async function writeDurably(content: Readable | Transform, file: string): Promise<number> {
  const sink = newFileStream(file);
  await pipeline(content, sink);
  await syncFile(file);
  return sink.bytesWritten;
}
