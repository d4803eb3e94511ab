/**
 * Where a saved page "lives" while it is parsed, and which of its URLs point
 * at files saved beside it.
 *
 * The page is parsed at a URL on the reserved `.invalid` domain, which can
 * never resolve, so a relative URL in the page (which Readability makes
 * absolute) resolves to a recognisable address and nothing can be fetched
 * even by mistake. A browser's "Web page, complete" saves `Page.html` with a
 * `Page_files/` folder beside it; only files inside that folder are read.
 */

const PAGE_ORIGIN = 'https://fieldbook.invalid';
const PAGE_DIRECTORY = '/saved-page/';

export interface SavedPageLocation {
  /** The URL the page is parsed at. */
  documentUrl: string;
  /** The folder a browser saved the page's files in, e.g. `Page_files`. */
  resourceFolder: string;
}

/** The last path component of a name that may come with a POSIX or Windows folder. */
function baseName(fileName: string): string {
  const parts = fileName.split(/[\\/]/);
  return parts[parts.length - 1] ?? fileName;
}

export function savedPageLocation(fileName: string): SavedPageLocation {
  const name = baseName(fileName) || 'page.html';
  // The same rule as main/import/saved-page-resources.ts, which reads the files.
  const stem = name.replace(/\.x?html?$/i, '');
  return { documentUrl: `${PAGE_ORIGIN}${PAGE_DIRECTORY}${encodeURIComponent(name)}`, resourceFolder: `${stem}_files` };
}

function parse(url: string, base: string): URL | undefined {
  try {
    return new URL(url.trim(), base);
  } catch {
    return undefined;
  }
}

/** A decoded path segment that could escape the folder or mean something else to a file system. */
function unsafeSegment(segment: string): boolean {
  // eslint-disable-next-line no-control-regex
  return segment === '' || segment === '.' || segment === '..' || /[/\\:\u0000-\u001f\u007f]/.test(segment);
}

/**
 * The path, relative to the page's folder and percent-decoded (as a file
 * system names it), of the saved file `url` points at, or undefined when it
 * points anywhere else: another site, the page's own folder outside
 * `Page_files`, `..`, a `data:` URL.
 */
export function localResourcePath(url: string, page: SavedPageLocation): string | undefined {
  const resolved = parse(url, page.documentUrl);
  if (resolved === undefined || resolved.origin !== PAGE_ORIGIN || !resolved.pathname.startsWith(PAGE_DIRECTORY)) return undefined;
  const segments: string[] = [];
  for (const encoded of resolved.pathname.slice(PAGE_DIRECTORY.length).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(encoded);
    } catch {
      return undefined;
    }
    // "%2F" and "%2e%2e" decode to separators and parents the URL parser never saw.
    if (unsafeSegment(segment)) return undefined;
    segments.push(segment);
  }
  if (segments.length < 2 || segments[0] !== page.resourceFolder) return undefined;
  return segments.join('/');
}

/**
 * The absolute http(s) URL a link in the page may keep, or undefined.
 * Relative links in a saved page point at the site it came from, so they are
 * resolved against the page's canonical URL when it has one; links within
 * the page itself and to its saved files lead nowhere once it is imported.
 */
export function linkTarget(href: string, page: SavedPageLocation, sourceUrl?: string): string | undefined {
  let resolved = parse(href, page.documentUrl);
  if (resolved === undefined) return undefined;
  if (resolved.origin === PAGE_ORIGIN) {
    const documentPath = new URL(page.documentUrl).pathname;
    if (sourceUrl === undefined || resolved.pathname === documentPath) return undefined;
    if (localResourcePath(resolved.href, page) !== undefined) return undefined;
    const relative = resolved.pathname.startsWith(PAGE_DIRECTORY) ? resolved.pathname.slice(PAGE_DIRECTORY.length) : resolved.pathname;
    resolved = parse(relative + resolved.search + resolved.hash, sourceUrl);
    if (resolved === undefined) return undefined;
  }
  if (resolved.protocol !== 'http:' && resolved.protocol !== 'https:') return undefined;
  // Credentials in a link are either a leak or a phishing disguise.
  resolved.username = '';
  resolved.password = '';
  return resolved.href;
}
