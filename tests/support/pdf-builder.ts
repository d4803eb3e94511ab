// Writes PDF files from scratch for the extractor's tests and benchmark, so
// every fixture is generated, small, and exactly what a test says it is
// (no third-party documents, no PDF library). Only the syntax the tests need:
// Helvetica/WinAnsi for Latin, a Type0 font with a ToUnicode CMap and no
// embedded glyphs for Arabic (text extraction only needs the CMap), image
// XObjects for scan-like pages, outlines, Info/XMP metadata, and the standard
// security handler (RC4, revision 2 or 3).
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

export interface PdfRun {
  text: string;
  /**
   * 'helvetica' (the default) draws WinAnsi characters only; 'type0' is a
   * Type0 font with 2-byte codes that draws any character, the way PDFs
   * carry Arabic.
   */
  font?: 'helvetica' | 'type0';
}

/**
 * A line of text, in logical order. A string is one Helvetica run; an empty
 * string leaves a blank line (a paragraph break). The builder draws the line
 * as a word processor would: characters in visual order (right-to-left
 * scripts reversed, per a simplified bidi algorithm), one show operation per
 * stretch of the same font.
 */
export type PdfLine = string | { runs: PdfRun[]; dir?: 'ltr' | 'rtl' };

/** A run drawn with the Type0 font, e.g. Arabic. */
export const type0 = (text: string): PdfRun => ({ text, font: 'type0' });

export interface PdfPageSpec {
  lines?: PdfLine[];
  /** Draws a grey-level image over most of the page, as a scanner would. */
  image?: boolean;
}

export interface PdfOutlineSpec {
  title: string;
  /** 0-based page index the entry points at. */
  page: number;
  /** Point at the page through a named destination instead of an explicit one. */
  named?: string;
  children?: PdfOutlineSpec[];
}

export interface PdfSpec {
  pages: PdfPageSpec[];
  info?: { title?: string; author?: string; creationDate?: string };
  xmp?: { title?: string; creators?: string[] };
  /** Catalog /Lang. */
  lang?: string;
  outline?: PdfOutlineSpec[];
  encryption?: { userPassword: string; ownerPassword?: string; revision?: 2 | 3 };
  /** First element of the trailer /ID, 32 hex digits (pdf.js uses it as the fingerprint). */
  fileId?: string;
  /** Flate-compress streams (default true). */
  compress?: boolean;
  fontSize?: number;
}

// ---------------------------------------------------------------- values

class Name {
  constructor(readonly value: string) {}
}
class Str {
  constructor(readonly bytes: Uint8Array) {}
}
class Ref {
  constructor(readonly num: number) {}
}
type Value = number | boolean | null | Name | Str | Ref | Value[] | { [key: string]: Value | undefined };

const name = (value: string) => new Name(value);
const ref = (num: number) => new Ref(num);
const bytesStr = (bytes: Uint8Array) => new Str(bytes);

/** A PDF text string: PDFDocEncoding when ASCII is enough, else UTF-16BE with a BOM. */
function textStr(text: string): Str {
  if (/^[\x20-\x7e]*$/.test(text)) return new Str(Buffer.from(text, 'latin1'));
  const utf16 = Buffer.from(text, 'utf16le').swap16();
  return new Str(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16]));
}

interface PdfObject {
  value: Value;
  stream?: Uint8Array;
}

type Crypt = (objectNumber: number, data: Uint8Array) => Uint8Array;

function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return n.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
}

function serialize(value: Value, objectNumber: number, crypt: Crypt | undefined): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Name) return `/${value.value.replace(/[^A-Za-z0-9._-]/g, (c) => `#${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}`;
  if (value instanceof Ref) return `${value.num} 0 R`;
  if (value instanceof Str) {
    const bytes = crypt ? crypt(objectNumber, value.bytes) : value.bytes;
    return `<${Buffer.from(bytes).toString('hex')}>`;
  }
  if (Array.isArray(value)) return `[${value.map((item) => serialize(item, objectNumber, crypt)).join(' ')}]`;
  const entries = Object.entries(value).filter((entry): entry is [string, Value] => entry[1] !== undefined);
  return `<<${entries.map(([key, item]) => ` /${key} ${serialize(item, objectNumber, crypt)}`).join('')} >>`;
}

