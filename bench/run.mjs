/**
 * Runs the benchmarks: bundles bench/convert.ts, bench/engine-child.ts and bench/highlights.ts into
 * out/bench/ with esbuild (npm packages stay external and load from node_modules), then runs the
 * highlight benchmark and the conversion benchmark.
 *
 *   node bench/run.mjs [--runs N] [--mb M]     (options of the conversion benchmark)
 */
import { build, stop } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outdir = join(root, 'out', 'bench');

await build({
  absWorkingDir: root,
  entryPoints: ['bench/convert.ts', 'bench/engine-child.ts', 'bench/highlights.ts'],
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node22',
  logLevel: 'warning',
});
await stop();

await import(pathToFileURL(join(outdir, 'highlights.mjs')).href);
console.log('');
await import(pathToFileURL(join(outdir, 'convert.mjs')).href);
