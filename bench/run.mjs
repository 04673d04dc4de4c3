/**
 * Runs the benchmarks: bundles bench/*.ts into out/bench/ with esbuild (npm packages stay external
 * and load from node_modules), builds the app and the test host for the Chromium one, then runs
 * the highlight, import, encoding-detection, reading-aid, library search, heavy-work (main thread),
 * side-by-side, big-article, ruby and lookup (Chromium) and conversion benchmarks.
 *
 *   node bench/run.mjs [--runs N] [--mb M]     (options of the conversion benchmark)
 */
import { build, stop } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outdir = join(root, 'out', 'bench');

await build({
  absWorkingDir: root,
  entryPoints: [
    'bench/convert.ts',
    'bench/detect.ts',
    'bench/engine-child.ts',
    'bench/heavy.ts',
    'bench/heavy-child.ts',
    'bench/highlights.ts',
    'bench/import.ts',
    'bench/library.ts',
    'bench/parallel.ts',
    'bench/reading.ts',
    'bench/search.ts',
    'bench/rich-doc.ts',
    'main/library/work-worker.ts',
    'bench/big-article.ts',
    'bench/ruby.ts',
    'tests/e2e/host/build.ts',
  ],
  outdir,
  outbase: '.',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node22',
  logLevel: 'warning',
});
await stop();

await import(pathToFileURL(join(outdir, 'bench', 'highlights.mjs')).href);
console.log('');
await import(pathToFileURL(join(outdir, 'bench', 'import.mjs')).href);
console.log('');
await import(pathToFileURL(join(outdir, 'bench', 'detect.mjs')).href);
console.log('');
await import(pathToFileURL(join(outdir, 'bench', 'reading.mjs')).href);
console.log('');
await import(pathToFileURL(join(outdir, 'bench', 'search.mjs')).href);
console.log('');
await import(pathToFileURL(join(outdir, 'bench', 'rich-doc.mjs')).href);
console.log('');
await import(pathToFileURL(join(outdir, 'bench', 'heavy.mjs')).href);
console.log('');

// The side-by-side benchmark drives the built renderer through the test host in Chromium.
const built = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
if (built.status !== 0) throw new Error('npm run build failed');
const { buildHost } = await import(pathToFileURL(join(outdir, 'tests', 'e2e', 'host', 'build.mjs')).href);
await buildHost(root);
await import(pathToFileURL(join(outdir, 'bench', 'parallel.mjs')).href);
console.log('');
await import(pathToFileURL(join(outdir, 'bench', 'library.mjs')).href);
console.log('');
await import(pathToFileURL(join(outdir, 'bench', 'big-article.mjs')).href);
console.log('');
await import(pathToFileURL(join(outdir, 'bench', 'ruby.mjs')).href);
console.log('');
await import(pathToFileURL(join(outdir, 'bench', 'convert.mjs')).href);
