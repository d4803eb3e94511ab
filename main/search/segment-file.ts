import { z } from 'zod';
import { EntryMeta } from './entry-meta';

/**
 * A segment as bytes, on disk and between the build worker and main: a JSON
 * header (the entries and the sorted terms) and, after it, the postings of
 * each field as flat arrays. Loading is a JSON parse of the header and typed
 * array views over the rest: no object per posting, so a notebook with
 * millions of postings opens in a blink and holds them compactly.
 *
 * Layout: "FBS2", header length (uint32 LE), header, padding to 4 bytes, then
 * per field in `header.fields` order: offsets (uint32 × terms+1), entries
 * (uint32 × postings), weights (float32 × postings); then the document
 * frequency of each term (uint32 × terms).
 */

const MAGIC = 'FBS2';

export const SegmentHeader = z.object({
  entries: z.array(EntryMeta),
  terms: z.array(z.string()),
  fields: z.array(z.object({ name: z.string(), postings: z.number().int().nonnegative() })),
});
export type SegmentHeader = z.infer<typeof SegmentHeader>;

/** The postings of one field: for term t, entries[offsets[t] .. offsets[t+1]) in ascending order, with their weights. */
export interface FieldPostings {
  offsets: Uint32Array;
  entries: Uint32Array;
  weights: Float32Array;
}

export interface SegmentContent {
  header: SegmentHeader;
  fields: Map<string, FieldPostings>;
  /** Entries holding each term, in any field. */
  df: Uint32Array;
}

export function encodeSegment(content: SegmentContent): Uint8Array {
  const header = Buffer.from(JSON.stringify(content.header), 'utf8');
  const start = align(8 + header.length);
  const arrays: ArrayBufferView[] = [];
  for (const { name } of content.header.fields) {
    const postings = content.fields.get(name);
    if (!postings) throw new Error(`No postings for field ${name}`);
    arrays.push(postings.offsets, postings.entries, postings.weights);
  }
  arrays.push(content.df);
  const size = arrays.reduce((sum, array) => sum + array.byteLength, start);
  const bytes = new Uint8Array(new ArrayBuffer(size));
  bytes.set(Buffer.from(MAGIC, 'latin1'), 0);
  new DataView(bytes.buffer).setUint32(4, header.length, true);
  bytes.set(header, 8);
  let at = start;
  for (const array of arrays) {
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
    at += array.byteLength;
  }
  return bytes;
}

/** Read a segment's bytes; throws a plain Error naming what is wrong, and the index is then rebuilt. */
export function decodeSegment(bytes: Uint8Array): SegmentContent {
  if (bytes.byteLength < 8 || Buffer.from(bytes.buffer, bytes.byteOffset, 4).toString('latin1') !== MAGIC) throw new Error('not a search segment');
  // Typed array views need 4-byte alignment within their buffer: copy when the bytes do not start on it.
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const view = new DataView(aligned.buffer, aligned.byteOffset, aligned.byteLength);
  const headerLength = view.getUint32(4, true);
  if (8 + headerLength > aligned.byteLength) throw new Error('segment header is truncated');
  const header = SegmentHeader.parse(JSON.parse(Buffer.from(aligned.buffer, aligned.byteOffset + 8, headerLength).toString('utf8')));
  const termCount = header.terms.length;
  let at = aligned.byteOffset + align(8 + headerLength);
  const end = aligned.byteOffset + aligned.byteLength;
  const take = <T>(make: (buffer: ArrayBufferLike, offset: number, length: number) => T, length: number): T => {
    if (at + length * 4 > end) throw new Error('segment postings are truncated');
    const array = make(aligned.buffer, at, length);
    at += length * 4;
    return array;
  };
  const fields = new Map<string, FieldPostings>();
  for (const { name, postings } of header.fields) {
    const offsets = take((b, o, l) => new Uint32Array(b, o, l), termCount + 1);
    if (offsets[termCount] !== postings) throw new Error(`segment offsets of ${name} do not add up`);
    fields.set(name, { offsets, entries: take((b, o, l) => new Uint32Array(b, o, l), postings), weights: take((b, o, l) => new Float32Array(b, o, l), postings) });
  }
  const df = take((b, o, l) => new Uint32Array(b, o, l), termCount);
  if (at !== end) throw new Error('segment has trailing bytes');
  return { header, fields, df };
}

function align(offset: number): number {
  return Math.ceil(offset / 4) * 4;
}
