import { TextDecoder } from 'node:util';
import { ApiError } from '../../shared/api/errors';

/**
 * Bytes to text: a byte-order mark wins, then (for web pages) the charset the
 * page declares in its first kilobytes (Arabic pages are often windows-1256),
 * then UTF-8. Undecodable bytes become U+FFFD rather than failing the import.
 */
export function decodeText(bytes: Uint8Array, fileName: string, declaredInHtml: boolean): string {
  let label = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) label = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) label = 'utf-16be';
  else if (declaredInHtml) label = declaredCharset(bytes) ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  const text = decoder.decode(bytes);
  if (text.includes('\u0000')) throw new ApiError('UNSUPPORTED_FILE', `“${fileName}” contains binary data, not text.`);
  return text;
}

function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)/i.exec(head)?.[1]?.toLowerCase();
}
