import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type PluginOption, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config from '../../electron.config';
import { CONTENT_SECURITY_POLICY } from '../../main/security';
import { ROOT } from '../helpers/data';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const scriptSrc = (html: string) =>
  /http-equiv="Content-Security-Policy"\s+content="[^"]*script-src ([^;"]*)/.exec(html)?.[1]?.trim().split(/\s+/) ?? [];

describe('the dev server page under our CSP', () => {
  let server: ViteDevServer;
  beforeAll(async () => {
    // The renderer's real page through the plugins electron.config.ts gives the renderer in `dev`.
    const plugins = (config as { renderer: { plugins: PluginOption[] } }).renderer.plugins;
    server = await createServer({
      configFile: false,
      logLevel: 'silent',
      root: join(ROOT, 'renderer'),
      plugins,
      server: { middlewareMode: true, ws: false },
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('allows each inline script of the dev page (the React preamble) by its hash, and nothing more', async () => {
    const source = readFileSync(join(ROOT, 'renderer', 'index.html'), 'utf8');
    const html = await server.transformIndexHtml('/index.html', source);
    const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1] ?? '');
    expect(inline.some((code) => code.includes('injectIntoGlobalHook'))).toBe(true);
    const allowed = scriptSrc(html);
    for (const code of inline) expect(allowed).toContain(sha256(code));
    expect(allowed).toEqual(["'self'", ...inline.map(sha256)]);
    expect(allowed).not.toContain("'unsafe-inline'");
  });

  it('leaves the production policy strict', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
  });
});
