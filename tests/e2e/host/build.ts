import { build } from 'esbuild';
import { join } from 'node:path';

/** Bundles the test host (Node) and its bridge (browser) into out/e2e-host. */
export async function buildHost(root: string): Promise<void> {
  const outDir = join(root, 'out', 'e2e-host');
  await build({
    entryPoints: [join(root, 'tests/e2e/host/main.ts')],
    outfile: join(outDir, 'host.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    logLevel: 'warning',
  });
  await build({
    entryPoints: [join(root, 'main/script/worker.ts')],
    outfile: join(outDir, 'convert-worker.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    logLevel: 'warning',
  });
  await build({
    entryPoints: [join(root, 'tests/e2e/host/bridge.ts')],
    outfile: join(outDir, 'bridge.js'),
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    logLevel: 'warning',
  });
}
