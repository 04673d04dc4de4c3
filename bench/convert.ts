/**
 * Conversion benchmark: our engine (main/script/convert.ts) against opencc-js and simplecc-wasm,
 * for s2t, t2s and s2twp on ≥ 5 MB of real Chinese prose. Run with `node bench/run.mjs`, which
 * bundles this file and bench/engine-child.ts into out/bench/ and runs this one.
 *
 *   node bench/run.mjs [--runs N] [--mb M]
 *
 * - Throughput: UTF-8 input bytes per second (MB = 10^6 bytes), median of N ≥ 5 timed runs
 *   (default 7) after a warm-up run.
 * - Start-up and memory: every engine × variant runs in its own fresh child process; start-up is
 *   the time from process start until the engine is imported, the variant's dictionaries are
 *   loaded and a first conversion is done; peak RSS is process.resourceUsage().maxRSS.
 * - Output: every engine's result is compared line by line with ours.
 *
 * Corpus: Debian's fortunes-zh (/usr/share/games/fortunes/chinese, Simplified; ANSI colour escapes
 * and `%` separator lines stripped) or, when that is not installed, the articles in
 * resources/samples/; repeated to ≥ M MB (default 5). The t2s input is that corpus converted once
 * with opencc-js s2t.
 *
 * Prints a table and writes bench-results/convert.json.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Converter } from 'opencc-js';
import {
  BENCH_VARIANTS,
  type BenchVariant,
  type ChildReport,
  type Engine,
  ENGINE_NOTES,
  ENGINES,
  OPENCC_JS_LOCALES,
} from './engines';

/** This file runs bundled (as out/bench/bench/convert.mjs), next to the bundled child. */
const BUNDLE_DIR = dirname(fileURLToPath(import.meta.url));

/**
 * The repository: the nearest folder up from the bundle that holds our package.json. Counting
 * `..` broke when the bundle moved a level down (ENOENT on out/main/script/opencc at the end).
 */
function repositoryRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'duizhao') {
      return dir;
    }
    if (dirname(dir) === dir) throw new Error(`No duizhao package.json above ${from}`);
  }
}
const ROOT = repositoryRoot(BUNDLE_DIR);
const CHILD = join(BUNDLE_DIR, 'engine-child.mjs');
const WORK_DIR = join(BUNDLE_DIR, 'data');
const RESULTS = join(ROOT, 'bench-results', 'convert.json');
const FORTUNES = '/usr/share/games/fortunes/chinese';
const SAMPLES = join(ROOT, 'resources', 'samples');
const MB = 1e6;
const REFERENCE: Engine = 'ours';
const BASELINE: Engine = 'opencc-js';

// ---------------------------------------------------------------------------------------------
// Options

interface Options {
  runs: number;
  minBytes: number;
}

function parseOptions(args: readonly string[]): Options {
  const options: Options = { runs: 15, minBytes: 5 * MB };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    const value = Number(args[i + 1]);
    if (flag === '--runs' && Number.isInteger(value) && value >= 5) options.runs = value;
    else if (flag === '--mb' && value > 0) options.minBytes = value * MB;
    else if (flag === '--only')
      void 0; // bench/run.mjs's own option
    else throw new Error(`Unknown or invalid option ${flag ?? ''} ${args[i + 1] ?? ''} (use --runs N≥5, --mb M)`);
    i++;
  }
  return options;
}

// ---------------------------------------------------------------------------------------------
// Corpus

interface Corpus {
  name: string;
  source: string;
  /** One copy of the text, ending with a newline. */
  base: string;
  repeats: number;
}

