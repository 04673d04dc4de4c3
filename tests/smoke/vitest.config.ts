import { defineConfig } from 'vitest/config';

/**
 * The smoke tests run the built app (out/), so `npm test` runs them after `build`, with this config.
 * Each file starts its own main process in its own worker process.
 */
export default defineConfig({
  test: {
    root: `${import.meta.dirname}/../..`,
    include: ['tests/smoke/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    isolate: true,
    testTimeout: 60_000,
  },
});
