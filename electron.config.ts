import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = import.meta.dirname;

/**
 * electron-vite config for our top-level layout (main/, preload/, renderer/).
 * electron-vite by default looks for src/, so every entry is explicit here.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Native and runtime dependencies (better-sqlite3, ...) stay in node_modules.
      externalizeDeps: true,
      // The conversion worker is its own entry: main starts it as out/main/convert-worker.js.
      lib: {
        entry: { index: resolve(root, 'main/index.ts'), 'convert-worker': resolve(root, 'main/script/worker.ts') },
        formats: ['cjs'],
      },
      rollupOptions: { output: { entryFileNames: '[name].js' } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can only require('electron'): bundle everything else into one CommonJS file.
      externalizeDeps: false,
      isolatedEntries: true,
      lib: { entry: resolve(root, 'preload/index.ts'), formats: ['cjs'] },
      rollupOptions: { external: ['electron'], output: { entryFileNames: '[name].js' } },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      minify: 'esbuild',
      chunkSizeWarningLimit: 800,
      emptyOutDir: true,
      rollupOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
