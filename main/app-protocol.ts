import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from './security';

/**
 * The app:// protocol the built renderer is loaded from (instead of file://): one origin for our
 * pages, module scripts that load, and the CSP sent as a header with every page. Plain TypeScript
 * over a folder; main/index.ts registers it with Electron.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'duizhao';
/** The origin of every page of the built renderer. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** For protocol.registerSchemesAsPrivileged: a standard, secure scheme that fetch() may use. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Where the library's images are served on our origin: this path, then the image's id (SHA-256 hex). */
export const IMAGE_PATH = '/library-images/';
export const IMAGE_BASE = `${APP_ORIGIN}${IMAGE_PATH}`;

/** A stored image by id, as the image route needs it. */
export type ImageSource = (id: string) => { mime: string; bytes: Uint8Array } | undefined;

/**
 * The answer to a request for one of the library's images: its bytes with the type it was sniffed
 * as at import (never SVG), cached for good (the id is the content's hash), 404 for anything else.
 */
export function serveImage(pathname: string, images: ImageSource, headers: Record<string, string>): Response {
  const id = pathname.slice(IMAGE_PATH.length);
  const image = /^[0-9a-f]{64}$/.test(id) ? images(id) : undefined;
  if (!image) return new Response(null, { status: 404, headers });
  return new Response(new Uint8Array(image.bytes), {
    status: 200,
    headers: { ...headers, 'content-type': image.mime, 'cache-control': 'private, max-age=31536000, immutable' },
  });
}

/** What a request resolved to: a file inside the root, or the status to answer with. */
export type AppPath = { file: string } | { status: 400 | 403 | 404 };

/**
 * Maps an app:// URL to a file inside `root`. Anything that would leave the folder (`..` after
 * decoding, encoded slashes or backslashes, NUL) is 403; a malformed %-escape is 400; another
 * scheme or host is 404.
 */
export function resolveAppPath(root: string, url: string): AppPath {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { status: 400 };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return { status: 404 };
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return { status: 400 };
  }
  if (path === '/' || path === '') path = '/index.html';
  // The URL parser already folded plain `..`; what is left after decoding was smuggled in encoded.
  if (path.includes('\0') || path.includes('\\') || path.split('/').includes('..')) return { status: 403 };
  const base = resolve(root);
  const file = resolve(join(base, path));
  if (!file.startsWith(base + sep)) return { status: 403 };
  return { file };
}

/** Answers one app:// request from `root` (or the library's images), with the production CSP on every response. */
export async function serveAppRequest(root: string, request: Request, images?: ImageSource): Promise<Response> {
  const headers = { 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' };
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405, headers });
  if (images) {
    let pathname = '';
    try {
      const url = new URL(request.url);
      if (url.host === APP_HOST) pathname = url.pathname;
    } catch {
      // Malformed: resolveAppPath answers it below.
    }
    if (pathname.startsWith(IMAGE_PATH)) return serveImage(pathname, images, headers);
  }
  const target = resolveAppPath(root, request.url);
  if ('status' in target) return new Response(null, { status: target.status, headers });
  let body: Buffer;
  try {
    body = await readFile(target.file);
  } catch {
    return new Response(null, { status: 404, headers });
  }
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: { ...headers, 'content-type': TYPES[extname(target.file)] ?? 'application/octet-stream' },
  });
}
