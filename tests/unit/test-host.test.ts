import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, TOKEN_HEADER, TOKEN_META } from '../e2e/host/server';
import { fromWire, toWire } from '../e2e/host/wire';
import { ROOT } from '../helpers/data';

/** A raw request, so that the test can send any Host header and any path, escapes unparsed. */
function raw(
  url: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        // The event stream never ends by itself: its head is all the test needs.
        if (res.headers['content-type'] === 'text/event-stream') {
          resolve({ status: res.statusCode ?? 0, body: '' });
          req.destroy();
        }
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('the e2e test host', () => {
  let host: Awaited<ReturnType<typeof startHost>>;
  beforeAll(async () => {
    const rendererDir = mkdtempSync(join(tmpdir(), 'duizhao-host-renderer-'));
    mkdirSync(join(rendererDir, 'assets'));
    writeFileSync(
      join(rendererDir, 'index.html'),
      '<html><head><script type="module" src="./assets/a.js"></script></head></html>',
    );
    writeFileSync(join(rendererDir, 'assets', 'a.js'), 'export {}');
    const bridgeFile = join(rendererDir, '..', `bridge-${Date.now()}.js`);
    writeFileSync(bridgeFile, '/* bridge */');
    host = await startHost({
      dataDir: mkdtempSync(join(tmpdir(), 'duizhao-host-data-')),
      samplesDir: join(ROOT, 'resources', 'samples'),
      rendererDir,
      bridgeFile,
    });
  });
  afterAll(() => host.close());

  const call = (name: string, args: unknown[], headers: Record<string, string>) =>
    raw(host.url, { method: 'POST', path: `/__duizhao/call/${name}`, headers, body: toWire(args) });

  it('puts its token in its own page, and answers calls that carry it', async () => {
    const page = await raw(host.url, { path: '/' });
    expect(page.status).toBe(200);
    const token = new RegExp(`<meta name="${TOKEN_META}" content="([0-9a-f]+)"`).exec(page.body)?.[1];
    expect(token).toBe(host.token);
    expect(page.body.indexOf(TOKEN_META)).toBeLessThan(page.body.indexOf('/__duizhao/bridge.js'));
    const ok = await call('listArticles', [], { [TOKEN_HEADER]: host.token });
    expect(ok.status).toBe(200);
    expect(fromWire(ok.body)).toMatchObject({ ok: true, value: expect.any(Array) as unknown });
    expect((await raw(host.url, { path: `/__duizhao/events?token=${host.token}` })).status).toBe(200);
  });

  it('refuses calls and events without the token, with a wrong one, or for another Host', async () => {
    const list = async () => fromWire((await call('listArticles', [], { [TOKEN_HEADER]: host.token })).body);
    const before = await list();
    expect((await call('listArticles', [], {})).status).toBe(403);
    expect((await call('listArticles', [], { [TOKEN_HEADER]: 'f'.repeat(64) })).status).toBe(403);
    expect((await call('listArticles', [], { [TOKEN_HEADER]: host.token.slice(1) })).status).toBe(403);
    const imported = await call('importText', [{ text: '不该进来' }], { origin: 'https://evil.example' });
    expect(imported.status).toBe(403);
    expect((await raw(host.url, { path: '/__duizhao/events' })).status).toBe(403);
    expect((await raw(host.url, { path: '/__duizhao/events?token=nope' })).status).toBe(403);
    // DNS rebinding: a page of evil.example resolved to 127.0.0.1 would read our page, token and all.
    const rebound = await raw(host.url, { path: '/', headers: { host: `evil.example:${new URL(host.url).port}` } });
    expect(rebound.status).toBe(403);
    expect(rebound.body).not.toContain(host.token);
    // The refused import did not happen.
    expect(await list()).toEqual(before);
    const accepted = await call('importText', [{ text: '该进来' }], { [TOKEN_HEADER]: host.token });
    expect(fromWire(accepted.body)).toMatchObject({ ok: true, value: { status: 'imported' } });
    expect(await list()).not.toEqual(before);
  });

  it('answers a malformed %-escape with 400 and a way out of the renderer folder with 403', async () => {
    expect((await raw(host.url, { path: '/assets/%E4%B8' })).status).toBe(400);
    expect((await raw(host.url, { path: '/%zz.js' })).status).toBe(400);
    expect((await raw(host.url, { path: '/..%2f..%2fetc%2fpasswd' })).status).toBe(403);
    expect((await raw(host.url, { path: '/assets/a.js' })).status).toBe(200);
  });
});
