import { readFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { AppFailure } from '../../../preload/contract/errors';
import { createHandlers } from '../../../main/handlers';
import { dispatch } from '../../../main/rpc';
import { CONTENT_SECURITY_POLICY } from '../../../main/security';
import { openServices } from '../../../main/services';
import type { Emit } from '../../../main/events';
import { fromWire, toWire } from './wire';

export interface HostOptions {
  dataDir: string;
  samplesDir: string;
  /** The bundled conversion worker, as main runs it in the app. */
  conversionWorker?: string;
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

/**
 * The loopback test host: serves the built renderer with the app's CSP, and serves the very
 * handlers main registers on IPC (createHandlers + dispatch) over HTTP, with events as a stream.
 */
export async function startHost(options: HostOptions): Promise<{ url: string; close(): Promise<void> }> {
  const streams = new Set<ServerResponse>();
  const emit: Emit = (event, payload) => {
    const data = `data: ${toWire({ event, payload })}\n\n`;
    for (const res of streams) res.write(data);
  };
  const services = openServices({
    dataDir: options.dataDir,
    samplesDir: options.samplesDir,
    conversionWorker: options.conversionWorker,
    emit,
  });
  const handlers = createHandlers(services, {
    appInfo: () => ({ version: 'test', systemLocale: options.systemLocale ?? 'zh-CN', nativeDialogs: false }),
    pickImportPaths: () => Promise.reject(new AppFailure('unsupported', 'No native dialogs in the test host.')),
    pickSavePath: () => Promise.reject(new AppFailure('unsupported', 'No native dialogs in the test host.')),
  });

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://host');
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
      if (url.pathname === '/favicon.ico') {
        // Browsers ask for it; Electron windows do not.
        res.writeHead(204).end();
        return;
      }
      const path = url.pathname === '/' ? '/index.html' : decodeURIComponent(url.pathname);
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
        // The bridge stands where the preload would: before the app's own script.
        body = Buffer.from(
          body.toString('utf8').replace('<script', '<script src="/__duizhao/bridge.js"></script>\n    <script'),
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
  return {
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      for (const res of streams) res.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      services.close();
    },
  };
}
