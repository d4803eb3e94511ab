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
  /** Uncompressed ÷ compressed size of an entry; only checked past `ratioFloorBytes`, where small repetitive files legitimately compress well. */
  maxRatio: number;
  ratioFloorBytes: number;
  /** All record entries together: records are held in memory while a merge is checked, blobs never are. */
  maxRecordsBytes: number;
  /** One record, as one JSON line (a note may be 5 million characters). */
  maxRecordLineBytes: number;
  maxManifestBytes: number;
}

export const defaultArchiveLimits: ArchiveLimits = {
  maxEntries: 200_000,
  maxEntryBytes: 512 * 2 ** 20,
  maxTotalBytes: 8 * 2 ** 30,
  maxRatio: 200,
  ratioFloorBytes: 2 ** 20,
  maxRecordsBytes: 512 * 2 ** 20,
  maxRecordLineBytes: 24 * 2 ** 20,
  maxManifestBytes: 128 * 2 ** 20,
};
