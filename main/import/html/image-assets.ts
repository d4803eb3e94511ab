/// <reference lib="dom" />
import type { ExtractedAsset } from '../extracted-document';
import { imageMediaType } from './media-type';
import { localResourcePath, type SavedPageLocation } from './saved-page-paths';

export type ReadResource = (relativePath: string) => Promise<Uint8Array | undefined>;

export interface EmbeddedImages {
  assets: ExtractedAsset[];
  /** Why some of the page's own images are missing. */
  notices: string[];
  /** Images removed because they point outside the page's folder (the web, a data: URL, elsewhere on disk). */
  outsideFolder: number;
}

/** Encodes a saved file's path back into a relative URL, as the sanitiser keeps it in `src`. */
export function relativeUrlFor(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

/**
 * Keeps the images the page saved in its own folder and removes every other
 * <img>: each kept one is read once, checked to really be a PNG, JPEG, GIF or
 * WebP, stored as an asset and pointed at with `asset:N` (N its index, in
 * order of first appearance, so the same page always gives the same HTML).
 * An image that is missing, unreadable, of another type or over the size
 * limit is dropped with a notice rather than failing the import.
 */
export async function embedLocalImages(
  root: ParentNode,
  options: { page: SavedPageLocation; readResource?: ReadResource; maxBytes: number },
): Promise<EmbeddedImages> {
  const assets: ExtractedAsset[] = [];
  const indexByPath = new Map<string, number | undefined>();
  let totalBytes = 0;
  let missing = 0;
  let refused = 0;
  let tooLarge = 0;
  let outsideFolder = 0;

  for (const image of Array.from(root.querySelectorAll('img'))) {
    const src = image.getAttribute('src');
    const path = src === null ? undefined : localResourcePath(src, options.page);
    if (path === undefined || options.readResource === undefined) {
      if (path === undefined) outsideFolder += 1;
      else missing += 1;
      image.remove();
      continue;
    }
    if (!indexByPath.has(path)) {
      let bytes: Uint8Array | undefined;
      try {
        bytes = await options.readResource(path);
      } catch {
        bytes = undefined;
      }
      const mediaType = bytes === undefined ? undefined : imageMediaType(bytes, path);
      if (bytes === undefined) missing += 1;
      else if (mediaType === undefined) refused += 1;
      else if (bytes.byteLength > options.maxBytes || totalBytes + bytes.byteLength > options.maxBytes) tooLarge += 1;
      if (bytes !== undefined && mediaType !== undefined && totalBytes + bytes.byteLength <= options.maxBytes) {
        totalBytes += bytes.byteLength;
        indexByPath.set(path, assets.length);
        assets.push({ name: path, mediaType, bytes });
      } else {
        indexByPath.set(path, undefined);
      }
    }
    const index = indexByPath.get(path);
    if (index === undefined) image.remove();
    else image.setAttribute('src', `asset:${index}`);
  }

  const notices: string[] = [];
  if (missing > 0) notices.push(`${plural(missing, 'image', 'images')} from the saved page's folder could not be found and ${missing === 1 ? 'is' : 'are'} not shown.`);
  if (refused > 0) notices.push(`${plural(refused, 'file', 'files')} used as images ${refused === 1 ? 'is' : 'are'} not a PNG, JPEG, GIF or WebP image and ${refused === 1 ? 'was' : 'were'} left out.`);
  if (tooLarge > 0) notices.push(`${plural(tooLarge, 'image', 'images')} ${tooLarge === 1 ? 'was' : 'were'} left out because the page's images exceed the import size limit.`);
  return { assets, notices, outsideFolder };
}
