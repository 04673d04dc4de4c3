/**
 * How every benchmark reports: one table with the project's figure beside its anchor (a simple
 * baseline measured in the same run, or the target), the ratio, and whether the target is
 * met; the same rows as JSON in bench-results/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

export interface BenchRow {
  what: string;
  /** The project's figure. */
  ours: number;
  /** What it is compared with, measured in the same run (or a fixed figure), and its name. */
  anchor: number | null;
  anchorName: string;
  unit: 'ms' | 'MB' | 'MB/s' | 'files/s' | 'nodes';
  /** The figure to meet, when there is one: ours must be at most this (at least, for rates). */
  target?: number;
}

const higherIsBetter = (unit: BenchRow['unit']) => unit === 'MB/s' || unit === 'files/s';

export function met(row: BenchRow): boolean | null {
  if (row.target === undefined) return null;
  return higherIsBetter(row.unit) ? row.ours >= row.target : row.ours <= row.target;
}

const fmt = (n: number | null, unit: string) => (n === null ? '—' : `${n < 10 ? n.toFixed(2) : n.toFixed(0)} ${unit}`);

/** Prints the table and writes bench-results/<name>.json. */
export function report(
  name: string,
  title: string,
  rows: readonly BenchRow[],
  extra: Record<string, unknown> = {},
): void {
  const table = rows.map((r) => [
    r.what,
    fmt(r.ours, r.unit),
    r.anchor === null ? r.anchorName : `${fmt(r.anchor, r.unit)} (${r.anchorName})`,
    r.anchor === null || r.anchor === 0 ? '—' : `${(r.ours / r.anchor).toFixed(2)}×`,
    r.target === undefined
      ? '—'
      : `${higherIsBetter(r.unit) ? '≥' : '≤'} ${fmt(r.target, r.unit)} ${met(r) ? 'met' : 'NOT met'}`,
  ]);
  const head = ['what', 'ours', 'anchor (same run)', 'ratio', 'target'];
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  console.log(title);
  console.log(`Node ${process.version}, ${cpus()[0]?.model.trim() ?? 'unknown CPU'} × ${cpus().length}\n`);
  console.log(line(head));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of table) console.log(line(row));
  const dir = join(process.cwd(), 'bench-results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  const json = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model.trim() ?? null,
    rows: rows.map((r) => ({ ...r, ratio: r.anchor ? r.ours / r.anchor : null, met: met(r) })),
    ...extra,
  };
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\nWrote ${file}`);
}

/** Median and best of `runs` timings after one warm-up. */
export function timed(fn: () => unknown, runs = 15): { median: number; best: number; first: number } {
  let t = performance.now();
  fn();
  const first = performance.now() - t;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: times[times.length >> 1] ?? NaN, best: times[0] ?? NaN, first };
}
