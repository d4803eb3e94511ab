import { randomBytes } from 'node:crypto';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handOver, OutgoingFiles } from '../../../../main/exchange/outgoing-files';
import { makeTempDir } from '../../../support/temp-dir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let outgoing: OutgoingFiles;
let id: string;
const contents = randomBytes(300 * 1024);

beforeEach(async () => {
  temp = await makeTempDir();
  outgoing = new OutgoingFiles(temp.dir);
  const prepared = await outgoing.prepare('Field notes', '.fieldbook');
  await writeFile(prepared.path, contents);
  id = prepared.id;
});
afterEach(() => temp.remove());

/**
 * A connection whose client hangs up once it has `hangUpAfter` bytes: the
 * last write is never acknowledged and the response never finishes, as when
 * the socket closes before Node has heard back from the kernel.
 */
function connection(hangUpAfter: number): { sink: Writable; received: () => number } {
  let received = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      received += chunk.length;
      if (received >= hangUpAfter) sink.destroy();
      else callback();
    },
  });
  return { sink, received: () => received };
}

const leftInOutgoing = async () => readdir(path.join(temp.dir, '.outgoing'));

describe('a download is handed over once', () => {
  it('is removed after the whole body went out and the response finished', async () => {
    const chunks: Buffer[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _encoding, callback) => (chunks.push(chunk), callback()) });
    await handOver(await outgoing.claim(id), sink);
    expect(Buffer.concat(chunks).equals(contents)).toBe(true);
    expect(await leftInOutgoing()).toEqual([]);
  });

  it('is not put back when the client closes right after reading the whole body', async () => {
    const { sink, received } = connection(contents.length);
    await handOver(await outgoing.claim(id), sink);
    expect(received()).toBe(contents.length);
    await expect(outgoing.claim(id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await leftInOutgoing()).toEqual([]);
  });

  it('is put back, whole, when the connection closes before the body went out', async () => {
    const { sink } = connection(64 * 1024);
    await expect(handOver(await outgoing.claim(id), sink)).rejects.toThrow();
    const again = await outgoing.claim(id);
    expect(again.size).toBe(contents.length);
    await again.release();
  });
});
