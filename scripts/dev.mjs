#!/usr/bin/env node
// `npm run dev [-- electron-vite dev options]`: electron-vite's dev server with Electron.
//
// electron-vite 6 finds Electron by reading node_modules/electron/path.txt itself: on a fresh clone
// there is none yet (Electron 45 fetches its binary on first use, not at install), so it stops with
// "Electron uninstall"; and it ignores ELECTRON_OVERRIDE_DIST_PATH. Here the electron package
// resolves its own binary first (downloading it the first time, honouring
// ELECTRON_OVERRIDE_DIST_PATH and @electron/get's ELECTRON_MIRROR / electron_config_cache), and
// electron-vite is handed the result as ELECTRON_EXEC_PATH, which it does honour.
//
//   node scripts/dev.mjs --print-electron-path   prints the binary dev would run, and exits
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The Electron binary: ELECTRON_EXEC_PATH as given, else the electron package's own answer. */
function electronPath() {
  if (process.env.ELECTRON_EXEC_PATH) return process.env.ELECTRON_EXEC_PATH;
  // node_modules/electron/index.js exports the binary's path, downloading it first if missing.
  return require('electron');
}

let binary;
try {
  binary = electronPath();
} catch (error) {
  console.error(
    `dev: Electron's binary is not installed and could not be fetched (${error instanceof Error ? error.message : error}).\n` +
      'dev: it downloads once from GitHub (or ELECTRON_MIRROR). Without the network, point ELECTRON_OVERRIDE_DIST_PATH at\n' +
      'dev: an unpacked Electron 45 folder, or ELECTRON_EXEC_PATH at its executable.',
  );
  process.exit(1);
}

const args = process.argv.slice(2);
if (args[0] === '--print-electron-path') {
  console.log(binary);
  process.exit(0);
}

const cli = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
const child = spawn(process.execPath, [cli, 'dev', '--config', 'electron.config.ts', ...args], {
  stdio: 'inherit',
  env: { ...process.env, ELECTRON_EXEC_PATH: binary },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
