import { createRequire } from 'node:module';
import type * as JiebaModule from 'jieba-wasm';
import type { WordRange } from '../../preload/contract/reading';
import type { Conversion } from '../script/convert';
import { convert as openccConvert } from '../script/convert';

/**
 * Word boundaries for double-click selection and word-wise caret steps.
 *
 * Two engines were measured on the three seed articles (/work/shared/seeds, 15k characters, two
 * of them Traditional), both segmenting the t2s-converted text, on this machine (Node 24, ICU 77):
 *
 *   engine            hand-checked words found whole (tests/unit/reading-words.test.ts)   speed
 *   jieba-wasm (HMM)  34 of 34                                                            ~0.4 MB/s (15 k chars in 35–45 ms)
 *   Intl.Segmenter    11 of 34 (互联网 → 互|联|网, 腾讯 → 腾|讯, 云计算 → 云|计算)           ~0.6–1 MB/s
 *
 * jieba is chosen: ICU's Chinese dictionary splits the very words this reader's articles are
 * about, and jieba's speed is far beyond what a double-click or a caret step needs (they segment
 * one sentence). Loading jieba's 4 MB wasm takes ~120 ms, once, at the first call.
 *
 * jieba's dictionary is Simplified, so Traditional text is segmented through OpenCC's t2s and
 * the boundaries are mapped back through the conversion's alignment (騰訊產業 alone comes out as
 * one "word" otherwise).
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
