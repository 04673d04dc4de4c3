/**
 * The engines the conversion benchmark compares, and what a child process reports about one of
 * them. Shared by the orchestrator (bench/convert.ts) and the child (bench/engine-child.ts).
 */

export const ENGINES = ['ours', 'opencc-js', 'simplecc-wasm'] as const;
export type Engine = (typeof ENGINES)[number];

export const BENCH_VARIANTS = ['s2t', 't2s', 's2twp'] as const;
export type BenchVariant = (typeof BENCH_VARIANTS)[number];

/** What each engine does besides converting; shown next to its name. */
export const ENGINE_NOTES: Record<Engine, string> = {
  ours: 'main/script/convert.ts on the opencc npm package data, tofu-risk dictionaries on (its default); its speed includes building the source↔result offset alignment',
  'opencc-js': 'text only; bundles OpenCC data but omits the tofu-risk TSCharactersExt (rare t2s forms)',
  'simplecc-wasm': 'text only; its own build of OpenCC dictionaries, compiled into the wasm',
};

/** opencc-js names conversions by locale pair. */
export const OPENCC_JS_LOCALES: Record<BenchVariant, { from: string; to: string }> = {
  s2t: { from: 'cn', to: 't' },
  t2s: { from: 't', to: 'cn' },
  s2twp: { from: 'cn', to: 'twp' },
};

export function isEngine(value: string | undefined): value is Engine {
  return (ENGINES as readonly (string | undefined)[]).includes(value);
}

export function isBenchVariant(value: string | undefined): value is BenchVariant {
  return (BENCH_VARIANTS as readonly (string | undefined)[]).includes(value);
}

/** The JSON line a child prints on stdout. Times in ms, memory in bytes. */
export interface ChildReport {
  engine: Engine;
  variant: BenchVariant;
  /** From process start until the benchmark's own code ran (Node's start-up, same for every engine). */
  bootMs: number;
  /** Import of the engine, dictionary load for the variant and a first tiny conversion. */
  loadMs: number;
  /** From process start until the first conversion was done: bootMs + loadMs. */
  startupMs: number;
  /** Peak resident set size when the converter was ready (before the corpus was read). */
  readyMaxRssBytes: number;
  /** Peak resident set size over the whole run, corpus and timed conversions included. */
  peakMaxRssBytes: number;
  inputBytes: number;
  outputBytes: number;
  /** Every timed run (after one warm-up), in order. */
  timesMs: number[];
}
