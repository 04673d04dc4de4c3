import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callChannel } from '../../preload/contract/api';
import { menuRoles, startMain, type Smoke } from './load-main';

// `npm run dev`: not packaged, the renderer served by electron-vite's dev server.
const DEV_URL = 'http://localhost:5173/';
let smoke: Smoke & { dataDir: string };
beforeAll(async () => {
  smoke = await startMain({ packaged: false, platform: 'linux', devUrl: DEV_URL });
});
afterAll(() => {
  smoke.app.emit('will-quit');
});

describe('the built main process in development', () => {
  it('loads the dev server and leaves its responses alone (its page carries its own CSP with the preamble hash)', () => {
    const win = smoke.record.windows[0]!;
    expect(win.loaded).toEqual([DEV_URL]);
    expect(smoke.record.headerListeners).toEqual([]);
  });

  it('trusts the dev server page for IPC and the clipboard, and nothing else', async () => {
    const win = smoke.record.windows[0]!;
    const ok = (await smoke.invokeMain(callChannel('getSettings'), [], win.webContents)) as { ok: boolean };
    expect(ok.ok).toBe(true);
    const foreign = (await smoke.invokeMain(
      callChannel('getSettings'),
      [],
      win.webContents,
      'http://localhost:6666/',
    )) as {
      ok: boolean;
    };
    expect(foreign.ok).toBe(false);
    const check = smoke.record.permissionCheckHandler!;
    expect(check(win.webContents, 'clipboard-sanitized-write', 'http://localhost:5173', {})).toBe(true);
    expect(check(win.webContents, 'clipboard-sanitized-write', 'http://localhost:6666', {})).toBe(false);
  });

  it('offers Reload and Developer Tools while developing', () => {
    expect(menuRoles(smoke.record.menus[0]!.template)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });
});
