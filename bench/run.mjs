/**
 * Runs the benchmarks: bundles bench/*.ts into out/bench/ with esbuild (npm packages stay external
 * and load from node_modules), builds the app and the test host for the Chromium one, then runs
 * the highlight, import, encoding-detection, reading-aid, library search, heavy-work (main thread),
 * side-by-side, big-article, ruby and lookup (Chromium) and conversion benchmarks.
 *
 *   node bench/run.mjs [--runs N] [--mb M]     (options of the conversion benchmark)
 *   node bench/run.mjs --only heavy,search     (those benchmarks alone)
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

// `--only a,b` runs those benchmarks alone (the names of bench/*.ts), e.g. `--only heavy`;
// HEAVY_ONLY=notes,big narrows bench/heavy.ts to some of its scenarios.
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt > 0 ? new Set((process.argv[onlyAt + 1] ?? '').split(',')) : undefined;
const wanted = (name) => only === undefined || only.has(name);

for (const name of ['highlights', 'import', 'detect', 'reading', 'search', 'rich-doc', 'heavy']) {
  if (!wanted(name)) continue;
  await import(pathToFileURL(join(outdir, 'bench', `${name}.mjs`)).href);
  console.log('');
}

// The side-by-side benchmark drives the built renderer through the test host in Chromium.
if (['parallel', 'library', 'big-article', 'ruby'].some(wanted)) {
  const built = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) throw new Error('npm run build failed');
  const { buildHost } = await import(pathToFileURL(join(outdir, 'tests', 'e2e', 'host', 'build.mjs')).href);
  await buildHost(root);
  for (const name of ['parallel', 'library', 'big-article', 'ruby']) {
    if (!wanted(name)) continue;
    await import(pathToFileURL(join(outdir, 'bench', `${name}.mjs`)).href);
    console.log('');
  }
}
if (wanted('convert')) await import(pathToFileURL(join(outdir, 'bench', 'convert.mjs')).href);
