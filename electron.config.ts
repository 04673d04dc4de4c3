import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

const root = import.meta.dirname;

/**
 * Development only: the dev server's page gets an inline module script from @vitejs/plugin-react
 * (the React Refresh preamble), which our `script-src 'self'` refuses, leaving a blank window.
 * This allows exactly that script by its hash in the page's CSP meta tag; the built app is
 * untouched and keeps the strict policy (main sends it with every app:// page).
 */
export function devInlineScriptHashes(): Plugin {
  return {
    name: 'duizhao:dev-inline-script-hashes',
    apply: 'serve',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const hashes = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map(
          (m) =>
            `'sha256-${createHash('sha256')
              .update(m[1] ?? '')
              .digest('base64')}'`,
        );
        // The library's images are served on app:// by main, which the dev server's page is not.
        html = html.replace(
          /(http-equiv="Content-Security-Policy"\s+content="[^"]*img-src 'self')/,
          '$1 app://duizhao',
        );
        if (hashes.length === 0) return html;
        return html.replace(
          /(http-equiv="Content-Security-Policy"\s+content="[^"]*script-src 'self')/,
          `$1 ${hashes.join(' ')}`,
        );
      },
    },
  };
}

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
      // The workers are entries of their own: main starts out/main/convert-worker.js and import-worker.js.
      lib: {
        entry: {
          index: resolve(root, 'main/index.ts'),
          'convert-worker': resolve(root, 'main/script/worker.ts'),
          'import-worker': resolve(root, 'main/library/work-worker.ts'),
          'reading-worker': resolve(root, 'main/reading/worker.ts'),
        },
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
    plugins: [react(), devInlineScriptHashes()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      minify: 'esbuild',
      chunkSizeWarningLimit: 800,
      emptyOutDir: true,
      rollupOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
