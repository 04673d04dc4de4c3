import { createRequire } from 'node:module';
import type * as JiebaModule from 'jieba-wasm';
import type { WordRange } from '../../preload/contract/reading';
import type { Conversion } from '../script/convert';
import { convert as openccConvert } from '../script/convert';

/**
 * Word boundaries for double-click selection and word-wise caret steps.
 *
 * Two engines were measured on the three seed articles (/work/shared/seeds, 15,119 characters,
 * 001 and 003 Traditional), both segmenting the t2s-converted text (Node 24, ICU 77, two shared
 * cores; bench/reading.ts):
 *
 *   engine            seed words found whole (of 35, reading-words.test.ts)   3 seeds, median (best)
 *   jieba-wasm (HMM)  33 — misses 对云|计算, 無論是                          15–46 ms (6–17 ms)
 *   Intl.Segmenter    23 — 互|联|网, 腾|讯, 云|计算, 负责|人, 接|軌 …          8–16 ms (3–6 ms)
 *
 * jieba is chosen: ICU's Chinese dictionary splits the very words these articles are about, and
 * jieba's speed (0.3–1 M characters a second) is far beyond what a double-click or a caret step
 * needs — they segment one sentence, ~0.1 ms. Loading jieba (its 4 MB wasm, then its dictionary
 * at the first cut) takes 0.4–0.7 s once; {@link prepareWords} does it ahead of the first click.
 *
 * jieba's dictionary is Simplified, so Traditional text is segmented through OpenCC's t2s and
 * the boundaries are mapped back through the conversion's alignment (as written, 騰訊產業 comes
 * out as one word).
 */

export type SegmenterName = 'jieba' | 'intl';

/** Splits a (Simplified) text into words whose concatenation is the text. */
export type Segmenter = (text: string) => string[];

type Jieba = typeof JiebaModule;
let jieba: Jieba | null = null;

const intl = new Intl.Segmenter('zh', { granularity: 'word' });

/** Both engines, for the measurement; the reader uses {@link wordBoundaries}' default. */
export const SEGMENTERS: Record<SegmenterName, Segmenter> = {
  jieba: (text) => {
    // The Node build of jieba-wasm compiles its wasm synchronously when it is first required.
    jieba ??= createRequire(import.meta.url)('jieba-wasm') as Jieba;
    return jieba.cut(text, true);
  },
  intl: (text) => Array.from(intl.segment(text), (s) => s.segment),
};

/**
 * Loads jieba (its wasm and dictionary) and OpenCC's t2s now rather than at the first
 * double-click, which otherwise pays for them (0.4–0.6 s here).
 */
export function prepareWords(): void {
  wordBoundaries('準備');
}

export interface WordOptions {
  segmenter?: SegmenterName;
  /** Conversion to segment Traditional text through; OpenCC's t2s by default. */
  convert?: (text: string, variant: 't2s') => Conversion;
}

/** Every word boundary of `text`, ascending, from 0 to text.length. */
export function wordBoundaries(text: string, options: WordOptions = {}): number[] {
  if (text.length === 0) return [0];
  const { text: simplified, alignment } = (options.convert ?? openccConvert)(text, 't2s');
  const words = SEGMENTERS[options.segmenter ?? 'jieba'](simplified);
  const boundaries = [0];
  let target = 0;
  for (const word of words) {
    target += word.length;
    // An offset inside a span whose length the conversion changed maps to the span's start, so
    // two boundaries can land on one offset.
    const source = target >= simplified.length ? text.length : alignment.toSource(target);
    if (source > boundaries[boundaries.length - 1]!) boundaries.push(source);
  }
  if (target !== simplified.length) throw new Error('wordBoundaries: the segmenter lost text');
  return boundaries;
}

/** Sentence ends and line breaks: a word never spans them, so a lookup can segment less. */
const SENTENCE_END = /[。！？!?；;\n]/;
const CONTEXT = 200;

/**
 * The word containing the character at `offset` (at text.length: the last word). Only the
 * sentence around the offset is segmented, so this costs the same in a 1M-character article.
 */
export function wordAt(text: string, offset: number, options: WordOptions = {}): WordRange {
  const at = Math.min(Math.max(Math.trunc(offset) || 0, 0), text.length);
  if (text.length === 0) return { start: 0, end: 0 };
  const probe = at === text.length ? at - 1 : at;
  let from = probe;
  while (from > 0 && probe - from < CONTEXT && !SENTENCE_END.test(text[from - 1]!)) from--;
  let to = probe + 1;
  while (to < text.length && to - probe < CONTEXT && !SENTENCE_END.test(text[to - 1]!)) to++;
  const boundaries = wordBoundaries(text.slice(from, to), options).map((b) => b + from);
  for (let i = 1; i < boundaries.length; i++) {
    if (boundaries[i]! > probe) return { start: boundaries[i - 1]!, end: boundaries[i]! };
  }
  return { start: from, end: to };
}
