/**
 * One engine, one conversion, in a fresh process, so that start-up time and peak memory belong to
 * that engine alone. Started by bench/convert.ts as
 *
 *   node --expose-gc out/bench/engine-child.mjs <engine> <variant> <input file> <output file> <runs>
 *
 * It loads the engine (timed from process start), converts the input once to warm up and then
 * `runs` times (each after a forced GC, when available), writes the last result to the output
 * file and prints one JSON line: a {@link ChildReport}.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import {
  type BenchVariant,
  type ChildReport,
  type Engine,
  isBenchVariant,
  isEngine,
  OPENCC_JS_LOCALES,
} from './engines';

// performance.now() counts from the start of the process.
const bootMs = performance.now();

type TextConverter = (text: string) => string;

/** Imports the engine and prepares the variant's dictionaries. Imports are dynamic so that only one engine loads. */
async function load(engine: Engine, variant: BenchVariant): Promise<TextConverter> {
  switch (engine) {
    case 'ours': {
      const { loadConverter } = await import('../main/script/convert');
      const converter = loadConverter(variant);
      // The alignment is computed on every call; only the text is compared.
      return (text) => converter.convert(text).text;
    }
    case 'opencc-js': {
      const { Converter } = await import('opencc-js');
      return Converter(OPENCC_JS_LOCALES[variant]);
    }
    case 'simplecc-wasm': {
      const { simplecc } = await import('simplecc-wasm/node');
      return (text) => simplecc(text, variant);
    }
  }
}

/** A first conversion, so that whatever an engine loads lazily is loaded before it counts as ready. */
const PROBE = '汉字转换，漢字轉換。';

async function main(): Promise<void> {
  const [engine, variant, inputPath, outputPath, runsArg] = process.argv.slice(2);
  const runs = Number(runsArg);
  if (!isEngine(engine) || !isBenchVariant(variant) || !inputPath || !outputPath || !(runs >= 1)) {
    throw new Error('usage: engine-child.mjs <engine> <variant> <input> <output> <runs>');
  }

  const loadStart = performance.now();
  const convert = await load(engine, variant);
  convert(PROBE);
  const ready = performance.now();
  const readyMaxRssBytes = process.resourceUsage().maxRSS * 1024;

  const input = readFileSync(inputPath, 'utf8');
  let output = convert(input); // warm-up
  const timesMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    globalThis.gc?.();
    const t = performance.now();
    output = convert(input);
    timesMs.push(performance.now() - t);
  }
  const peakMaxRssBytes = process.resourceUsage().maxRSS * 1024;

  writeFileSync(outputPath, output);
  const report: ChildReport = {
    engine,
    variant,
    bootMs,
    loadMs: ready - loadStart,
    startupMs: ready,
    readyMaxRssBytes,
    peakMaxRssBytes,
    inputBytes: Buffer.byteLength(input),
    outputBytes: Buffer.byteLength(output),
    timesMs,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

await main();
