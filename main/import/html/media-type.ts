export type ImageMediaType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean =>
  bytes.length >= at + signature.length && signature.every((byte, index) => bytes[at + index] === byte);

const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));

/** The image type the bytes' signature shows, if it is one the reader shows. */
export function sniffImageType(bytes: Uint8Array): ImageMediaType | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  return undefined;
}

/**
 * The media type to store an image under. The bytes decide: an extension is
 * only a name, and an SVG (which can carry script) or an HTML file renamed
 * `.png` must not be kept as an image, while a JPEG saved as `.png` is still
 * a JPEG. The name is only used to refuse SVG outright, whatever its bytes.
 */
export function imageMediaType(bytes: Uint8Array, fileName: string): ImageMediaType | undefined {
  if (/\.svgz?$/i.test(fileName)) return undefined;
  return sniffImageType(bytes);
}
