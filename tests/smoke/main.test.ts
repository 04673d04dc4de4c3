import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_NAMES, callChannel } from '../../preload/contract/api';
import type { Result } from '../../preload/contract/types';
import { epub3, FIGURE } from '../helpers/books';
import { encodePage, newsPage } from '../helpers/pages';
import { menuRoles, runPreload, startMain, type FakeWindow, type Smoke } from './load-main';

// The packaged app on Linux, as a user runs it.
let smoke: Smoke & { dataDir: string };
let win: FakeWindow;
beforeAll(async () => {
  smoke = await startMain({ packaged: true, platform: 'linux' });
  win = smoke.record.windows[0]!;
});
afterAll(() => {
  smoke.app.emit('will-quit');
});

describe('the built main process', () => {
  it('registers exactly one IPC handler per contract call', () => {
    expect([...smoke.record.ipcHandlers.keys()].sort()).toEqual(CALL_NAMES.map(callChannel).sort());
  });

  it('opens one isolated, sandboxed window with the built preload, on app:// and not file://', () => {
    expect(smoke.record.windows).toHaveLength(1);
    const prefs = win.options.webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String(prefs.preload)).toMatch(/out[/\\]preload[/\\]index\.js$/);
    expect(win.loaded).toEqual(['app://duizhao/index.html']);
  });

  it('registers app:// as privileged before ready and serves the renderer through it with the CSP header', async () => {
    expect(smoke.record.privilegedBeforeReady).toBe(true);
    expect(smoke.record.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) as unknown },
    ]);
    const handler = smoke.record.protocolHandlers.get('app')!;
    const page = await handler(new Request('app://duizhao/index.html'));
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("default-src 'none'");
    expect(await page.text()).toContain('<div id="root">');
    const escape = await handler(new Request('app://duizhao/..%2f..%2fpackage.json'));
    expect(escape.status).toBe(403);
    expect(await escape.text()).not.toContain('"name": "duizhao"');
  });

  it('does not force a CSP header on every response of the session (the dev server page has its own)', () => {
    expect(smoke.record.headerListeners).toEqual([]);
  });

  it('blocks navigation away, new windows and webviews; web links go to the system browser', () => {
    const contents = win.webContents;
    const navigate = (url: string) => {
      let prevented = false;
      contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(navigate('https://example.com/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('app://duizhao/index.html')).toBe(false);
    expect(contents.windowOpenHandler!({ url: 'https://example.com/a' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(smoke.record.openedExternally).toEqual(['https://example.com/a']);
    let webview = false;
    contents.emit('will-attach-webview', { preventDefault: () => (webview = true) });
    expect(webview).toBe(true);
  });

  it('refuses calls from another webContents, from a foreign frame, or from a frame that is gone', async () => {
    const channel = callChannel('listArticles');
    const refused = { ok: false, error: { code: 'unsupported', detail: 'Untrusted sender.' } };
    const stranger = new smoke.FakeWebContents('app://duizhao/index.html');
    expect(await smoke.invokeMain(channel, [], stranger)).toEqual(refused);
    expect(await smoke.invokeMain(channel, [], win.webContents, 'https://evil.example/')).toEqual(refused);
    expect(await smoke.invokeMain(channel, [], win.webContents, 'file:///tmp/x.html')).toEqual(refused);
    expect(await smoke.invokeMain(channel, [], win.webContents, null)).toEqual(refused);
    const own = (await smoke.invokeMain(channel, [], win.webContents)) as Result<unknown[]>;
    expect(own.ok).toBe(true);
  });

  it('grants the clipboard write to our own page only, and no other permission', () => {
    const request = (contents: unknown, permission: string, url: string) => {
      let granted: boolean | undefined;
      smoke.record.permissionRequestHandler!(contents as never, permission, (ok) => (granted = ok), {
        requestingUrl: url,
      });
      return granted;
    };
    const own = win.webContents;
    const stranger = new smoke.FakeWebContents('https://evil.example/');
    expect(request(own, 'clipboard-sanitized-write', 'app://duizhao/index.html')).toBe(true);
    expect(request(stranger, 'clipboard-sanitized-write', 'app://duizhao/index.html')).toBe(false);
    expect(request(own, 'clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      expect(request(own, permission, 'app://duizhao/index.html'), permission).toBe(false);
    }
    const check = smoke.record.permissionCheckHandler!;
    expect(check(own, 'clipboard-sanitized-write', 'app://duizhao', {})).toBe(true);
    expect(check(null, 'clipboard-sanitized-write', 'app://duizhao', {})).toBe(false);
    expect(check(stranger, 'clipboard-sanitized-write', 'app://duizhao', {})).toBe(false);
    expect(check(own, 'clipboard-sanitized-write', 'http://localhost:5173', {})).toBe(false);
    expect(check(own, 'media', 'app://duizhao', {})).toBe(false);
  });

  it('sets a menu without Reload or Developer Tools in the packaged app', () => {
    expect(smoke.record.menus).toHaveLength(1);
    const roles = menuRoles(smoke.record.menus[0]!.template);
    expect(roles).toEqual(expect.arrayContaining(['copy', 'paste', 'selectAll']));
    for (const role of ['reload', 'forceReload', 'toggleDevTools', 'viewMenu']) expect(roles).not.toContain(role);
  });

  it('keeps the single-instance lock per library when DUIZHAO_DATA_DIR is set', () => {
    expect(smoke.record.singleInstanceLockUserData).toBe(join(smoke.dataDir, 'chromium'));
    smoke.app.emit('second-instance', {}, [], '/');
    expect(win.focused).toBe(1);
    expect(smoke.record.windows).toHaveLength(1);
  });
});

describe('the built preload', () => {
  it('requires only electron and exposes exactly the contract calls and `on`', () => {
    const { required, exposed, api } = runPreload();
    expect([...new Set(required)]).toEqual(['electron']);
    expect([...exposed.keys()]).toEqual(['duizhao']);
    expect(Object.keys(api).sort()).toEqual([...CALL_NAMES, 'on'].sort());
  });

  it('round-trips through main and the real conversion worker', async () => {
    const { api } = runPreload();
    const imported = await api.importText({ text: '软件开发\n\n这是一个测试。', title: '软件' });
    expect(imported.ok).toBe(true);
    if (!imported.ok || imported.value.status !== 'imported') throw new Error(JSON.stringify(imported));
    const id = imported.value.article.id;
    const converted = await api.getConvertedText(id, 'taiwanPhrases');
    if (!converted.ok) throw new Error(JSON.stringify(converted));
    const text = converted.value.blocks.map((b) => JSON.stringify(b)).join('');
    expect(text).toContain('軟體開發');
    expect(text).toContain('這是一個測試');
    const bad = await api.getArticle(-1);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('invalid_argument');
  });

  it('imports every format through the built main (its bundled importers and their dependencies), images served on app://', async () => {
    const { api } = runPreload();
    const info = await api.getAppInfo();
    if (!info.ok) throw new Error(JSON.stringify(info));
    expect(info.value.imageBase).toBe('app://duizhao/library-images/');
    const markdown = new TextEncoder().encode('---\ntitle: 冒烟\n---\n\n**真，**她说。\n');
    const report = await api.importFiles([
      { name: 'a.md', bytes: markdown },
      { name: 'page.html', bytes: encodePage(newsPage({ image: { kind: 'data' } })) },
      { name: 'book.epub', bytes: epub3() },
    ]);
    if (!report.ok) throw new Error(JSON.stringify(report));
    expect(report.value.outcomes.map((o) => [o.name, o.status])).toEqual([
      ['a.md', 'imported'],
      ['page.html', 'imported'],
      ['book.epub', 'imported'],
    ]);
    const book = report.value.outcomes[2]!;
    if (book.status !== 'imported') throw new Error('no book');
    const article = await api.getArticle(book.article.id);
    if (!article.ok) throw new Error(JSON.stringify(article));
    const id = article.value.blocks.flatMap((b) => (b.image?.id ? [b.image.id] : [])).find(Boolean)!;
    const image = await smoke.record.protocolHandlers.get('app')!(new Request(`${info.value.imageBase}${id}`));
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    const served = new Uint8Array(await image.arrayBuffer());
    expect(served.byteLength).toBeGreaterThan(0);
    expect([...article.value.blocks.flatMap((b) => (b.image?.id ? [b.image.id] : []))]).toContain(
      (await import('node:crypto')).createHash('sha256').update(FIGURE).digest('hex'),
    );
  });
});
