import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './load-main';

/**
 * What `npm run dist` packs, checked by running electron-builder itself (its file matchers, its
 * asar packer) against a stand-in Electron folder, since the real Electron zip is a download.
 */
const require = createRequire(import.meta.url);
interface Builder {
  build(options: object): Promise<string[]>;
  Platform: { LINUX: { createTarget(types: string[] | string, ...archs: number[]): unknown } };
  Arch: { x64: number; arm64: number };
}
const builder = require('electron-builder') as Builder;
const asar = require('@electron/asar') as { listPackage(path: string, options?: object): string[] };
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  homepage?: string;
  author?: { name?: string; email?: string };
  desktopName?: string;
  build: Record<string, unknown> & {
    directories: Record<string, string>;
    linux: { maintainer?: string; executableName?: string; icon?: string };
    mac: { icon?: string };
    win: { icon?: string };
    electronFuses: Record<string, boolean>;
  };
};

function fakeElectronDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'duizhao-electron-dist-'));
  mkdirSync(join(dir, 'resources'));
  writeFileSync(join(dir, 'electron'), '#!/bin/sh\n');
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'version'), '45.4.1');
  return dir;
}

/**
 * Runs electron-builder on the project's config (package.json "build", which it reads itself,
 * merged with these overrides); only the Electron binary is a stand-in.
 */
async function pack(targets: unknown, output: string): Promise<void> {
  await builder.build({
    projectDir: ROOT,
    targets,
    config: {
      electronDist: fakeElectronDist(),
      // Fuses are flipped in the real binary, which the stand-in is not.
      electronFuses: null,
      directories: { output },
    },
  });
}

const pngSize = (file: string) => {
  const png = readFileSync(file);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
};

describe('npm run dist', () => {
  let output: string;
  beforeAll(async () => {
    output = mkdtempSync(join(tmpdir(), 'duizhao-dist-'));
    await pack(builder.Platform.LINUX.createTarget('dir', builder.Arch.x64, builder.Arch.arm64), output);
  }, 180_000);

  it('packs the built app and, of better-sqlite3, only the prebuild of the target platform and arch', () => {
    for (const [dir, prebuild] of [
      ['linux-unpacked', 'linux-x64.node'],
      ['linux-arm64-unpacked', 'linux-arm64.node'],
    ] as const) {
      const resources = join(output, dir, 'resources');
      const files = asar.listPackage(join(resources, 'app.asar'), { isPack: false });
      for (const needed of [
        '/package.json',
        '/out/main/index.js',
        '/out/main/convert-worker.js',
        '/out/preload/index.js',
        '/out/renderer/index.html',
        '/node_modules/better-sqlite3/lib/index.js',
        '/node_modules/better-sqlite3/package.json',
        '/node_modules/opencc/package.json',
      ]) {
        expect(files, needed).toContain(needed);
      }
      expect(files.filter((f) => f.endsWith('.node'))).toEqual([`/node_modules/better-sqlite3/prebuilds/${prebuild}`]);
      // The prebuild lies unpacked beside the asar, where Node can load it.
      expect(readdirSync(join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'prebuilds'))).toEqual([
        prebuild,
      ]);
      // OpenCC's text data is all the engine reads: every config and dictionary, nothing else.
      const openccData = join(ROOT, 'node_modules', 'opencc', 'data');
      const expected = [
        ...readdirSync(join(openccData, 'config'))
          .filter((f) => f.endsWith('.json'))
          .map((f) => `/node_modules/opencc/data/config/${f}`),
        ...readdirSync(join(openccData, 'dictionary'))
          .filter((f) => f.endsWith('.txt'))
          .map((f) => `/node_modules/opencc/data/dictionary/${f}`),
      ].sort();
      const opencc = files.filter((f) => f.startsWith('/node_modules/opencc/data/') && /\.\w+$/.test(f)).sort();
      expect(opencc).toEqual(expected);
      const unwanted = files.filter((f) =>
        /^\/(out\/e2e-host|tests|main|renderer|preload|scripts|bench|resources|docs|\.ci)(\/|$)|\/node_modules\/(better-sqlite3\/(deps|src|binding\.gyp)|@opencc|node-addon-api|opencc\/(node|src|prebuilds|scripts|patches)|electron|electron-builder|vite|react)(\/|$)/.test(
          f,
        ),
      );
      expect(unwanted).toEqual([]);
    }
  });

  it('gets through electron-builder’s deb target up to building the package', async () => {
    // electron-builder's own deb target: with the metadata right it gets to building the package
    // (then needs fpm, a download, unless the network is there).
    const debOutput = mkdtempSync(join(tmpdir(), 'duizhao-deb-'));
    const outcome = await pack(builder.Platform.LINUX.createTarget('deb', builder.Arch.x64), debOutput).then(
      () => 'built',
      (error: Error) => error.message,
    );
    if (outcome !== 'built') {
      expect(outcome).not.toMatch(/homepage|maintainer|author|email|description/i);
      expect(outcome).toMatch(/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|network|fetch|download|timeout/i);
    } else {
      expect(existsSync(join(debOutput, 'duizhao_0.1.0_amd64.deb'))).toBe(true);
    }
  }, 180_000);

  it('has what the deb target asks for: homepage, author email, maintainer, desktop name, icons', () => {
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.author?.email).toMatch(/^[^@\s]+@[^@\s]+$/);
    expect(pkg.build.linux.maintainer).toMatch(/<[^@\s]+@[^@\s]+>$/);
    expect(pkg.desktopName).toBe(`${pkg.build.linux.executableName}.desktop`);
    expect(pkg.build.npmRebuild).toBe(false);
    for (const icon of [pkg.build.mac.icon, pkg.build.win.icon]) {
      expect(pngSize(join(ROOT, icon!))).toEqual({ width: 1024, height: 1024 });
    }
    const linuxIcons = join(ROOT, pkg.build.linux.icon!);
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(pngSize(join(linuxIcons, `${size}x${size}.png`))).toEqual({ width: size, height: size });
    }
    expect(pkg.build.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
