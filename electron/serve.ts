/**
 * The browser host: the built renderer and the IPC contract over HTTP, on 127.0.0.1 only.
 *
 * It holds the keys to production clusters, so it trusts nothing on the network side: it
 * listens on loopback only, refuses Host headers other than its own (DNS rebinding), and
 * refuses every request without the per-launch token — from the URL it printed, then from a
 * SameSite=Strict, HttpOnly cookie, or the `X-Clpbuilder-Token` header the renderer sends.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Handlers, dispatch } from './ipc.js';
import { send, sendStatic } from './serve-static.js';

/** How to start the host. */
export interface BrowserHostOptions {
  /** Folder of the built renderer (dist/renderer). */
  readonly rendererRoot: string;
  readonly handlers: Handlers;
  /** 0 (the default) lets the system choose a free port. */
  readonly port?: number;
}

/** A running host. */
export interface BrowserHost {
  /** The address to open, token included: `http://127.0.0.1:<port>/?token=<token>`. */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

/** Header the renderer sends the token in (a custom header also forces a CORS preflight). */
export const TOKEN_HEADER = 'x-clpbuilder-token';
// A project with its scripts is a few MiB; this bounds what a request may make us buffer.
const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** Starts the host on 127.0.0.1; resolves once it listens. */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = randomBytes(32).toString('base64url');
  let port = 0;
  const server = createServer((request, response) => {
    handle(request, response, { ...options, token, port }).catch(() => {
      // A bug: answer once, say nothing of it to the page (STYLE.md §5 keeps details in logs).
      if (!response.headersSent) {
        send(response, 500, 'text/plain', 'internal error');
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface Context extends BrowserHostOptions {
  readonly token: string;
  readonly port: number;
}

async function handle(request: IncomingMessage, response: ServerResponse, context: Context) {
  const url = new URL(request.url ?? '/', `http://127.0.0.1:${context.port}`);
  if (!isOwnHost(request.headers.host, context.port)) {
    send(response, 403, 'text/plain', 'refused: this host answers only to 127.0.0.1');
    return;
  }
  const fromQuery = url.searchParams.get('token');
  const presented =
    fromQuery ?? headerToken(request) ?? cookieToken(request.headers.cookie, context.port);
  if (presented === undefined || !sameToken(presented, context.token)) {
    send(response, 403, 'text/plain', 'refused: open the address clpbuilder serve printed');
    return;
  }
  if (url.pathname.startsWith('/api/')) {
    await answerCall(request, response, decodeURIComponent(url.pathname.slice(5)), context);
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    send(response, 405, 'text/plain', 'method not allowed');
    return;
  }
  if (fromQuery !== null) {
    // Later requests (assets, workers, reloads) carry the token in this cookie instead.
    response.setHeader('Set-Cookie', tokenCookie(context.port, context.token));
  }
  await sendStatic(response, context.rendererRoot, url.pathname);
}

async function answerCall(
  request: IncomingMessage,
  response: ServerResponse,
  name: string,
  context: Context,
) {
  if (request.method !== 'POST') {
    send(response, 405, 'text/plain', 'calls are POST requests');
    return;
  }
  // A page from elsewhere cannot send JSON here without a preflight we never answer; the
  // Origin check also covers browsers that send the cookie anyway.
  const origin = request.headers.origin;
  if (origin !== undefined && !isOwnOrigin(origin, context.port)) {
    send(response, 403, 'text/plain', 'refused: foreign origin');
    return;
  }
  if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
    send(response, 415, 'text/plain', 'send the arguments as application/json');
    return;
  }
  const body = await readBody(request);
  const args = body === undefined ? undefined : parseJson(body);
  const result =
    args === undefined
      ? {
          ok: false,
          error: { kind: 'usage', message: 'the body must be a JSON array of arguments' },
        }
      : await dispatch(name, args, context.handlers);
  send(response, 200, 'application/json', JSON.stringify(result));
}

function isOwnHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

function isOwnOrigin(origin: string, port: number): boolean {
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

function headerToken(request: IncomingMessage): string | undefined {
  const value = request.headers[TOKEN_HEADER];
  return typeof value === 'string' ? value : undefined;
}

// Cookies are shared by every port of a host, so the name carries the port: two hosts
// running side by side do not overwrite each other's token.
function cookieName(port: number): string {
  return `clpbuilder-token-${port}`;
}

function tokenCookie(port: number, token: string): string {
  return `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

function cookieToken(header: string | undefined, port: number): string | undefined {
  const prefix = `${cookieName(port)}=`;
  return header
    ?.split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(prefix))
    ?.slice(prefix.length);
}

/** Compares in constant time, so response timing does not leak the token. */
function sameToken(presented: string, token: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      return undefined;
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown[] | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
