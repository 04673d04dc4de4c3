import { build, type BuildOptions } from 'esbuild';
import { join } from 'node:path';

/** Bundles the test host (Node), the conversion worker it runs and its bridge (browser) into out/e2e-host. */
export async function buildHost(root: string): Promise<void> {
  const outDir = join(root, 'out', 'e2e-host');
  const node: BuildOptions = { bundle: true, platform: 'node', format: 'esm', target: 'node22', packages: 'external' };
  const bundles: [string, string, BuildOptions][] = [
    ['tests/e2e/host/main.ts', 'host.mjs', node],
    ['main/script/worker.ts', 'convert-worker.mjs', node],
    ['main/library/work-worker.ts', 'import-worker.mjs', node],
    ['main/reading/worker.ts', 'reading-worker.mjs', node],
    [
      'tests/e2e/host/bridge.ts',
      'bridge.js',
      { bundle: true, platform: 'browser', format: 'iife', target: 'chrome120' },
    ],
  ];
  for (const [entry, file, options] of bundles) {
    await build({ ...options, entryPoints: [join(root, entry)], outfile: join(outDir, file), logLevel: 'warning' });
  }
}
