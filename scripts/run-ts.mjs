// Runs a TypeScript entry point of this repository under Node: bundles it with esbuild into
// out/run/ (dependencies stay in node_modules) and imports it, passing the arguments through.
//   node scripts/run-ts.mjs main/cli/convert.ts --to s2t
import { build } from 'esbuild';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('Usage: node scripts/run-ts.mjs <entry.ts> [args...]\n');
  process.exit(2);
}
const outfile = join(root, 'out', 'run', `${basename(entry, extname(entry))}.mjs`);
await build({
  entryPoints: [resolve(root, entry)],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
  logLevel: 'error',
});
process.argv = [process.argv[0] ?? 'node', outfile, ...args];
await import(pathToFileURL(outfile).href);
