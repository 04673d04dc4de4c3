import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { AppFailure } from '../../../preload/contract/errors';
import { createHandlers } from '../../../main/handlers';
import { dispatch } from '../../../main/rpc';
import { IMAGE_PATH, serveImage } from '../../../main/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../main/security';
import { openServices } from '../../../main/services';
import type { Emit } from '../../../main/events';
import { fromWire, toWire } from './wire';

export interface HostOptions {
  dataDir: string;
  samplesDir: string;
  /** The bundled conversion worker, as main runs it in the app. */
  conversionWorker?: string;
  /** The bundled import worker, as main runs it in the app. */
  importWorker?: string;
  /** The bundled reading worker (dictionary, ruby, words), as main runs it in the app. */
  readingWorker?: string;
  /** Where the packed dictionary is kept (shared by the tests' libraries). */
  cacheDir?: string;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** The built test bridge script. */
  bridgeFile: string;
  systemLocale?: string;
  port?: number;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** The header (and, for the event stream, the query parameter) that carries the page's token. */
export const TOKEN_HEADER = 'x-duizhao-token';
export const TOKEN_META = 'duizhao-host-token';

/**
 * The loopback test host: serves the built renderer with the app's CSP, and serves the very
 * handlers main registers on IPC (createHandlers + dispatch) over HTTP, with events as a stream.
 *
 * Only its own page may call it (any web page the browser has open can reach 127.0.0.1): the page
 * carries a random token in a meta tag, which another origin cannot read, and the bridge sends it
 * with every request; a Host other than our own address (DNS rebinding) is refused outright.
 */
export async function startHost(options: HostOptions): Promise<{ url: string; token: string; close(): Promise<void> }> {
  const token = randomBytes(32).toString('hex');
  const tokenBytes = Buffer.from(token);
  const hasToken = (value: string | string[] | null | undefined): boolean => {
    if (typeof value !== 'string') return false;
    const given = Buffer.from(value);
    return given.length === tokenBytes.length && timingSafeEqual(given, tokenBytes);
  };
  let ownHost = '';
  const fromOwnHost = (req: IncomingMessage): boolean => req.headers.host === ownHost;
  const streams = new Set<ServerResponse>();
  const emit: Emit = (event, payload) => {
    const data = `data: ${toWire({ event, payload })}\n\n`;
    for (const res of streams) res.write(data);
  };
  const services = openServices({
    dataDir: options.dataDir,
    samplesDir: options.samplesDir,
    conversionWorker: options.conversionWorker,
    importWorker: options.importWorker,
    readingWorker: options.readingWorker,
    cacheDir: options.cacheDir,
    emit,
  });
  const openedLinks: string[] = [];
  const handlers = createHandlers(services, {
    appInfo: () => ({
      version: 'test',
      systemLocale: options.systemLocale ?? 'zh-CN',
      nativeDialogs: false,
      imageBase: IMAGE_PATH,
    }),
    // No browser to hand links to: the host records them, and a spec reads them back.
    openExternal: (url) => {
      openedLinks.push(url);
      return Promise.resolve();
    },
    pickImportPaths: () => Promise.reject(new AppFailure('unsupported', 'No native dialogs in the test host.')),
    pickSavePath: () => Promise.reject(new AppFailure('unsupported', 'No native dialogs in the test host.')),
  });

  const server = createServer((req, res) => {
    void (async () => {
      if (!fromOwnHost(req)) {
        res.writeHead(403).end();
        return;
      }
      const url = new URL(req.url ?? '/', 'http://host');
      if (url.pathname.startsWith('/__duizhao/call/') || url.pathname === '/__duizhao/events') {
        const given = url.pathname === '/__duizhao/events' ? url.searchParams.get('token') : req.headers[TOKEN_HEADER];
        if (!hasToken(given)) {
          res.writeHead(403).end();
          return;
        }
      }
      if (req.method === 'POST' && url.pathname.startsWith('/__duizhao/call/')) {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        const args = fromWire(Buffer.concat(chunks).toString('utf8'));
        const result = await dispatch(
          handlers,
          url.pathname.slice('/__duizhao/call/'.length),
          Array.isArray(args) ? args : [],
        );
        res.writeHead(200, { 'content-type': 'application/json' }).end(toWire(result));
        return;
      }
      if (url.pathname === '/__duizhao/events') {
        res.writeHead(200, {
          'content-type': 'text/event-stream',
          'cache-control': 'no-store',
          connection: 'keep-alive',
        });
        res.write(': connected\n\n');
        streams.add(res);
        req.on('close', () => streams.delete(res));
        return;
      }
      if (url.pathname === '/__duizhao/bridge.js') {
        res.writeHead(200, { 'content-type': TYPES['.js'] }).end(await readFile(options.bridgeFile));
        return;
      }
      if (url.pathname === '/__duizhao/opened-links') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(openedLinks));
        return;
      }
      if (url.pathname.startsWith(IMAGE_PATH)) {
        const answer = serveImage(url.pathname, (id) => services.articles.image(id), {
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
        });
        res.writeHead(answer.status, Object.fromEntries(answer.headers)).end(Buffer.from(await answer.arrayBuffer()));
        return;
      }
      if (url.pathname === '/favicon.ico') {
        // Browsers ask for it; Electron windows do not.
        res.writeHead(204).end();
        return;
      }
      let path: string;
      try {
        path = url.pathname === '/' ? '/index.html' : decodeURIComponent(url.pathname);
      } catch {
        // A malformed %-escape is the client's mistake, not the server's.
        res.writeHead(400).end();
        return;
      }
      const file = normalize(join(options.rendererDir, path));
      if (!file.startsWith(options.rendererDir + sep)) {
        res.writeHead(403).end();
        return;
      }
      let body: Buffer;
      try {
        body = await readFile(file);
      } catch {
        res.writeHead(404).end();
        return;
      }
      if (path === '/index.html') {
        // The bridge stands where the preload would: before the app's own script, with the token.
        body = Buffer.from(
          body
            .toString('utf8')
            .replace(
              '<script',
              `<meta name="${TOKEN_META}" content="${token}" />\n    <script src="/__duizhao/bridge.js"></script>\n    <script`,
            ),
        );
      }
      res
        .writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'content-security-policy': CONTENT_SECURITY_POLICY,
        })
        .end(body);
    })().catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  ownHost = `127.0.0.1:${port}`;
  return {
    url: `http://127.0.0.1:${port}/`,
    token,
    close: async () => {
      for (const res of streams) res.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      services.close();
    },
  };
}
