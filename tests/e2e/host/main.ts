import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startHost } from './server';

/**
 * Runs the test host as its own process (as main is its own process in Electron):
 *   node out/e2e-host/host.mjs [--data DIR] [--port N] [--locale zh-CN]
 * Prints `listening <url>` once it serves.
 */
const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    port: { type: 'string', default: '0' },
    locale: { type: 'string', default: 'zh-CN' },
    root: { type: 'string', default: process.cwd() },
  },
});
const root = resolve(values.root);
const host = await startHost({
  dataDir: values.data ?? mkdtempSync(join(tmpdir(), 'duizhao-host-')),
  samplesDir: join(root, 'resources', 'samples'),
  rendererDir: join(root, 'out', 'renderer'),
  bridgeFile: join(root, 'out', 'e2e-host', 'bridge.js'),
  conversionWorker: join(root, 'out', 'e2e-host', 'convert-worker.mjs'),
  importWorker: join(root, 'out', 'e2e-host', 'import-worker.mjs'),
  readingWorker: join(root, 'out', 'e2e-host', 'reading-worker.mjs'),
  // One packed dictionary for every test's fresh library: only the first start parses the package.
  cacheDir: join(root, 'out', 'e2e-host', 'cache'),
  systemLocale: values.locale,
  port: Number(values.port),
});
console.log(`listening ${host.url}`);
const stop = () => void host.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
