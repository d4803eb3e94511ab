import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';

/** Pass bytes through unchanged, reporting their SHA-256 and count when they end. */
export function hashingStream(onEnd: (sha256: string, size: number) => void): Transform {
  const hash = createHash('sha256');
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      size += chunk.byteLength;
      callback(null, chunk);
    },
    flush(callback) {
      onEnd(hash.digest('hex'), size);
      callback();
    },
  });
}
