import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The repository: found from this file upwards, so that a bundled copy (bench) finds it too. */
function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'resources', 'samples'))) return dir;
    if (dirname(dir) === dir) return join(import.meta.dirname, '..', '..');
  }
}

export const ROOT = findRoot(import.meta.dirname);
export const SAMPLES_DIR = join(ROOT, 'resources', 'samples');

/** The sample articles (a copy of shared/seeds), by file name. */
export function samples(): Record<string, string> {
  return Object.fromEntries(
    readdirSync(SAMPLES_DIR)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => [f, readFileSync(join(SAMPLES_DIR, f), 'utf8')]),
  );
}

export const sample = (prefix: '000' | '001' | '003'): string => {
  const entry = Object.entries(samples()).find(([name]) => name.startsWith(prefix));
  if (!entry) throw new Error(`no sample ${prefix}`);
  return entry[1];
};

export const tempDir = (label = 'duizhao-test-'): string => mkdtempSync(join(tmpdir(), label));
