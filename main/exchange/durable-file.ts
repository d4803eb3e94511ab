import { createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';

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

/**
 * Stream into a new file and make it durable; resolves to the bytes written.
 * One handle does it all (open, write, sync, close): a merge stages tens of
 * thousands of small blobs, and a write stream and a second open to sync
 * doubled what each cost.
 */
export async function writeDurably(content: AsyncIterable<Buffer>, file: string): Promise<number> {
  const handle = await open(file, 'wx', 0o600);
  try {
    let size = 0;
    for await (const chunk of content) {
      await handle.write(chunk);
      size += chunk.byteLength;
    }
    await handle.datasync();
    return size;
  } finally {
    await handle.close();
  }
}
