import { readFile } from 'node:fs/promises';
import path from 'node:path';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
};

export type StaticFile = { status: 200; body: Buffer; contentType: string } | { status: 400 | 404; message: string };

/**
 * Resolve a URL path to a file of the built renderer. Anything that would
 * leave `root` (`..`, encoded slashes, NUL) is "not found", never read.
 */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { status: 400, message: 'Malformed path' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { status: 400, message: 'Malformed path' };
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = path.resolve(root, relative);
  if (!file.startsWith(path.resolve(root) + path.sep)) return { status: 404, message: 'Not found' };
  try {
    const body = await readFile(file);
    return { status: 200, body, contentType: contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream' };
  } catch {
    return { status: 404, message: 'Not found' };
  }
}