// ---------------------------------------------------------------- encryption

const PASSWORD_PADDING = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');

// node:crypto's OpenSSL 3 no longer offers RC4, and the cipher is tiny.
export function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = new Uint8Array(256);
  for (let i = 0; i < 256; i++) s[i] = i;
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = new Uint8Array(data.length);
  let i = 0;
  j = 0;
  for (let k = 0; k < data.length; k++) {
    i = (i + 1) & 255;
    j = (j + s[i]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[k] = data[k]! ^ s[(s[i]! + s[j]!) & 255]!;
  }
  return out;
}

const md5 = (...parts: Uint8Array[]) => {
  const hash = createHash('md5');
  for (const part of parts) hash.update(part);
  return hash.digest();
};

function padPassword(password: string): Buffer {
  return Buffer.concat([Buffer.from(password, 'latin1'), PASSWORD_PADDING]).subarray(0, 32);
}

/** RC4 under the key, then (revision 3) 19 more passes under the key XOR 1..19. */
function rc4Rounds(key: Uint8Array, data: Uint8Array, revision: 2 | 3): Uint8Array {
  let out = rc4(key, data);
  if (revision === 3) {
    for (let round = 1; round <= 19; round++) out = rc4(key.map((byte) => byte ^ round), out);
  }
  return out;
}

interface StandardSecurity {
  dictionary: Value;
  crypt: Crypt;
}

/** Algorithms 2 to 5 of ISO 32000-1, 7.6.3 (standard security handler, RC4). */
function standardSecurity(options: NonNullable<PdfSpec['encryption']>, fileId: Uint8Array): StandardSecurity {
  const revision = options.revision ?? 3;
  const keyLength = revision === 2 ? 5 : 16;
  // Everything allowed: the tests are about opening the file, not its permissions.
  const permissions = -4;

  let ownerHash = md5(padPassword(options.ownerPassword ?? options.userPassword));
  if (revision === 3) for (let i = 0; i < 50; i++) ownerHash = md5(ownerHash);
  const o = rc4Rounds(ownerHash.subarray(0, keyLength), padPassword(options.userPassword), revision);

  const p = Buffer.alloc(4);
  p.writeInt32LE(permissions);
  let keyHash = md5(padPassword(options.userPassword), o, p, fileId);
  if (revision === 3) for (let i = 0; i < 50; i++) keyHash = md5(keyHash.subarray(0, keyLength));
  const key = keyHash.subarray(0, keyLength);

  const u =
    revision === 2 ? rc4(key, PASSWORD_PADDING) : Buffer.concat([rc4Rounds(key, md5(PASSWORD_PADDING, fileId), 3), Buffer.alloc(16)]);

  const crypt: Crypt = (objectNumber, data) => {
    const suffix = Buffer.from([objectNumber & 255, (objectNumber >> 8) & 255, (objectNumber >> 16) & 255, 0, 0]);
    return rc4(md5(key, suffix).subarray(0, Math.min(keyLength + 5, 16)), data);
  };
  const dictionary: Value = {
    Filter: name('Standard'),
    V: revision === 2 ? 1 : 2,
    R: revision,
    Length: keyLength * 8,
    O: bytesStr(o),
    U: bytesStr(u),
    P: permissions,
  };
  return { dictionary, crypt };
}

// ---------------------------------------------------------------- text encoding

const WIN_ANSI_EXTRAS: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c,
  'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b,
  'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};

