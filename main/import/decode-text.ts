import { TextDecoder, getBOMEncoding, labelToName } from '@exodus/bytes/encoding.js';
import { detect } from 'chardet';
import sniffHtmlEncoding from 'html-encoding-sniffer';
import { ApiError } from '../../shared/api/errors';

/**
 * Bytes to text, deciding the encoding as a browser does: a byte-order mark
 * wins, then (for web pages) the charset the page declares, then a guess
 * from the bytes. One exception: bytes that are valid UTF-8 and not plain
 * ASCII are read as UTF-8 whatever the page declares. Pages are often
 * re-saved as UTF-8 with their old declaration left in (a Chinese page
 * declaring gb2312), and the declared decoder cannot be trusted to notice:
 * single-byte ones (windows-1252, windows-1256) accept every byte, and GBK
 * reads most UTF-8 as some other Chinese text. Text in a legacy encoding,
 * conversely, is almost never valid UTF-8 by chance.
 * Undecodable bytes become U+FFFD rather than failing the import.
 */
export function decodeText(bytes: Uint8Array, fileName: string, html: boolean): string {
  const text = decode(bytes, html);
  if (text.includes('\u0000')) throw new ApiError('UNSUPPORTED_FILE', `“${fileName}” contains binary data, not text.`);
  return text;
}

/** Saved pages can carry long comments and scripts before their <meta charset>; browsers look past 1 KiB too. */
const MAX_PRESCAN_BYTES = 4096;
/** Enough text to guess an encoding from; guessing over a whole large file costs seconds. */
const GUESS_SAMPLE_BYTES = 64 * 1024;
const NON_ASCII = /[^\u0000-\u007f]/;

function decode(bytes: Uint8Array, html: boolean): string {
  const bom = getBOMEncoding(bytes);
  if (bom !== null) return new TextDecoder(bom).decode(bytes);
  const declared = html ? declaredEncoding(bytes) : undefined;
  const utf8 = strictUtf8(bytes);
  // (Plain ASCII is left to the declared decoder: ISO-2022-JP, for one, is written in ASCII bytes.)
  if (utf8 !== undefined && (declared === undefined || declared === 'UTF-8' || NON_ASCII.test(utf8))) return utf8;
  return new TextDecoder(declared ?? guessedEncoding(bytes)).decode(bytes);
}

function guessedEncoding(bytes: Uint8Array): string {
  const guess = detect(bytes.subarray(0, GUESS_SAMPLE_BYTES));
  return (guess === null ? null : labelToName(guess)) ?? 'windows-1252';
}

/**
 * The encoding a page's <meta> declares, if any. The sniffer falls back to
 * its default when nothing is declared, so asking with two different
 * defaults tells whether anything was.
 */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const sniff = (defaultEncoding: string): string => sniffHtmlEncoding(bytes, { defaultEncoding, maxPrescanBytes: MAX_PRESCAN_BYTES });
  const declared = sniff('UTF-8');
  return declared === sniff('windows-1252') ? declared : undefined;
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
