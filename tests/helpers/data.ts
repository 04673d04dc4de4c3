import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
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