function winAnsi(text: string): Buffer {
  const bytes = Array.from(text, (char) => {
    const code = char.codePointAt(0)!;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff)) return code;
    const extra = WIN_ANSI_EXTRAS[char];
    if (extra === undefined) throw new Error(`pdf-builder: ${JSON.stringify(char)} is not in WinAnsiEncoding; draw it with a 'type0' run`);
    return extra;
  });
  return Buffer.from(bytes);
}

/** Collects every character drawn with the Type0 font, giving each a 2-byte code (its CID). */
class CidAllocator {
  readonly codes = new Map<string, number>();

  encode(text: string): Buffer {
    const out = Buffer.alloc(Array.from(text).length * 2);
    Array.from(text).forEach((char, i) => {
      let code = this.codes.get(char);
      if (code === undefined) {
        code = this.codes.size + 1;
        this.codes.set(char, code);
      }
      out.writeUInt16BE(code, i * 2);
    });
    return out;
  }

  toUnicodeCMap(): string {
    const entries = [...this.codes].map(([char, code]) => {
      const utf16 = Buffer.from(char, 'utf16le').swap16().toString('hex').toUpperCase();
      return `<${code.toString(16).padStart(4, '0').toUpperCase()}> <${utf16}>`;
    });
    const chunks: string[] = [];
    for (let i = 0; i < entries.length; i += 100) {
      const chunk = entries.slice(i, i + 100);
      chunks.push(`${chunk.length} beginbfchar\n${chunk.join('\n')}\nendbfchar`);
    }
    return [
      '/CIDInit /ProcSet findresource begin',
      '12 dict begin',
      'begincmap',
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
      '/CMapName /Adobe-Identity-UCS def',
      '/CMapType 2 def',
      '1 begincodespacerange',
      '<0000> <FFFF>',
      'endcodespacerange',
      ...chunks,
      'endcmap',
      'CMapName currentdict /CMap defineresource pop',
      'end',
      'end',
    ].join('\n');
  }
}

const TYPE0_ADVANCE = 0.5; // em; the font's /DW is 500

// ---------------------------------------------------------------- layout

const PAGE_WIDTH = 612;
const PAGE_HEIGHT = 792;
const MARGIN = 72;

type Font = NonNullable<PdfRun['font']>;

interface VisualRun {
  font: Font;
  text: string;
}

const RTL_CHAR = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/u;
const LTR_CHAR = /[\p{L}\p{N}]/u;
const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/**
 * The Unicode bidi algorithm reduced to what test lines need: strong
 * characters are right-to-left (Hebrew, Arabic) or left-to-right (other
 * letters and digits); a neutral between two strong characters of the same
 * direction takes it, otherwise the line's; then rule L2 reverses runs from
 * the highest level down. No mirroring, so keep brackets out of RTL runs.
 */
function visualOrder<T extends { cluster: string }>(clusters: readonly T[], dir: 'ltr' | 'rtl'): T[] {
  const base = dir === 'rtl' ? 1 : 0;
  const strong = clusters.map(({ cluster }) => (RTL_CHAR.test(cluster) ? 1 : LTR_CHAR.test(cluster) ? 0 : undefined));
  const nearest = (from: number, step: 1 | -1): number => {
    for (let j = from + step; j >= 0 && j < strong.length; j += step) {
      const type = strong[j];
      if (type !== undefined) return type;
    }
    return base;
  };
  const resolved = strong.map((type, i) => {
    if (type !== undefined) return type;
    const before = nearest(i, -1);
    return before === nearest(i, 1) ? before : base;
  });
  const levels = resolved.map((type) => (type === 1 ? 1 : base === 1 ? 2 : 0));
  const order = clusters.map((_, i) => i);
  for (let level = Math.max(0, ...levels); level >= 1; level--) {
    for (let i = 0; i < order.length; ) {
      if (levels[order[i]!]! < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < order.length && levels[order[j]!]! >= level) j++;
      order.splice(i, j - i, ...order.slice(i, j).reverse());
      i = j;
    }
  }
  return order.map((i) => clusters[i]!);
}

