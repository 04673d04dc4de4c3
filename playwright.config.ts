import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests. By default they run the built renderer in Debian's Chromium against the
 * loopback test host (tests/e2e/host); with an Electron binary present (or DUIZHAO_E2E=electron)
 * the same specs drive the real app through Playwright's _electron launcher.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e/global-setup.ts',
  outputDir: 'test-results/e2e',
  fullyParallel: true,
  ...(process.env.CI ? { workers: 2 } : {}),
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    viewport: { width: 1200, height: 860 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
