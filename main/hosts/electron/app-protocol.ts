import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from '../../../shared/api/bridge';
import { securityHeaders } from '../../security/content-security-policy';
import { readStaticFile } from '../../security/static-files';

/** Must run before the app is ready: the scheme behaves like https (secure context, fetch, relative URLs). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
}

/** Serve the built renderer at app://fieldbook/ with the same headers as the browser host. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404, headers: securityHeaders });
    const file = await readStaticFile(rendererDir, url.pathname);
    if (file.status !== 200) return new Response(file.message, { status: file.status, headers: securityHeaders });
    return new Response(new Uint8Array(file.body), { status: 200, headers: { 'Content-Type': file.contentType, ...securityHeaders } });
  });
}

export const appEntryUrl = `${APP_SCHEME}://${APP_HOST}/index.html`;