function visualRuns(line: PdfLine): { runs: VisualRun[]; dir: 'ltr' | 'rtl' } {
  if (typeof line === 'string') return { runs: [{ font: 'helvetica', text: line }], dir: 'ltr' };
  const dir = line.dir ?? 'ltr';
  // Reordered by grapheme, so combining marks stay after their base character.
  const clusters = line.runs.flatMap((run) => Array.from(graphemes.segment(run.text), ({ segment }) => ({ cluster: segment, font: run.font ?? 'helvetica' })));
  const runs: VisualRun[] = [];
  for (const { cluster, font } of visualOrder(clusters, dir)) {
    const last = runs[runs.length - 1];
    if (last?.font === font) last.text += cluster;
    else runs.push({ font, text: cluster });
  }
  return { runs, dir };
}

function pageContent(page: PdfPageSpec, fontSize: number, cids: CidAllocator): string {
  const ops: string[] = [];
  if (page.image) ops.push(`q ${PAGE_WIDTH - 2 * MARGIN} 0 0 ${PAGE_HEIGHT - 2 * MARGIN} ${MARGIN} ${MARGIN} cm /Im0 Do Q`);
  const leading = Math.round(fontSize * 1.25 * 100) / 100;
  let y = PAGE_HEIGHT - MARGIN;
  for (const line of page.lines ?? []) {
    if (line === '') {
      y -= leading;
      continue;
    }
    if (y < MARGIN / 2) throw new Error(`pdf-builder: too many lines for one page (pdf.js drops text drawn outside it)`);
    const { runs, dir } = visualRuns(line);
    // Helvetica averages about half an em per character, like the Type0 font.
    const width = runs.reduce((sum, run) => sum + Array.from(run.text).length * TYPE0_ADVANCE * fontSize, 0);
    if (width > (PAGE_WIDTH - 2 * MARGIN) * 1.1) throw new Error(`pdf-builder: line too long for the page (pdf.js drops text drawn outside it): ${JSON.stringify(line)}`);
    // Right-aligned only when the width is known without Helvetica's metrics.
    const allType0 = runs.every((run) => run.font === 'type0');
    const x = dir === 'rtl' && allType0 ? PAGE_WIDTH - MARGIN - width : MARGIN;
    ops.push(`BT 1 0 0 1 ${formatNumber(x)} ${formatNumber(y)} Tm`);
    for (const run of runs) {
      const encoded = run.font === 'type0' ? cids.encode(run.text) : winAnsi(run.text);
      ops.push(`/${run.font === 'type0' ? 'F2' : 'F1'} ${fontSize} Tf <${encoded.toString('hex')}> Tj`);
    }
    ops.push('ET');
    y -= leading;
  }
  return ops.join('\n');
}

/** A deterministic grey pattern, so image-only pages look like (very plain) scans. */
function scanImage(width: number, height: number): Buffer {
  const pixels = Buffer.alloc(width * height);
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) pixels[row * width + col] = 200 + ((row * 7 + col * 13) % 56);
  }
  return pixels;
}

// ---------------------------------------------------------------- document

class ObjectTable {
  readonly objects: (PdfObject | undefined)[] = [undefined];

  allocate(): number {
    this.objects.push(undefined);
    return this.objects.length - 1;
  }

  set(num: number, value: Value, stream?: Uint8Array): number {
    this.objects[num] = stream ? { value, stream } : { value };
    return num;
  }

  add(value: Value, stream?: Uint8Array): number {
    return this.set(this.allocate(), value, stream);
  }
}

