import { Alignment } from '../../preload/contract/alignment';
import { type ConversionVariant, isConversionVariant } from '../../preload/contract/scripts';
import { dataVersion, openccDataDir } from './opencc/data';
import { convertWithOverrides, type Override, OverrideSet } from './opencc/overrides';
import { PipelineFactory } from './opencc/pipeline';

/**
 * Simplified ⇄ Traditional conversion that reproduces OpenCC: its configurations, dictionaries
 * and algorithm (normalization, maximum-match segmentation, conversion chains of dictionary
 * groups), run in TypeScript on the data of the installed `opencc` package. Every conversion comes
 * with an exact {@link Alignment} between source and converted offsets.
 */

export { Alignment } from '../../preload/contract/alignment';
export type { AlignedSegment, AlignmentJSON, Range } from '../../preload/contract/alignment';
export { CONVERSION_VARIANTS as VARIANTS } from '../../preload/contract/scripts';

/**
 * Every configuration the engine runs, named as OpenCC names them: the Chinese ones (see
 * {@link ConversionVariant}) and Japanese Kanji (Shinjitai ⇄ Kyūjitai), which OpenCC's test
 * suite also covers.
 */
export type Variant = ConversionVariant | 'jp2t' | 't2jp';

export const JAPANESE_VARIANTS: readonly Variant[] = ['jp2t', 't2jp'];

/** A converted text and how its offsets align with the source's. */
export interface Conversion {
  text: string;
  alignment: Alignment;
}

export interface Converter {
  readonly variant: Variant;
  convert(text: string): Conversion;
  /** Where OpenCC's segmentation cuts the text (see Pipeline.segmentEnds). */
  segmentEnds(text: string): number[];
  /** Length of the segmentation dictionary's match at `i` of `inp[0, n)` (0: none). */
  segmentMatchAt(inp: Uint16Array, i: number, n: number): number;
}

export interface ConverterOptions {
  /**
   * Use the dictionaries OpenCC flags `may_output_tofu` (rare Simplified forms fonts may lack,
   * e.g. 㑮→𫝈). Default true, as in OpenCC's library; its command-line tool defaults to false.
   */
  includeTofuRiskDictionaries?: boolean;
}

const factories = new Map<string, PipelineFactory>();
const converters = new Map<string, Converter>();

function factory(dataDir: string): PipelineFactory {
  let f = factories.get(dataDir);
  if (!f) {
    f = new PipelineFactory(dataDir);
    factories.set(dataDir, f);
  }
  return f;
}

export function isVariant(value: string): value is Variant {
  return isConversionVariant(value) || (JAPANESE_VARIANTS as readonly string[]).includes(value);
}

/**
 * Loads (and caches per process) the converter for a variant from OpenCC's data.
 *
 * @param dataDir - OpenCC's `data` folder (with config/ and dictionary/); defaults to the
 *   installed `opencc` package's.
 */
export function loadConverter(variant: Variant, dataDir?: string, options: ConverterOptions = {}): Converter {
  const dir = dataDir ?? openccDataDir();
  const includeTofu = options.includeTofuRiskDictionaries !== false;
  const key = `${dir}|${variant}|${includeTofu}`;
  let converter = converters.get(key);
  if (!converter) {
    if (!isVariant(variant)) throw new Error(`Unknown variant: ${String(variant)}`);
    const pipeline = factory(dir).pipeline(variant, { includeTofuRiskDictionaries: includeTofu });
    converter = {
      variant,
      convert: (text) => pipeline.run(text),
      segmentEnds: (text) => pipeline.segmentEnds(text),
      segmentMatchAt: (inp, i, n) => pipeline.segmentMatchAt(inp, i, n),
    };
    converters.set(key, converter);
  }
  return converter;
}

/** Converts `text` with one OpenCC configuration: `convert('U盘', 's2twp').text === '隨身碟'`. */
export function convert(text: string, variant: Variant, dataDir?: string): Conversion {
  return loadConverter(variant, dataDir).convert(text);
}

/**
 * Runs several configurations one after the other (hk2t then t2tw, say), composing their
 * alignments so that offsets still map straight from the first source to the last result.
 */
export function convertChain(text: string, chain: readonly Variant[], dataDir?: string): Conversion {
  let result: Conversion = { text, alignment: Alignment.identity(text.length) };
  for (const variant of chain) {
    const step = convert(result.text, variant, dataDir);
    result = { text: step.text, alignment: result.alignment.compose(step.alignment) };
  }
  return chain.length > 1
    ? { text: result.text, alignment: result.alignment.withChangedFrom(text, result.text) }
    : result;
}

/**
 * {@link convertChain} with phrase overrides (corrections): their sources join the first
 * configuration's segmentation above OpenCC's dictionaries, and each segment they form becomes
 * their target instead of going through the chain (see opencc/overrides.ts). With no override
 * occurring in the text, exactly convertChain.
 */
export function convertChainWithOverrides(
  text: string,
  chain: readonly Variant[],
  overrides: readonly Override[],
  dataDir?: string,
): Conversion {
  const first = chain[0];
  if (first === undefined || overrides.length === 0) return convertChain(text, chain, dataDir);
  const segmenter = loadConverter(first, dataDir);
  return convertWithOverrides(text, new OverrideSet(overrides), {
    segmentMatchAt: (inp, i, n) => segmenter.segmentMatchAt(inp, i, n),
    convert: (part) => convertChain(part, chain, dataDir),
  });
}

/**
 * A fingerprint of the dictionary data (a hash of every config and dictionary file, and of the
 * engine version), so caches of converted text can be invalidated when dictionaries change.
 */
export function dictionaryVersion(dataDir?: string): string {
  return dataVersion(dataDir ?? openccDataDir());
}
