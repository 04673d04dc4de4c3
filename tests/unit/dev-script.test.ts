import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/data';

const electronInstalled = existsSync(join(ROOT, 'node_modules', 'electron', 'path.txt'));

/** Runs an npm script in the project with a given environment (no ELECTRON_* from the caller). */
function npmRun(args: string[], env: Record<string, string>) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('ELECTRON_')));
  return spawnSync('npm', ['run', '-s', ...args], {
    cwd: ROOT,
    env: { ...clean, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

/** A stand-in Electron executable: records how dev started it and what the dev server served. */
function fakeElectron(): { dir: string; report: string } {
  const dir = mkdtempSync(join(tmpdir(), 'duizhao-fake-electron-'));
  const report = join(dir, 'report.json');
  writeFileSync(
    join(dir, 'electron'),
    `#!${process.execPath}
const fs = require('node:fs');
(async () => {
  const url = process.env.ELECTRON_RENDERER_URL;
  const page = await fetch(url);
  fs.writeFileSync(${JSON.stringify(report)}, JSON.stringify({ argv: process.argv.slice(2), url, html: await page.text() }));
})().catch((e) => { fs.writeFileSync(${JSON.stringify(report)}, JSON.stringify({ error: String(e) })); process.exit(3); });
`,
  );
  chmodSync(join(dir, 'electron'), 0o755);
  return { dir, report };
}

describe('npm run dev', () => {
  it('runs electron-vite dev with the Electron that ELECTRON_OVERRIDE_DIST_PATH points at, and the page it serves can run', () => {
    const electron = fakeElectron();
    // Into the project's own out/: electron-vite dev looks for package.json's main entry there.
    const run = npmRun(['dev'], { ELECTRON_OVERRIDE_DIST_PATH: electron.dir });
    expect(run.status, run.stderr + run.stdout).toBe(0);
    const report = JSON.parse(readFileSync(electron.report, 'utf8')) as { argv: string[]; url: string; html: string };
    expect(report.url).toMatch(/^http:\/\/localhost:\d+/);
    // The React preamble is inline; the page's CSP allows exactly it by hash.
    const inline = [...report.html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]!);
    expect(inline.length).toBeGreaterThan(0);
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(report.html)?.[1] ?? '';
    for (const code of inline) {
      expect(csp).toContain(`'sha256-${createHash('sha256').update(code).digest('base64')}'`);
    }
    expect(existsSync(join(process.cwd(), 'out', 'main', 'index.js'))).toBe(true);
  });

  it('takes ELECTRON_EXEC_PATH as given, and otherwise the electron package’s own answer', () => {
    const exec = npmRun(['dev', '--', '--print-electron-path'], { ELECTRON_EXEC_PATH: '/opt/e/electron' });
    expect(exec.stdout.trim()).toBe('/opt/e/electron');
    const override = npmRun(['dev', '--', '--print-electron-path'], { ELECTRON_OVERRIDE_DIST_PATH: '/opt/dist' });
    expect(override.stdout.trim()).toMatch(/^\/opt\/dist\/electron$|^\/opt\/dist\//);
  });

  it.skipIf(electronInstalled)('on a fresh clone fetches Electron first, and says what to do when it cannot', () => {
    // A mirror that refuses connections stands for "no network" without waiting for a timeout.
    const run = npmRun(['dev', '--', '--print-electron-path'], { ELECTRON_MIRROR: 'http://127.0.0.1:9/' });
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).toContain('Downloading Electron binary');
    expect(run.stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH');
    expect(run.stderr).not.toContain('Electron uninstall');
  });
});