// Built from a string so that no control character appears in a regex literal (no-control-regex).
const ANSI_ESCAPE = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*[A-Za-z]`, 'g');

/** Strips colour escapes, repeatedly: the file nests a few (ESC[; ESC[34;1m m). */
function stripAnsi(text: string): string {
  let previous: string;
  do {
    previous = text;
    text = text.replace(ANSI_ESCAPE, '');
  } while (text !== previous);
  return text;
}

function withFinalNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

function loadCorpus(minBytes: number): Corpus {
  let name: string;
  let source: string;
  let base: string;
  if (existsSync(FORTUNES)) {
    name = 'fortunes-zh (Debian, Simplified)';
    source = FORTUNES;
    base = stripAnsi(readFileSync(FORTUNES, 'utf8'))
      .split('\n')
      .filter((line) => line !== '%')
      .join('\n');
  } else {
    name = 'resources/samples (seed articles; fortunes-zh not installed)';
    source = SAMPLES;
    base = readdirSync(SAMPLES)
      .filter((file) => file.endsWith('.txt'))
      .sort()
      .map((file) => withFinalNewline(readFileSync(join(SAMPLES, file), 'utf8')))
      .join('');
  }
  base = withFinalNewline(base);
  const repeats = Math.ceil(minBytes / Buffer.byteLength(base));
  return { name, source, base, repeats };
}

// ---------------------------------------------------------------------------------------------
// Children

interface Run {
  report: ChildReport | null;
  error: string | null;
  outputPath: string;
}

function runChild(engine: Engine, variant: BenchVariant, inputPath: string, runs: number): Run {
  const outputPath = join(WORK_DIR, `${engine}.${variant}.txt`);
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', CHILD, engine, variant, inputPath, outputPath, String(runs)],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 16 * 1024 * 1024 },
  );
  const lastLine = child.stdout.trim().split('\n').pop() ?? '';
  if (child.status === 0 && lastLine.startsWith('{')) {
    return { report: JSON.parse(lastLine) as ChildReport, error: null, outputPath };
  }
  const why = child.error?.message ?? child.stderr.trim().split('\n').slice(0, 3).join(' | ');
  return { report: null, error: `exit ${child.status ?? child.signal ?? '?'}: ${why}`, outputPath };
}

// ---------------------------------------------------------------------------------------------
// Output comparison

interface Difference {
  /** Around the first differing character: source, ours, theirs. */
  source: string;
  reference: string;
  other: string;
}

interface Comparison {
  lines: number;
  differingLines: number;
  /** Differing lines counted once per distinct (ours, theirs) pair: the corpus is repeated. */
  distinctDifferingLines: number;
  examples: Difference[];
}

function excerpt(text: string, at: number): string {
  const start = Math.max(0, at - 8);
  return `${start > 0 ? '…' : ''}${text.slice(start, at + 12)}${at + 12 < text.length ? '…' : ''}`;
}

function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function compareLines(source: string, reference: string, other: string, maxExamples = 5): Comparison {
  const sourceLines = source.split('\n');
  const referenceLines = reference.split('\n');
  const otherLines = other.split('\n');
  const lines = Math.max(referenceLines.length, otherLines.length);
  const distinct = new Set<string>();
  const examples: Difference[] = [];
  let differingLines = 0;
  for (let i = 0; i < lines; i++) {
    const ours = referenceLines[i] ?? '';
    const theirs = otherLines[i] ?? '';
    if (ours === theirs) continue;
    differingLines++;
    const key = `${ours}\u0000${theirs}`;
    if (distinct.has(key)) continue;
    distinct.add(key);
    if (examples.length < maxExamples) {
      const at = firstDifference(ours, theirs);
      examples.push({
        source: excerpt(sourceLines[i] ?? '', at),
        reference: excerpt(ours, at),
        other: excerpt(theirs, at),
      });
    }
  }
  return { lines, differingLines, distinctDifferingLines: distinct.size, examples };
}

// ---------------------------------------------------------------------------------------------
// Report

interface Result {
  engine: Engine;
  variant: BenchVariant;
  note: string;
  error: string | null;
  mbPerSecond: number | null;
  medianMs: number | null;
  timesMs: number[];
  speedVsOpenccJs: number | null;
  /** From the fastest run: this shared machine's noise only ever slows a run down. */
  bestMbPerSecond: number | null;
  bestVsOpenccJs: number | null;
  startupMs: number | null;
  bootMs: number | null;
  loadMs: number | null;
  readyRssMB: number | null;
  peakRssMB: number | null;
  inputBytes: number | null;
  /** Compared with ours; null for ours itself or when a run failed. */
  output: Comparison | null;
}

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const hi = sorted[mid] ?? NaN;
  return sorted.length % 2 === 1 ? hi : (hi + (sorted[mid - 1] ?? NaN)) / 2;
}

function packageVersion(name: string): string {
  try {
    const json = JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
      version?: unknown;
    };
    return typeof json.version === 'string' ? json.version : 'unknown';
  } catch {
    return 'not installed';
  }
}

/** A fingerprint of our engine's sources, since results are compared across commits. */
function oursSourceHash(): string {
  const dir = join(ROOT, 'main', 'script', 'opencc');
  const files = [
    join(ROOT, 'main', 'script', 'convert.ts'),
    join(ROOT, 'preload', 'contract', 'alignment.ts'),
    ...readdirSync(dir)
      .filter((file) => file.endsWith('.ts'))
      .sort()
      .map((file) => join(dir, file)),
  ];
  const hash = createHash('sha256');
  for (const file of files) hash.update(relative(ROOT, file)).update(existsSync(file) ? readFileSync(file) : '');
  return hash.digest('hex').slice(0, 16);
}

function fixed(value: number | null, digits: number, suffix = ''): string {
  return value === null || !Number.isFinite(value) ? '—' : `${value.toFixed(digits)}${suffix}`;
}

function table(rows: readonly (readonly string[])[], rightAligned: ReadonlySet<number>): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length))) ?? [];
  const line = (row: readonly string[]): string =>
    row
      .map((cell, c) => (rightAligned.has(c) ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  const [head, ...body] = rows;
  return [line(head ?? []), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

function differenceCell(result: Result): string {
  if (result.engine === REFERENCE) return 'reference';
  if (!result.output) return '—';
  const { differingLines, distinctDifferingLines, lines } = result.output;
  return differingLines === 0 ? `0 / ${lines}` : `${differingLines} / ${lines} (${distinctDifferingLines} distinct)`;
}

// ---------------------------------------------------------------------------------------------

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  const corpus = loadCorpus(options.minBytes);
  const simplified = corpus.base.repeat(corpus.repeats);
  const traditional = Converter(OPENCC_JS_LOCALES.s2t)(corpus.base).repeat(corpus.repeats);
  const inputs: Record<'simplified' | 'traditional', { text: string; path: string }> = {
    simplified: { text: simplified, path: join(WORK_DIR, 'input.simplified.txt') },
    traditional: { text: traditional, path: join(WORK_DIR, 'input.traditional.txt') },
  };
  mkdirSync(WORK_DIR, { recursive: true });
  for (const input of Object.values(inputs)) writeFileSync(input.path, input.text);
  const inputFor = (variant: BenchVariant) => (variant === 't2s' ? inputs.traditional : inputs.simplified);

  const cpu = cpus()[0]?.model.trim() ?? 'unknown';
  console.log(`Corpus: ${corpus.name}, ${(Buffer.byteLength(corpus.base) / MB).toFixed(2)} MB × ${corpus.repeats}`);
  console.log(`  s2t, s2twp input: ${(Buffer.byteLength(simplified) / MB).toFixed(2)} MB (Simplified)`);
  console.log(
    `  t2s input: ${(Buffer.byteLength(traditional) / MB).toFixed(2)} MB (the corpus converted once with opencc-js s2t)`,
  );
  console.log(
    `Node ${process.version}, ${cpu} × ${cpus().length}; ${options.runs} timed runs after a warm-up, each engine × variant in a fresh process`,
  );
  console.log('');

  const results: Result[] = [];
  for (const variant of BENCH_VARIANTS) {
    const input = inputFor(variant);
    const runs = new Map<Engine, Run>();
    for (const engine of ENGINES) {
      process.stderr.write(`  ${variant} ${engine}… `);
      const run = runChild(engine, variant, input.path, options.runs);
      runs.set(engine, run);
      process.stderr.write(
        run.report
          ? `${(run.report.inputBytes / MB / (median(run.report.timesMs) / 1000)).toFixed(1)} MB/s\n`
          : `failed\n`,
      );
    }
    const referenceRun = runs.get(REFERENCE);
    const referenceText = referenceRun?.report ? readFileSync(referenceRun.outputPath, 'utf8') : null;
    const baselineRun = runs.get(BASELINE)?.report;
    const baselineSpeed = baselineRun ? baselineRun.inputBytes / MB / (median(baselineRun.timesMs) / 1000) : null;
    const baselineBest = baselineRun ? baselineRun.inputBytes / MB / (Math.min(...baselineRun.timesMs) / 1000) : null;
    for (const engine of ENGINES) {
      const run = runs.get(engine);
      const report = run?.report ?? null;
      const medianMs = report ? median(report.timesMs) : null;
      const mbPerSecond = report && medianMs ? report.inputBytes / MB / (medianMs / 1000) : null;
      const bestMbPerSecond = report ? report.inputBytes / MB / (Math.min(...report.timesMs) / 1000) : null;
      const output =
        run && report && referenceText !== null && engine !== REFERENCE
          ? compareLines(input.text, referenceText, readFileSync(run.outputPath, 'utf8'))
          : null;
      results.push({
        engine,
        variant,
        note: ENGINE_NOTES[engine],
        error: run?.error ?? null,
        mbPerSecond,
        medianMs,
        timesMs: report?.timesMs ?? [],
        speedVsOpenccJs: mbPerSecond !== null && baselineSpeed ? mbPerSecond / baselineSpeed : null,
        bestMbPerSecond,
        bestVsOpenccJs: bestMbPerSecond !== null && baselineBest ? bestMbPerSecond / baselineBest : null,
        startupMs: report?.startupMs ?? null,
        bootMs: report?.bootMs ?? null,
        loadMs: report?.loadMs ?? null,
        readyRssMB: report ? report.readyMaxRssBytes / MB : null,
        peakRssMB: report ? report.peakMaxRssBytes / MB : null,
        inputBytes: report?.inputBytes ?? null,
        output,
      });
    }
  }

  const rows = [
    [
      'engine',
      'variant',
      'MB/s',
      'vs opencc-js',
      'best MB/s',
      'best vs opencc-js',
      'run ms min–max',
      'start-up ms',
      'ready RSS MB',
      'peak RSS MB',
      'lines differing from ours',
    ],
    ...results.map((r) => [
      r.engine === REFERENCE ? `${r.engine} *` : r.engine,
      r.variant,
      r.error ? 'failed' : fixed(r.mbPerSecond, 1),
      fixed(r.speedVsOpenccJs, 2, '×'),
      r.error ? 'failed' : fixed(r.bestMbPerSecond, 1),
      fixed(r.bestVsOpenccJs, 2, '×'),
      r.timesMs.length ? `${Math.min(...r.timesMs).toFixed(0)}–${Math.max(...r.timesMs).toFixed(0)}` : '—',
      fixed(r.startupMs, 0),
      fixed(r.readyRssMB, 0),
      fixed(r.peakRssMB, 0),
      differenceCell(r),
    ]),
  ];
  console.log('');
  console.log(table(rows, new Set([2, 3, 4, 5, 6, 7, 8, 9])));
  console.log('');
  for (const engine of ENGINES) {
    console.log(`${engine === REFERENCE ? '* ' : ''}${engine}: ${ENGINE_NOTES[engine]}`);
  }
  console.log('MB/s: UTF-8 input bytes (10^6) per second, median; best: the fastest run (noise on a shared');
  console.log('machine only slows runs down). Start-up: process start → engine imported,');
  console.log('dictionaries loaded, first conversion done (includes ~Node boot). ready RSS: maxRSS at that');
  console.log('point; peak RSS: maxRSS after the timed runs (input, output and garbage included).');

  for (const r of results) {
    if (r.error) console.log(`\n${r.engine} ${r.variant} failed: ${r.error}`);
    if (!r.output || r.output.examples.length === 0) continue;
    console.log(`\n${r.engine} ${r.variant} differs from ours, e.g. (source → ours | ${r.engine}):`);
    for (const d of r.output.examples) console.log(`  ${d.source} → ${d.reference} | ${d.other}`);
  }

  const json = {
    date: new Date().toISOString(),
    machine: {
      node: process.version,
      v8: process.versions.v8,
      platform: `${process.platform} ${process.arch}`,
      cpu,
      cpuCount: cpus().length,
      totalMemoryMB: Math.round(totalmem() / MB),
    },
    corpus: {
      name: corpus.name,
      source: corpus.source,
      baseBytes: Buffer.byteLength(corpus.base),
      repeats: corpus.repeats,
      bytes: Buffer.byteLength(simplified),
      lines: simplified.split('\n').length,
      t2sInput: 'the corpus converted once with opencc-js s2t',
      t2sInputBytes: Buffer.byteLength(traditional),
    },
    method: {
      timedRuns: options.runs,
      warmUpRuns: 1,
      throughput:
        'UTF-8 input bytes / second, MB = 10^6 bytes, median and best of the timed runs; forced GC before each run',
      startup: 'ms from child process start to engine imported, dictionaries loaded and a first conversion done',
      memory: 'process.resourceUsage().maxRSS of the child, at ready and after the timed runs, MB = 10^6 bytes',
      outputCheck: 'line-by-line comparison with ours on the whole (repeated) input',
    },
    versions: {
      'ours (sha256 of main/script/convert.ts, main/script/opencc/*.ts, preload/contract/alignment.ts)':
        oursSourceHash(),
      'opencc (data used by ours)': packageVersion('opencc'),
      'opencc-js': packageVersion('opencc-js'),
      'simplecc-wasm': packageVersion('simplecc-wasm'),
    },
    results,
  };
  mkdirSync(dirname(RESULTS), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\nWrote ${relative(process.cwd(), RESULTS) || RESULTS}`);
}

main();
