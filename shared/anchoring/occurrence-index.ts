import { findExactOccurrences } from './text-quote';

/** Finds every start offset of a needle in one text, overlapping occurrences included, in ascending order. */
export interface OccurrenceFinder {
  readonly text: string;
  occurrences(needle: string): number[];
}

/** No set-up cost; each look-up scans the whole text (about 1 ms per MB for prose). Right for a few look-ups. */
export function scanningFinder(text: string): OccurrenceFinder {
  return { text, occurrences: (needle) => findExactOccurrences(text, needle) };
}

/** Grams are this many code units long, and only every STEP-th one is indexed. */
const GRAM_LENGTH = 8;
const STEP = 4;
/** Needles at least this long are looked up in a GramIndex; shorter ones are scanned for. */
export const INDEXED_NEEDLE_LENGTH = GRAM_LENGTH + STEP - 1;

const HASH_BASE = 31;
// HASH_BASE ** (GRAM_LENGTH - 1) modulo 2^32, to drop the outgoing character from the rolling hash.
const OUTGOING_FACTOR = Array.from({ length: GRAM_LENGTH - 1 }).reduce<number>((factor) => Math.imul(factor, HASH_BASE), 1);

/**
 * Where the grams starting at every STEP-th offset occur, bucketed by a
 * rolling hash. Building costs one pass over the text and 2 bytes per
 * character (indexing every gram would cost four times the memory and
 * scattered writes, for look-ups that are already cheap). A needle of
 * INDEXED_NEEDLE_LENGTH or more holds, wherever it occurs, an indexed gram at
 * one offset in each residue class modulo STEP, so following the rarest gram
 * of each class finds every occurrence while visiting a few dozen positions
 * instead of scanning the text: that is what makes a thousand look-ups, most
 * of them failing, cheap.
 */
export class GramIndex implements OccurrenceFinder {
  readonly text: string;
  readonly #shift: number;
  /** Positions of bucket b are positions[bucketStart[b]] … positions[bucketStart[b + 1] - 1], ascending. */
  readonly #bucketStart: Int32Array;
  readonly #positions: Int32Array;

  constructor(text: string) {
    this.text = text;
    const hashes = gramHashes(text, STEP);
    // About 32 grams per bucket: following a bucket then costs a few dozen comparisons, and the bucket
    // table stays small enough (at most 2^16 entries) for the build's scattered writes to hit the cache.
    const bits = Math.min(16, Math.max(4, Math.ceil(Math.log2(hashes.length + 1)) - 5));
    this.#shift = 32 - bits;
    const starts = new Int32Array((1 << bits) + 1);
    for (const hash of hashes) {
      const bucket = hash >>> this.#shift;
      starts[bucket + 1] = (starts[bucket + 1] as number) + 1;
    }
    for (let b = 1; b < starts.length; b += 1) starts[b] = (starts[b] as number) + (starts[b - 1] as number);
    const positions = new Int32Array(hashes.length);
    const next = starts.slice(0, -1);
    for (let i = 0; i < hashes.length; i += 1) {
      const bucket = (hashes[i] as number) >>> this.#shift;
      positions[next[bucket] as number] = i * STEP;
      next[bucket] = (next[bucket] as number) + 1;
    }
    this.#bucketStart = starts;
    this.#positions = positions;
  }

  occurrences(needle: string): number[] {
    if (needle.length < INDEXED_NEEDLE_LENGTH) return findExactOccurrences(this.text, needle);
    // For each residue class, the offset whose gram has the smallest bucket.
    const rarest = Array.from({ length: STEP }, () => ({ offset: 0, bucket: 0, size: Number.POSITIVE_INFINITY }));
    for (const [offset, hash] of gramHashes(needle, 1).entries()) {
      const bucket = hash >>> this.#shift;
      const size = (this.#bucketStart[bucket + 1] as number) - (this.#bucketStart[bucket] as number);
      const best = rarest[offset % STEP] as (typeof rarest)[number];
      if (size < best.size) Object.assign(best, { offset, bucket, size });
    }
    const found: number[] = [];
    for (const { offset, bucket } of rarest) {
      for (let i = this.#bucketStart[bucket] as number, end = this.#bucketStart[bucket + 1] as number; i < end; i += 1) {
        const start = (this.#positions[i] as number) - offset;
        // A start is reached only through the class of offsets that align it with indexed grams, so never twice.
        if (start >= 0 && this.text.startsWith(needle, start)) found.push(start);
      }
    }
    return found.sort((a, b) => a - b);
  }
}

/** The hash of the gram at offsets 0, step, 2 × step … of `text`, mixed so that its top bits make a good bucket number. */
function gramHashes(text: string, step: number): Uint32Array {
  const hashes = new Uint32Array(Math.ceil(Math.max(0, text.length - GRAM_LENGTH + 1) / step));
  let hash = 0;
  for (let i = 0; i < Math.min(text.length, GRAM_LENGTH - 1); i += 1) hash = (Math.imul(hash, HASH_BASE) + text.charCodeAt(i)) | 0;
  for (let offset = 0; offset < hashes.length * step; offset += 1) {
    hash = (Math.imul(hash, HASH_BASE) + text.charCodeAt(offset + GRAM_LENGTH - 1)) | 0;
    // Fibonacci hashing spreads the polynomial hash over the buckets.
    if (offset % step === 0) hashes[offset / step] = Math.imul(hash, 0x9e3779b1);
    hash = (hash - Math.imul(text.charCodeAt(offset), OUTGOING_FACTOR)) | 0;
  }
  return hashes;
}
