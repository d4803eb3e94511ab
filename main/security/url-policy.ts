import { APP_HOST, APP_SCHEME } from '../../shared/api/bridge';

/**
 * The offline guarantee in one place: the Electron window may load only the
 * app's own files and in-memory data. Everything else (http, https, ws, ftp,
 * file) is refused before it leaves the process.
 */
export function isAllowedRequestUrl(url: string, { devTools }: { devTools: boolean }): boolean {
  // DevTools load their own front end from devtools://; a packaged build has no DevTools, so nothing there may load.
  return isAppUrl(url) || url.startsWith('data:') || url.startsWith(`blob:${APP_SCHEME}://${APP_HOST}/`) || (devTools && url.startsWith('devtools://'));
}

export function isAppUrl(url: string): boolean {
  try {
    // WHATWG URL gives custom schemes an opaque ("null") origin, so compare the parts.
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}
