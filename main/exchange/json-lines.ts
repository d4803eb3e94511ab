import { Readable } from 'node:stream';
import { ApiError } from '../../shared/api/errors';

const BATCH_CHARS = 256 * 1024;

/** Records as JSON Lines: one record a line, so neither side ever holds one giant JSON string. Lines go out in batches, since a stream chunk per small record costs more than the record. */
export function toJsonLines(records: Iterable<unknown>): Readable {
  return Readable.from(
    (function* () {
      let batch: string[] = [];
      let size = 0;
      for (const record of records) {
        const line = `${JSON.stringify(record)}\n`;
        batch.push(line);
        size += line.length;
        if (size >= BATCH_CHARS) {
          yield Buffer.from(batch.join(''), 'utf8');
          batch = [];
          size = 0;
        }
      }
      if (batch.length > 0) yield Buffer.from(batch.join(''), 'utf8');
    })(),
    { objectMode: false },
  );
}

/** Parse JSON Lines, refusing any line longer than `maxLineBytes` before buffering more of it. */
export async function* fromJsonLines(source: AsyncIterable<Buffer>, maxLineBytes: number, name: string): AsyncGenerator<unknown> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let lineNumber = 0;
  const parse = (line: Buffer): unknown => {
    lineNumber += 1;
    try {
      return JSON.parse(line.toString('utf8'));
    } catch (error) {
      throw new ApiError('DAMAGED_FILE', `${name}, line ${lineNumber}, is not valid JSON (${(error as Error).message}); nothing was imported.`);
    }
  };
  for await (const chunk of source) {
    let start = 0;
    for (let end = chunk.indexOf(0x0a); end !== -1; end = chunk.indexOf(0x0a, start)) {
      const piece = chunk.subarray(start, end);
      if (pendingBytes + piece.byteLength > maxLineBytes) throw tooLong(name, lineNumber + 1, maxLineBytes);
      const line = pending.length > 0 ? Buffer.concat([...pending, piece]) : piece;
      pending = [];
      pendingBytes = 0;
      start = end + 1;
      if (line.byteLength > 0) yield parse(line);
    }
    const rest = chunk.subarray(start);
    pendingBytes += rest.byteLength;
    if (pendingBytes > maxLineBytes) throw tooLong(name, lineNumber + 1, maxLineBytes);
    if (rest.byteLength > 0) pending.push(rest);
  }
  if (pendingBytes > 0) yield parse(Buffer.concat(pending));
}

function tooLong(name: string, line: number, max: number): ApiError {
  return new ApiError('FILE_TOO_LARGE', `${name}, line ${line}, is longer than ${max} bytes, more than any record can be; nothing was imported.`);
}
