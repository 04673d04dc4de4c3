import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callChannel } from '../../preload/contract/api';
import { menuRoles, startMain, type Smoke } from './load-main';

// The packaged app on macOS, where closing the last window leaves the app running.
let smoke: Smoke & { dataDir: string };
beforeAll(async () => {
  smoke = await startMain({ packaged: true, platform: 'darwin' });
});
afterAll(() => {
  smoke.app.emit('will-quit');
});

describe('the built main process on macOS', () => {
  it('has the app menu and an Edit menu whose roles make copy and paste work', () => {
    const template = smoke.record.menus[0]!.template;
    expect(template[0]!.role).toBe('appMenu');
    const edit = template.find((item) => item.role === 'editMenu')!;
    expect(menuRoles(edit.submenu ?? [])).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']),
    );
    expect(menuRoles(template)).not.toContain('toggleDevTools');
  });

  it('after the window is closed, a second instance or a Dock click opens a new window', async () => {
    const first = smoke.record.windows[0]!;
    first.close();
    expect(smoke.record.quitCalls).toBe(0);
    expect(() => smoke.app.emit('second-instance', {}, [], '/')).not.toThrow();
    expect(smoke.record.windows).toHaveLength(2);
    const second = smoke.record.windows[1]!;
    expect(second.isDestroyed()).toBe(false);
    expect(second.loaded).toEqual(['app://duizhao/index.html']);
    // The new window is the trusted one; the closed one's contents are not.
    const ok = (await smoke.invokeMain(callChannel('listArticles'), [], second.webContents)) as { ok: boolean };
    expect(ok.ok).toBe(true);
    const stale = (await smoke.invokeMain(callChannel('listArticles'), [], first.webContents)) as { ok: boolean };
    expect(stale.ok).toBe(false);

    second.close();
    smoke.app.emit('activate');
    expect(smoke.record.windows).toHaveLength(3);
    smoke.app.emit('activate');
    expect(smoke.record.windows).toHaveLength(3);
  });
});
