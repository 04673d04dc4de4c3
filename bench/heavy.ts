/**
 * Heavy work and the main thread (issue 13, point 6): Update text… on a 680,000-character article
 * with 2,000 highlights, importing 100,000 annotations (Duizhao's JSON), importing a 45 MB text and
 * importing 1,000 files (the "1,000 files < 10 s"). Each runs in a fresh process (bench/heavy-child.ts) through the services
 * main runs, with the import worker as the app has it, while a 10 ms interval on the main thread
 * records the longest task that held it and the peak RSS (process.memoryUsage). Anchors, in the
 * same run: the same work with everything in the main thread (inline), or a plain JSON.parse /
 * TextDecoder of the same bytes.
 *
 * Prints a table and writes bench-results/heavy.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { HeavyResult } from './heavy-child';
import { type BenchRow, report } from './report';

const ROOT = process.cwd();
const CHILD = join(ROOT, 'out', 'bench', 'bench', 'heavy-child.mjs');
const WORKER = join(ROOT, 'out', 'bench', 'main', 'library', 'work-worker.mjs');

function child(scenario: string, mode: 'worker' | 'inline' | 'unindexed'): HeavyResult {
  const run = spawnSync(process.execPath, ['--expose-gc', CHILD, scenario, mode, WORKER], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`heavy-child ${scenario} ${mode} failed (${run.status})`);
  const line = run.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as HeavyResult;
}

if (!existsSync(CHILD) || !existsSync(WORKER))
  throw new Error('Run through bench/run.mjs (it bundles the child and the worker).');

const results: Record<string, HeavyResult> = {};
// HEAVY_ONLY=notes,big runs only those scenarios (their rows alone are printed).
const only = process.env.HEAVY_ONLY?.split(',');
for (const [scenario, mode] of [
  ['replace', 'worker'],
  ['replace', 'inline'],
  ['notes', 'worker'],
  ['notes', 'inline'],
  ['big', 'worker'],
  ['big', 'unindexed'],
  ['files', 'worker'],
  ['files', 'inline'],
] as const) {
  if (only && !only.includes(scenario)) continue;
  results[`${scenario}-${mode}`] = child(scenario, mode);
  console.error(`heavy: ${scenario} (${mode}) done`);
}
const r = (key: string): HeavyResult => {
  const found = results[key];
  if (!found) throw new Error(`no result ${key}`);
  return found;
};

const has = (scenario: string) => `${scenario}-worker` in results;
const filesPerSecond = (x: HeavyResult) => (Number(x.facts.files) / x.ms) * 1000;

const rows: BenchRow[] = [];
if (has('replace')) {
  const replace = r('replace-worker');
  rows.push(
    {
      what: 'Update text…, 680k chars, 2,000 highlights',
      ours: replace.ms,
      anchor: replace.anchorMs,
      anchorName: replace.anchorName,
      unit: 'ms',
      target: 1000,
    },
    {
      what: '  longest main-thread task',
      ours: replace.longestBlockMs,
      anchor: r('replace-inline').longestBlockMs,
      anchorName: 'all in main',
      unit: 'ms',
      target: 100,
    },
  );
}
if (has('notes')) {
  const notes = r('notes-worker');
  rows.push(
    {
      what: `import ${notes.facts.total} annotations (${Number(notes.facts.mb).toFixed(0)} MB JSON)`,
      ours: notes.ms,
      anchor: notes.anchorMs,
      anchorName: notes.anchorName,
      unit: 'ms',
      target: 3000,
    },
    {
      what: '  peak RSS',
      ours: notes.rssPeakMb,
      anchor: notes.rssBeforeMb,
      anchorName: 'RSS before',
      unit: 'MB',
      target: 500,
    },
    {
      what: '  longest main-thread task',
      ours: notes.longestBlockMs,
      anchor: r('notes-inline').longestBlockMs,
      anchorName: 'all in main',
      unit: 'ms',
      target: 100,
    },
  );
}
if (has('big')) {
  const big = r('big-worker');
  rows.push(
    {
      what: `import a ${Number(big.facts.mb).toFixed(0)} MB text`,
      ours: big.ms,
      anchor: big.anchorMs,
      anchorName: big.anchorName,
      unit: 'ms',
    },
    {
      what: '  peak RSS',
      ours: big.rssPeakMb,
      anchor: big.rssBeforeMb,
      anchorName: 'RSS before',
      unit: 'MB',
      target: 500,
    },
    {
      what: '  longest main-thread task',
      ours: big.longestBlockMs,
      anchor: r('big-unindexed').longestBlockMs,
      anchorName: 'stored without the search index',
      unit: 'ms',
      target: 100,
    },
    {
      what: '  peak RSS, without the search index',
      ours: r('big-unindexed').rssPeakMb,
      anchor: r('big-unindexed').rssBeforeMb,
      anchorName: 'RSS before',
      unit: 'MB',
      target: 500,
    },
  );
}
if (has('files')) {
  const files = r('files-worker');
  rows.push(
    {
      what: `import ${Number(files.facts.files).toLocaleString('en')} files (~2,000 chars, 20 a call)`,
      ours: filesPerSecond(files),
      anchor: filesPerSecond(r('files-inline')),
      anchorName: 'all in main',
      unit: 'files/s',
      target: 100,
    },
    {
      what: '  longest main-thread task',
      ours: files.longestBlockMs,
      anchor: r('files-inline').longestBlockMs,
      anchorName: 'all in main',
      unit: 'ms',
      target: 100,
    },
  );
}

report('heavy', 'Heavy work off the main thread: one fresh process per run, the import worker as in the app', rows, {
  results,
});
