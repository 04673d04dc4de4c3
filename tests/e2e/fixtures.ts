import { test as base, chromium, _electron, expect, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost } from './host/start';

const root = join(__dirname, '..', '..');
export const samplesDir = join(root, 'resources', 'samples');
export const screenshotDir = join(root, 'test-results', 'screenshots');

/** Chromium binary for the browser runs: Debian's by default, never a downloaded one. */
const chromiumPath = process.env.DUIZHAO_CHROMIUM ?? '/usr/bin/chromium';

/** Which shell the specs drive: the real Electron app when its binary is there, else Chromium + test host. */
export function e2eTarget(): 'electron' | 'chromium' {
  const wanted = process.env.DUIZHAO_E2E;
  if (wanted === 'electron' || wanted === 'chromium') return wanted;
  const electronDir = join(root, 'node_modules', 'electron');
  const pathFile = join(electronDir, 'path.txt');
  const hasBinary =
    Boolean(process.env.ELECTRON_OVERRIDE_DIST_PATH) ||
    (existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8'))));
  return hasBinary ? 'electron' : 'chromium';
}

interface Fixtures {
  /** A fresh, empty data folder for this test. */
  dataDir: string;
  /** The app's window, on a fresh library. */
  app: Page;
  /** Saves a named screenshot under test-results/screenshots. */
  shot(name: string): Promise<void>;
  /**
   * Runs what starts an export and returns the file it produced: a download in Chromium (the test
   * host has no save dialog); in Electron the save dialog is answered with a temporary path.
   */
  exported(start: () => Promise<void>): Promise<{ fileName: string; content: string }>;
}

/** The Electron app behind a window, when the specs drive Electron. */
const electronApps = new WeakMap<Page, ElectronApplication>();

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    await use(mkdtempSync(join(tmpdir(), 'duizhao-e2e-')));
  },
  app: async ({ dataDir, bypassCSP }, use) => {
    if (e2eTarget() === 'electron') {
      const app = await _electron.launch({
        args: [root],
        env: { ...process.env, DUIZHAO_DATA_DIR: dataDir, LANG: 'zh_CN.UTF-8' },
      });
      const page = await app.firstWindow();
      await page.setViewportSize({ width: 1200, height: 860 });
      electronApps.set(page, app);
      await use(page);
      await app.close();
      return;
    }
    const host = await startHost(root, dataDir);
    // The host is stopped whatever happens, a browser that fails to start included.
    try {
      const browser = await chromium.launch({
        executablePath: chromiumPath,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--disable-quic',
        ],
      });
      // bypassCSP only for the accessibility spec: axe-core is injected as a script our CSP refuses.
      const context = await browser.newContext({ viewport: { width: 1200, height: 860 }, locale: 'zh-CN', bypassCSP });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console: ${m.text()}`);
      });
      await page.goto(host.url);
      await use(page);
      await browser.close();
      // A CSP violation or an uncaught error fails the test even when the page looked fine.
      if (problems.length) throw new Error(`The page reported errors:\n${problems.join('\n')}`);
    } finally {
      host.stop();
    }
  },
  exported: async ({ app }, use) => {
    await use(async (start) => {
      const electronApp = electronApps.get(app);
      if (!electronApp) {
        const [download] = await Promise.all([app.waitForEvent('download'), start()]);
        const path = await download.path();
        return { fileName: download.suggestedFilename(), content: readFileSync(path, 'utf8') };
      }
      const dir = mkdtempSync(join(tmpdir(), 'duizhao-export-'));
      await electronApp.evaluate(({ dialog }, folder) => {
        dialog.showSaveDialog = (...args: unknown[]) => {
          const options = args[args.length - 1] as { defaultPath?: string };
          return Promise.resolve({ canceled: false, filePath: `${folder}/${options.defaultPath ?? 'export'}` });
        };
      }, dir);
      await start();
      await expect.poll(() => readdirSync(dir).length).toBe(1);
      const fileName = readdirSync(dir)[0] ?? '';
      return { fileName, content: readFileSync(join(dir, fileName), 'utf8') };
    });
  },
  shot: async ({ app }, use) => {
    mkdirSync(screenshotDir, { recursive: true });
    await use(async (name) => {
      await app.screenshot({ path: join(screenshotDir, `${name}.png`) });
    });
  },
});

export { expect } from '@playwright/test';
