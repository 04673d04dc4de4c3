import { build } from 'esbuild';
import { join } from 'node:path';
import { ROOT } from './data';

/**
 * A worker entry bundled as the app bundles it, into out/test-worker/ next to node_modules (so that
 * it finds OpenCC's data): the path to start it from.
 */
export async function buildWorker(entry: string, name: string): Promise<string> {
  const outfile = join(ROOT, 'out', 'test-worker', `${name}.mjs`);
  await build({
    entryPoints: [join(ROOT, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'error',
  });
  return outfile;
}
