import { z } from 'zod';
import { RecordType, Sha256 } from '../../shared/model/records';

export const EXCHANGE_FORMAT = 'fieldbook-exchange';
/** Raise when the archive's layout changes in a way older readers would misread; they then refuse it clearly. */
export const EXCHANGE_FORMAT_VERSION = 1;

export const MANIFEST_PATH = 'manifest.json';

/**
 * An archive holds exactly these entries, so a reader can refuse anything
 * else by name before reading a byte of it: the manifest, one JSON Lines
 * file per record kind, and blobs named by their SHA-256.
 */
export type EntryKind = { kind: 'manifest' } | { kind: 'records'; type: RecordType } | { kind: 'blob'; sha256: string };

export function recordsPath(type: RecordType): string {
  return `records/${type}.jsonl`;
}

export function blobPath(sha256: string): string {
  return `blobs/${sha256}`;
}

export function entryKind(path: string): EntryKind | undefined {
  if (path === MANIFEST_PATH) return { kind: 'manifest' };
  const records = /^records\/([a-z]+)\.jsonl$/.exec(path);
  if (records) {
    const type = RecordType.safeParse(records[1]);
    return type.success ? { kind: 'records', type: type.data } : undefined;
  }
  const blob = /^blobs\/([a-f0-9]{64})$/.exec(path);
  return blob?.[1] ? { kind: 'blob', sha256: blob[1] } : undefined;
}

export const ManifestEntry = z.object({
  path: z.string().max(200).refine((path) => entryKind(path)?.kind !== undefined && path !== MANIFEST_PATH, 'Not an entry a Fieldbook file may hold'),
  sha256: Sha256,
  size: z.number().int().nonnegative(),
});
export type ManifestEntry = z.infer<typeof ManifestEntry>;

export const Manifest = z.object({
  format: z.literal(EXCHANGE_FORMAT),
  formatVersion: z.number().int().positive(),
  appVersion: z.string().max(50),
  /** Who exported the file (the exporting user's display name). */
  author: z.string().max(120),
  createdAt: z.iso.datetime(),
  notebookName: z.string().max(200),
  /** What was selected, in words, for the person importing it. */
  selection: z.string().max(2000),
  entries: z.array(ManifestEntry).max(1_000_000),
});
export type Manifest = z.infer<typeof Manifest>;
