import { type Browser, chromium } from '@playwright/test';
import { startHost } from '../tests/e2e/host/start';

/**
 * The test host on a data folder and Debian's Chromium (never a downloaded one), as the benchmarks
 * that drive the built renderer use them; `stop` closes both.
 */
export async function startBrowserBench(
  root: string,
  dataDir: string,
): Promise<{ host: { url: string }; browser: Browser; stop(): Promise<void> }> {
  const host = await startHost(root, dataDir);
  const browser = await chromium.launch({
    executablePath: process.env.DUIZHAO_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  return {
    host,
    browser,
    stop: async () => {
      await browser.close();
      host.stop();
    },
  };
}
