import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Renderer components compile as the app's do (React's automatic JSX runtime).
  esbuild: { jsx: 'automatic' },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/db/**/*.test.ts', 'tests/renderer/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
