import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileFunction } from 'node:vm';
import type { DuizhaoApi } from '../../preload/contract/api';

/**
 * Runs the built main process (out/main/index.js) under Node against tests/smoke/fake-electron.cjs,
 * as `electron .` would run it, and gives the tests the fake's record. One app per test file
 * (Vitest runs each smoke file in its own process).
 */
export const ROOT = join(import.meta.dirname, '..', '..');
const FAKE = join(import.meta.dirname, 'fake-electron.cjs');
const MAIN = join(ROOT, 'out', 'main', 'index.js');
const PRELOAD = join(ROOT, 'out', 'preload', 'index.js');

const require = createRequire(import.meta.url);

interface ModuleInternals {
  _resolveFilename(request: string, ...rest: unknown[]): string;
}

export interface SmokeOptions {
  packaged: boolean;
  platform?: NodeJS.Platform;
  devUrl?: string;
}

export interface FakeWindow {
  options: { webPreferences: Record<string, unknown> } & Record<string, unknown>;
  loaded: string[];
  focused: number;
  webContents: FakeContents;
  close(): void;
  isDestroyed(): boolean;
}
export interface FakeContents {
  id: number;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null;
  getURL(): string;
  emit(event: string, ...args: unknown[]): boolean;
  listenerCount(event: string): number;
}
export interface SmokeRecord {
  privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[];
  privilegedBeforeReady: boolean | null;
  protocolHandlers: Map<string, (request: Request) => Promise<Response>>;
  ipcHandlers: Map<string, (event: unknown, ...args: unknown[]) => unknown>;
  windows: FakeWindow[];
  menus: { template: MenuItem[] }[];
  openedExternally: string[];
  permissionRequestHandler:
    ((contents: FakeContents | null, permission: string, cb: (ok: boolean) => void, details: object) => void) | null;
  permissionCheckHandler:
    ((contents: FakeContents | null, permission: string, origin: string, details: object) => boolean) | null;
  headerListeners: unknown[][];
  singleInstanceLockUserData: string | null;
  paths: Map<string, string>;
  quitCalls: number;
  errorBoxes: string[][];
  exposed: Map<string, unknown>;
}
export interface MenuItem {
  role?: string;
  label?: string;
  submenu?: MenuItem[];
}
export interface Smoke {
  record: SmokeRecord;
  FakeWebContents: new (url?: string) => FakeContents;
  invokeMain(channel: string, args: unknown[], sender: FakeContents, frameUrl?: string | null): Promise<unknown>;
  nextWindow(): Promise<FakeWindow>;
  app: { emit(event: string, ...args: unknown[]): boolean };
}

/** Starts the built main process on a fresh data folder and waits for its first window. */
export async function startMain(options: SmokeOptions): Promise<Smoke & { dataDir: string }> {
  if (!existsSync(MAIN) || !existsSync(PRELOAD)) throw new Error('Run `npm run build` first: out/main is missing.');
  const dataDir = mkdtempSync(join(tmpdir(), 'duizhao-smoke-data-'));
  process.env.DUIZHAO_DATA_DIR = dataDir;
  process.env.SMOKE_PACKAGED = options.packaged ? '1' : '0';
  if (options.devUrl) process.env.ELECTRON_RENDERER_URL = options.devUrl;
  else delete process.env.ELECTRON_RENDERER_URL;
  // A packaged app finds its samples in process.resourcesPath.
  Object.defineProperty(process, 'resourcesPath', { value: join(ROOT, 'resources'), configurable: true });
  if (options.platform && options.platform !== process.platform) {
    // better-sqlite3 picks its prebuild by platform: load it for the real one before pretending.
    const Database = require('better-sqlite3') as new (path: string) => { close(): void };
    new Database(':memory:').close();
    Object.defineProperty(process, 'platform', { value: options.platform, configurable: true });
  }
  const internals = Module as unknown as ModuleInternals;
  const resolve = internals._resolveFilename.bind(Module);
  internals._resolveFilename = (request, ...rest) => (request === 'electron' ? FAKE : resolve(request, ...rest));
  const fake = (require(FAKE) as { __smoke: Smoke; app: Smoke['app'] }).__smoke;
  const firstWindow = fake.nextWindow();
  require(MAIN);
  await firstWindow;
  // start() finishes synchronously after creating the window; let its last listeners attach.
  await new Promise((r) => setImmediate(r));
  return { ...fake, app: (require(FAKE) as { app: Smoke['app'] }).app, dataDir };
}

/**
 * Runs the built preload as a sandboxed renderer would: its only `require` is the fake electron;
 * returns the modules it asked for and what it exposed.
 */
export function runPreload(): { required: string[]; exposed: Map<string, unknown>; api: DuizhaoApi } {
  const fake = require(FAKE) as { __smoke: Smoke };
  const required: string[] = [];
  const sandboxRequire = (name: string): unknown => {
    required.push(name);
    if (name !== 'electron') throw new Error(`A sandboxed preload cannot require "${name}"`);
    return require(FAKE);
  };
  const module = { exports: {} };
  const run = compileFunction(readFileSync(PRELOAD, 'utf8'), [
    'exports',
    'require',
    'module',
    '__filename',
    '__dirname',
  ]) as (...args: unknown[]) => void;
  run(module.exports, sandboxRequire, module, PRELOAD, join(PRELOAD, '..'));
  const exposed = fake.__smoke.record.exposed;
  return { required, exposed, api: exposed.get('duizhao') as DuizhaoApi };
}

/** Every role in a menu template, submenus included. */
export function menuRoles(items: MenuItem[]): string[] {
  return items.flatMap((item) => [...(item.role ? [item.role] : []), ...menuRoles(item.submenu ?? [])]);
}