function addOutline(table: ObjectTable, items: readonly PdfOutlineSpec[], parent: number, pageRefs: readonly number[]): { first: number; last: number; count: number } {
  const nums = items.map(() => table.allocate());
  let count = items.length;
  items.forEach((item, i) => {
    const pageRef = pageRefs[item.page];
    if (pageRef === undefined) throw new Error(`pdf-builder: outline entry “${item.title}” points at missing page ${item.page}`);
    const num = nums[i]!;
    const children = item.children?.length ? addOutline(table, item.children, num, pageRefs) : undefined;
    if (children) count += children.count;
    table.set(num, {
      Title: textStr(item.title),
      Parent: ref(parent),
      Prev: i > 0 ? ref(nums[i - 1]!) : undefined,
      Next: i < items.length - 1 ? ref(nums[i + 1]!) : undefined,
      First: children ? ref(children.first) : undefined,
      Last: children ? ref(children.last) : undefined,
      Count: children ? children.count : undefined,
      Dest: item.named ? textStr(item.named) : [ref(pageRef), name('XYZ'), 0, PAGE_HEIGHT, 0],
    });
  });
  return { first: nums[0]!, last: nums[nums.length - 1]!, count };
}

function namedDestinations(items: readonly PdfOutlineSpec[], pageRefs: readonly number[]): [string, number][] {
  return items.flatMap((item) => [
    ...(item.named ? [[item.named, pageRefs[item.page]!] as [string, number]] : []),
    ...namedDestinations(item.children ?? [], pageRefs),
  ]);
}

function xmpPacket(xmp: NonNullable<PdfSpec['xmp']>): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const title = xmp.title === undefined ? '' : `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escape(xmp.title)}</rdf:li></rdf:Alt></dc:title>`;
  const creators = xmp.creators ? `<dc:creator><rdf:Seq>${xmp.creators.map((c) => `<rdf:li>${escape(c)}</rdf:li>`).join('')}</rdf:Seq></dc:creator>` : '';
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">${title}${creators}</rdf:Description>`,
    '</rdf:RDF></x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}

