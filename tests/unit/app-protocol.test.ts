import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_START_URL, IMAGE_BASE, resolveAppPath, serveAppRequest } from '../../main/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../main/security';

describe('the app:// protocol', () => {
  let base: string;
  let root: string;
  beforeAll(() => {
    // A renderer folder with a secret next to it, as the packaged app has its data beside out/renderer.
    base = mkdtempSync(join(tmpdir(), 'duizhao-protocol-'));
    root = join(base, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>对照</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(base, 'secret.txt'), 'not for the page');
    writeFileSync(join(base, 'renderer-evil.txt'), 'a sibling whose name starts like the root');
  });
  const get = (url: string) => serveAppRequest(root, new Request(url));

  it('serves our pages with the production CSP as a header', async () => {
    const page = await get(APP_START_URL);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('对照');
    const script = await get('app://duizhao/assets/app.js');
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await script.text()).toBe('console.log(1)');
    expect((await get('app://duizhao/')).status).toBe(200);
  });

  it('refuses every way out of the renderer folder', async () => {
    const escapes = [
      'app://duizhao/..%2fsecret.txt',
      'app://duizhao/assets/..%2f..%2fsecret.txt',
      'app://duizhao/%2e%2e%2fsecret.txt',
      'app://duizhao/..%5csecret.txt',
      'app://duizhao/..%2frenderer-evil.txt',
      'app://duizhao/index.html%00.js',
    ];
    for (const url of escapes) {
      const response = await get(url);
      expect(response.status, url).toBe(403);
      expect(await response.text(), url).not.toContain('not for the page');
    }
    // Plain ../ is folded by the URL parser before it reaches the folder: it stays inside.
    expect(resolveAppPath(root, 'app://duizhao/../../secret.txt')).toEqual({ file: join(root, 'secret.txt') });
    expect((await get('app://duizhao/../../secret.txt')).status).toBe(404);
  });

  it('answers a malformed escape with 400, another host or scheme with 404, and writes with 405', async () => {
    expect((await get('app://duizhao/%E4%B8')).status).toBe(400);
    expect((await get('app://duizhao/%zz')).status).toBe(400);
    expect((await get('app://elsewhere/index.html')).status).toBe(404);
    expect(resolveAppPath(root, 'file:///etc/passwd')).toEqual({ status: 404 });
    expect((await get('app://duizhao/missing.js')).status).toBe(404);
    expect((await get('app://duizhao/assets')).status).toBe(404);
    const post = await serveAppRequest(root, new Request(APP_START_URL, { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
  });

  it("serves the library's images by id, with the type sniffed at import, and nothing else under that path", async () => {
    const id = 'ab'.repeat(32);
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const images = (wanted: string) => (wanted === id ? { mime: 'image/png', bytes } : undefined);
    const image = await serveAppRequest(root, new Request(`${IMAGE_BASE}${id}`), images);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(bytes);
    for (const wrong of ['cd'.repeat(32), 'AB'.repeat(32), `${id}/../index.html`, '..%2Fsecret.txt', '']) {
      expect((await serveAppRequest(root, new Request(`${IMAGE_BASE}${wrong}`), images)).status).toBe(404);
    }
    // Pages are still served beside it.
    expect((await serveAppRequest(root, new Request(APP_START_URL), images)).status).toBe(200);
  });
});
