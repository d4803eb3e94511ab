/**
 * What a reader accepts from an archive before it stops. They bound the work
 * and disk a hostile file can cost (a zip bomb inflates a few kilobytes into
 * gigabytes), while leaving room for a real notebook: 1,000 documents with
 * half a gigabyte of files is well inside them.
 */
export interface ArchiveLimits {
  maxEntries: number;
  /** Uncompressed bytes of any one entry. */
  maxEntryBytes: number;
  /** Uncompressed bytes of the whole archive. */
  maxTotalBytes: number;
  /**
   * Uncompressed ÷ compressed size, for every entry: a floor below which
   * entries went unchecked let thousands of small bombs (1 MiB of zeros each,
   * a kilobyte stored) add hundreds of megabytes. Deflate's own limit is
   * about 1,030; records and text, the most repetitive things Fieldbook
   * writes, stay far under 200.
   */
  maxRatio: number;
  /** All record entries together: records are held in memory while a merge is checked, blobs never are. */
  maxRecordsBytes: number;
  /** One record, as one JSON line (a note may be 5 million characters). */
  maxRecordLineBytes: number;
  /** The manifest, whatever its entries: it is parsed whole, in memory. Within this, it may take only what its entries warrant (archive-reader.ts). */
  maxManifestBytes: number;
}

export const defaultArchiveLimits: ArchiveLimits = {
  maxEntries: 200_000,
  maxEntryBytes: 512 * 2 ** 20,
  maxTotalBytes: 8 * 2 ** 30,
  maxRatio: 200,
  maxRecordsBytes: 512 * 2 ** 20,
  maxRecordLineBytes: 24 * 2 ** 20,
  // 200,000 entries at 512 bytes each: about 100 MiB.
  maxManifestBytes: 128 * 2 ** 20,
};