/** Writes the PDF the spec describes. Byte offsets in the xref table are exact, so pdf.js never needs to repair the file. */
export function buildPdf(spec: PdfSpec): Uint8Array {
  const compress = spec.compress ?? true;
  const fontSize = spec.fontSize ?? 12;
  const fileId = Buffer.from(spec.fileId ?? createHash('md5').update(JSON.stringify(spec)).digest('hex'), 'hex');
  if (fileId.length !== 16) throw new Error('pdf-builder: fileId must be 32 hex digits');
  const table = new ObjectTable();
  const cids = new CidAllocator();

  const catalog = table.allocate();
  const pagesRoot = table.allocate();
  const helvetica = table.add({ Type: name('Font'), Subtype: name('Type1'), BaseFont: name('Helvetica'), Encoding: name('WinAnsiEncoding') });
  const type0Font = table.allocate();
  const imageSide = 64;
  const image = spec.pages.some((page) => page.image) ? table.allocate() : undefined;

  const streamDict = (data: Uint8Array, extra: Record<string, Value> = {}): [Value, Uint8Array] => {
    const body = compress ? deflateSync(data) : data;
    return [{ ...extra, Length: body.length, Filter: compress ? name('FlateDecode') : undefined }, body];
  };

  const pageRefs = spec.pages.map((page) => {
    const [contentDict, contentBody] = streamDict(Buffer.from(pageContent(page, fontSize, cids), 'latin1'));
    const content = table.add(contentDict, contentBody);
    return table.add({
      Type: name('Page'),
      Parent: ref(pagesRoot),
      MediaBox: [0, 0, PAGE_WIDTH, PAGE_HEIGHT],
      Resources: {
        Font: { F1: ref(helvetica), F2: ref(type0Font) },
        XObject: page.image && image !== undefined ? { Im0: ref(image) } : undefined,
      },
      Contents: ref(content),
    });
  });
  table.set(pagesRoot, { Type: name('Pages'), Kids: pageRefs.map(ref), Count: pageRefs.length });

  if (image !== undefined) {
    const [dict, body] = streamDict(scanImage(imageSide, imageSide), {
      Type: name('XObject'),
      Subtype: name('Image'),
      Width: imageSide,
      Height: imageSide,
      ColorSpace: name('DeviceGray'),
      BitsPerComponent: 8,
    });
    table.set(image, dict, body);
  }

  // The Type0 font is written after the pages so its CMap covers every character they drew.
  const [cmapDict, cmapBody] = streamDict(Buffer.from(cids.toUnicodeCMap(), 'latin1'));
  const toUnicode = table.add(cmapDict, cmapBody);
  const descriptor = table.add({
    Type: name('FontDescriptor'),
    FontName: name('FieldbookNaskh'),
    Flags: 32,
    FontBBox: [-200, -300, 1000, 900],
    ItalicAngle: 0,
    Ascent: 900,
    Descent: -300,
    CapHeight: 700,
    StemV: 80,
  });
  const descendant = table.add({
    Type: name('Font'),
    Subtype: name('CIDFontType2'),
    BaseFont: name('FieldbookNaskh'),
    CIDSystemInfo: { Registry: textStr('Adobe'), Ordering: textStr('Identity'), Supplement: 0 },
    FontDescriptor: ref(descriptor),
    DW: TYPE0_ADVANCE * 1000,
    CIDToGIDMap: name('Identity'),
  });
  table.set(type0Font, {
    Type: name('Font'),
    Subtype: name('Type0'),
    BaseFont: name('FieldbookNaskh'),
    Encoding: name('Identity-H'),
    DescendantFonts: [ref(descendant)],
    ToUnicode: ref(toUnicode),
  });

  let outlines: number | undefined;
  if (spec.outline?.length) {
    outlines = table.allocate();
    const { first, last, count } = addOutline(table, spec.outline, outlines, pageRefs);
    table.set(outlines, { Type: name('Outlines'), First: ref(first), Last: ref(last), Count: count });
  }
  const named = namedDestinations(spec.outline ?? [], pageRefs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

  let metadata: number | undefined;
  if (spec.xmp) {
    // XMP stays uncompressed, as the spec recommends, so tools can find it.
    const packet = Buffer.from(xmpPacket(spec.xmp), 'utf8');
    metadata = table.add({ Type: name('Metadata'), Subtype: name('XML'), Length: packet.length }, packet);
  }

  table.set(catalog, {
    Type: name('Catalog'),
    Pages: ref(pagesRoot),
    Outlines: outlines === undefined ? undefined : ref(outlines),
    PageMode: outlines === undefined ? undefined : name('UseOutlines'),
    Names: named.length ? { Dests: { Names: named.flatMap(([key, page]): Value[] => [textStr(key), [ref(page), name('Fit')]]) } } : undefined,
    Metadata: metadata === undefined ? undefined : ref(metadata),
    Lang: spec.lang === undefined ? undefined : textStr(spec.lang),
  });

  let info: number | undefined;
  if (spec.info) {
    info = table.add({
      Title: spec.info.title === undefined ? undefined : textStr(spec.info.title),
      Author: spec.info.author === undefined ? undefined : textStr(spec.info.author),
      CreationDate: spec.info.creationDate === undefined ? undefined : textStr(spec.info.creationDate),
      Producer: textStr('Fieldbook test pdf-builder'),
    });
  }

  const security = spec.encryption ? standardSecurity(spec.encryption, fileId) : undefined;
  const encrypt = security ? table.add(security.dictionary) : undefined;
  return writeFile(table, { catalog, info, encrypt, fileId }, security?.crypt);
}

function writeFile(table: ObjectTable, trailer: { catalog: number; info: number | undefined; encrypt: number | undefined; fileId: Buffer }, crypt: Crypt | undefined): Uint8Array {
  const chunks: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = chunks[0]!.length;
  const push = (chunk: Buffer) => {
    chunks.push(chunk);
    length += chunk.length;
  };
  const offsets: number[] = [];
  table.objects.forEach((object, num) => {
    if (num === 0) return;
    if (!object) throw new Error(`pdf-builder: object ${num} was reserved but never written`);
    offsets[num] = length;
    // The Encrypt dictionary itself is never encrypted.
    const objectCrypt = num === trailer.encrypt ? undefined : crypt;
    push(Buffer.from(`${num} 0 obj\n${serialize(object.value, num, objectCrypt)}\n`, 'latin1'));
    if (object.stream) {
      push(Buffer.from('stream\n', 'latin1'));
      push(Buffer.from(objectCrypt ? objectCrypt(num, object.stream) : object.stream));
      push(Buffer.from('\nendstream\n', 'latin1'));
    }
    push(Buffer.from('endobj\n', 'latin1'));
  });
  const xrefOffset = length;
  const size = table.objects.length;
  const rows = ['xref', `0 ${size}`, '0000000000 65535 f ', ...offsets.slice(1).map((offset) => `${String(offset).padStart(10, '0')} 00000 n `)];
  const trailerDict = serialize(
    {
      Size: size,
      Root: ref(trailer.catalog),
      Info: trailer.info === undefined ? undefined : ref(trailer.info),
      Encrypt: trailer.encrypt === undefined ? undefined : ref(trailer.encrypt),
      ID: [bytesStr(trailer.fileId), bytesStr(trailer.fileId)],
    },
    0,
    undefined,
  );
  push(Buffer.from(`${rows.join('\n')}\ntrailer\n${trailerDict}\nstartxref\n${xrefOffset}\n%%EOF\n`, 'latin1'));
  return new Uint8Array(Buffer.concat(chunks, length));
}

// ---------------------------------------------------------------- generated text

/** A small deterministic PRNG, so generated documents are the same on every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = ['The field team', 'A local monitor', 'The district council', 'Two witnesses', 'The convoy leader', 'A health worker', 'The regional office', 'Observers'];
const VERBS = ['reported', 'confirmed', 'described', 'documented', 'disputed', 'recorded', 'noted', 'questioned'];
const OBJECTS = ['a road closure', 'new arrivals at the camp', 'shortages of fuel', 'damage to the water station', 'a change in patrol times', 'delays at the crossing', 'rising food prices', 'a meeting with elders'];
const PLACES = ['near the northern checkpoint', 'in the market district', 'along the river road', 'outside the clinic', 'at the old depot', 'in the eastern villages', 'by the bus station', 'on the ridge'];
const TIMES = ['early on Monday', 'during the night', 'before noon', 'late in the afternoon', 'over the weekend', 'on the third day', 'after the rain', 'at dawn'];

// Generated lines stay well inside the page: pdf.js drops text drawn past its edge.
const GENERATED_LINE_CHARS = 72;

/**
 * Realistic-looking generated prose for one page: sentences tagged with
 * their page and number ("(p3.2)"), word-wrapped into `count` lines, so
 * every page's text is unique.
 */
export function generatedPageLines(page: number, count: number, seed = 1): string[] {
  const random = mulberry32(seed * 1_000_003 + page);
  const pick = (words: readonly string[]) => words[Math.floor(random() * words.length)]!;
  const lines: string[] = [];
  let line = '';
  for (let sentence = 1; lines.length < count; sentence++) {
    const words = `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(PLACES)} ${pick(TIMES)} (p${page + 1}.${sentence}).`.split(' ');
    for (const word of words) {
      if (line !== '' && line.length + 1 + word.length > GENERATED_LINE_CHARS) {
        lines.push(line);
        line = '';
        if (lines.length === count) break;
      }
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  return lines;
}

/** An N-page text document, fast enough to build 1,000 pages in a test. */
export function buildTextPdf(pageCount: number, options: { linesPerPage?: number; seed?: number } & Omit<PdfSpec, 'pages'> = {}): Uint8Array {
  const { linesPerPage = 6, seed = 1, ...rest } = options;
  return buildPdf({ ...rest, pages: Array.from({ length: pageCount }, (_, page) => ({ lines: generatedPageLines(page, linesPerPage, seed) })) });
}
