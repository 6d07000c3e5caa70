/**
 * The browser host's responses: the built renderer's files (nothing outside its folder) and
 * the security headers every response carries.
 */
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** Sends the file at `pathname` under `root` (`/` is index.html); 404 for anything else. */
export async function sendStatic(response: ServerResponse, root: string, pathname: string) {
  const base = resolve(root);
  const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1));
  const file = resolve(join(base, relative));
  // resolve() folds `..`; whatever still leaves the renderer folder is refused.
  if (!file.startsWith(base + sep) || relative.includes('\0')) {
    send(response, 404, 'text/plain', 'not found');
    return;
  }
  const type = TYPES[extname(file).toLowerCase()];
  if (type === undefined) {
    send(response, 404, 'text/plain', 'not found');
    return;
  }
  try {
    send(response, 200, type, await readFile(file));
  } catch {
    send(response, 404, 'text/plain', 'not found');
  }
}

/** Sends a whole response with the host's security headers. */
export function send(
  response: ServerResponse,
  status: number,
  type: string,
  body: string | Uint8Array,
): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type });
  response.end(body);
}

/**
 * Headers on every response: a strict CSP (nothing remote, no inline script; inline styles
 * because Monaco sets them), no framing, no referrer (the URL carries the token), no caching.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "worker-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};
