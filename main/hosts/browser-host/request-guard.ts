import { timingSafeEqual } from 'node:crypto';
import { ApiError } from '../../../shared/api/errors';

/**
 * The checks that make a loopback HTTP server safe to leave running while the
 * user browses: a page on another site can neither reach the API (Origin,
 * Sec-Fetch-Site, token) nor rebind a hostname of its own to 127.0.0.1 (Host).
 */
export interface GuardedRequest {
  host: string | undefined;
  origin: string | undefined;
  secFetchSite: string | undefined;
  authorization: string | undefined;
}

export function allowedOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

export function checkHost(request: GuardedRequest, port: number): void {
  const allowed = allowedOrigins(port).map((origin) => origin.slice('http://'.length));
  if (!request.host || !allowed.includes(request.host.toLowerCase())) {
    throw new ApiError('FORBIDDEN', `Requests must be addressed to 127.0.0.1:${port}; refused Host "${request.host ?? ''}".`);
  }
}

export function checkApiCaller(request: GuardedRequest, port: number, token: string): void {
  if (request.origin !== undefined && !allowedOrigins(port).includes(request.origin)) {
    throw new ApiError('FORBIDDEN', `Calls from ${request.origin} are not allowed.`);
  }
  if (request.secFetchSite !== undefined && request.secFetchSite !== 'same-origin' && request.secFetchSite !== 'none') {
    throw new ApiError('FORBIDDEN', `Calls from another site are not allowed (Sec-Fetch-Site: ${request.secFetchSite}).`);
  }
  const presented = /^Bearer (\S+)$/.exec(request.authorization ?? '')?.[1];
  if (!presented || !tokensMatch(presented, token)) {
    throw new ApiError('UNAUTHORIZED', 'Missing or wrong access token; open the address that Fieldbook printed when it started.');
  }
}

function tokensMatch(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
