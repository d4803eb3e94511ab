import { createHash } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import { EXCHANGE_FORMAT, EXCHANGE_FORMAT_VERSION, MANIFEST_PATH } from '../../../../main/exchange/manifest';

/**
 * A deliberately naive zip writer for hostile test files: it writes whatever
 * names, modes and sizes it is told, which a real zip library refuses to.
 */
export interface RawEntry {
  name: string;
  data: Buffer;
  deflate?: boolean;
  /** Unix mode in the upper half of the external attributes (S_IFLNK for a link). */
  unixMode?: number;
  /** Lie about the uncompressed size in both headers. */
  declaredSize?: number;
}

export function rawZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const stored = entry.deflate ? deflateRawSync(entry.data) : entry.data;
    const size = entry.declaredSize ?? entry.data.byteLength;
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(entry.deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(stored.byteLength, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.byteLength, 26);
    locals.push(local, name, stored);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made on Unix
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(entry.deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(stored.byteLength, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.byteLength, 28);
    central.writeUInt32LE(((entry.unixMode ?? 0o100644) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.byteLength + stored.byteLength;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A manifest entry listing `entries` truthfully (unless told otherwise), in the shape a Fieldbook file has. */
export function manifestFor(entries: RawEntry[], overrides: Record<string, unknown> = {}): RawEntry {
  const manifest = {
    format: EXCHANGE_FORMAT,
    formatVersion: EXCHANGE_FORMAT_VERSION,
    appVersion: '0.1.0',
    author: 'Mallory',
    createdAt: new Date().toISOString(),
    notebookName: 'Hostile',
    selection: 'the whole notebook',
    entries: entries.map((entry) => ({ path: entry.name, sha256: sha256(entry.data), size: entry.data.byteLength })),
    ...overrides,
  };
  return { name: MANIFEST_PATH, data: Buffer.from(JSON.stringify(manifest)) };
}
