import { Alignment } from '../../../preload/contract/alignment';
import { type DictSpec, type LeafSpec, type PipelineSpec, readConfig, toTiers } from './config';
import { DictionaryStore, type Lexicon } from './data';
import { convertStep, mayMatch, Pieces, segment } from './engine';
import { segmentMatchAt } from './overrides';
import { PrefixTrie } from './trie';

/**
 * One OpenCC configuration, compiled: normalization steps, then maximum-match segmentation, then
 * the conversion chain applied segment by segment (ConfigBasedConverter over
 * SingleStageConverter). Every step runs over the whole text at once on UTF-16 code units; the
 * segment ends are carried from step to step so that no step matches across them, which is what
 * converting each segment through the chain separately amounts to.
 */
export class Pipeline {
  constructor(
    readonly name: string,
    private readonly normalization: PrefixTrie[],
    private readonly segmentation: { trie: PrefixTrie; maxTier: number } | null,
    private readonly chain: PrefixTrie[],
    /** Whether the first conversion step can do the segmentation itself (see convertStep). */
    private readonly fusedSegmentation = false,
  ) {}

  /** Converts `text`, with the alignment of source and result offsets. */
  run(text: string): { text: string; alignment: Alignment } {
    return this.execute(text, false).result;
  }

  /**
   * Length of the segmentation dictionary's match at `i` of `inp[0, n)` (0: none); see
   * overrides.ts. A configuration without segmentation (s2t since OpenCC 1.4) converts the text as
   * one segment, and its first step's own longest match is then what cuts it.
   */
  segmentMatchAt(inp: Uint16Array, i: number, n: number): number {
    if (this.segmentation) return segmentMatchAt(this.segmentation.trie, this.segmentation.maxTier, inp, i, n);
    const first = this.chain[0];
    return first ? segmentMatchAt(first, PrefixTrie.MAX_TIERS, inp, i, n) : 0;
  }

  /**
   * Where the maximum-match segmentation cuts `text` (source offsets, ascending, ending with its
   * length): no dictionary match crosses these, so converting the text between two of them gives
   * the same as the corresponding part of converting the whole.
   */
  segmentEnds(text: string): number[] {
    const { bounds, normalization } = this.execute(text, true);
    if (!bounds) return text.length > 0 ? [text.length] : [];
    return Array.from(bounds, (b) => (normalization ? normalization.rangeToSource({ start: b, end: b }).end : b));
  }

  private execute(
    text: string,
    segmentOnly: boolean,
  ): { result: { text: string; alignment: Alignment }; bounds: Int32Array | null; normalization: Alignment | null } {
    const n = text.length;
    let units: Uint16Array = new Uint16Array(n);
    // Node's UTF-16LE codec copies code units verbatim (lone surrogates included), natively.
    Buffer.from(units.buffer, 0, n * 2).write(text, 0, 'utf16le');
    let length = n;
    let alignment: Alignment | null = null;

    for (const trie of this.normalization) {
      // Most texts contain no compatibility ideograph: skip the copy then.
      if (!mayMatch(trie, units, length)) continue;
      const pieces = new Pieces();
      const out = convertStep(trie, units, length, null, pieces);
      alignment = composeStep(alignment, length, out.length, pieces);
      units = out.units;
      length = out.length;
    }
    const fuse = !segmentOnly && this.fusedSegmentation && length > 0;
    let bounds =
      this.segmentation && length > 0 && !fuse
        ? segment(this.segmentation.trie, this.segmentation.maxTier, units, length)
        : null;
    if (segmentOnly) return { result: { text, alignment: Alignment.identity(n) }, bounds, normalization: alignment };
    const normalization = alignment;
    for (const [step, trie] of this.chain.entries()) {
      const pieces = new Pieces();
      const segmentTier = fuse && step === 0 ? this.segmentation!.maxTier : -1;
      const out = convertStep(trie, units, length, bounds, pieces, segmentTier);
      alignment = composeStep(alignment, length, out.length, pieces);
      units = out.units;
      length = out.length;
      bounds = out.bounds;
    }
    const result = Buffer.from(units.buffer, 0, length * 2).toString('utf16le');
    const final: Alignment = alignment ?? Alignment.identity(n);
    return {
      result: { text: result, alignment: final.size > 0 ? final.withChangedFrom(text, result) : final },
      bounds,
      normalization,
    };
  }
}

function composeStep(before: Alignment | null, inLength: number, outLength: number, pieces: Pieces): Alignment {
  const step = new Alignment(inLength, outLength, pieces.data.slice(0, pieces.length));
  return before ? before.compose(step) : step;
}

export interface PipelineOptions {
  /** Keep dictionaries flagged `may_output_tofu` (default true, as OpenCC's library does). */
  includeTofuRiskDictionaries?: boolean;
}

/** Compiles OpenCC configurations of one data folder, sharing dictionaries and tries between them. */
export class PipelineFactory {
  private readonly store: DictionaryStore;
  private readonly tries = new Map<string, PrefixTrie>();
  private readonly pipelines = new Map<string, Pipeline>();

  constructor(readonly dataDir: string) {
    // STPhrases_GeneratedFromRegionalPhrases is made by running t2s (tofu-risk dictionaries
    // included, as the build script passes --include-tofu-risk-dictionaries) over regional keys.
    this.store = new DictionaryStore(dataDir, () => {
      const t2s = this.pipeline('t2s', { includeTofuRiskDictionaries: true });
      return (s) => t2s.run(s).text;
    });
  }

  /** The compiled pipeline of config `name` (e.g. "s2twp"), memoised. */
  pipeline(name: string, options: PipelineOptions = {}): Pipeline {
    const includeTofu = options.includeTofuRiskDictionaries !== false;
    const cacheKey = `${name}|${includeTofu}`;
    let pipeline = this.pipelines.get(cacheKey);
    if (!pipeline) {
      const spec: PipelineSpec = readConfig(this.dataDir, name, { includeTofuRiskDictionaries: includeTofu });
      const chain = spec.chain.map((d) => this.trie(d));
      const segmentation = spec.segmentation ? this.segmentationTrie(spec.segmentation) : null;
      const first = spec.chain[0];
      const fused =
        segmentation !== null &&
        first !== undefined &&
        segmentation.trie === chain[0] &&
        toTiers(first)
          .slice(segmentation.maxTier + 1)
          .every((tier) => tier.every((leaf) => this.lexicon(leaf).keys.every((k) => [...k].length === 1)));
      pipeline = new Pipeline(
        name,
        spec.normalization.map((d) => this.trie(d)),
        segmentation,
        chain,
        fused,
      );
      this.pipelines.set(cacheKey, pipeline);
    }
    return pipeline;
  }

  /** The trie of a dictionary group, shared by every config naming the same group. */
  trie(spec: DictSpec): PrefixTrie {
    const tiers = toTiers(spec);
    const key = JSON.stringify(tiers);
    let trie = this.tries.get(key);
    if (!trie) {
      trie = PrefixTrie.build(tiers.map((leaves) => leaves.map((leaf) => this.lexicon(leaf))));
      this.tries.set(key, trie);
    }
    return trie;
  }

  /**
   * The trie for a segmentation dictionary: a loaded trie whose first tiers are exactly its tiers
   * (segmentation then ignores the later tiers), else its own.
   */
  private segmentationTrie(spec: DictSpec): { trie: PrefixTrie; maxTier: number } {
    const tiers = toTiers(spec).map((tier) => JSON.stringify(tier));
    for (const [key, trie] of this.tries) {
      const loaded = (JSON.parse(key) as LeafSpec[][]).map((tier) => JSON.stringify(tier));
      if (tiers.every((tier, i) => loaded[i] === tier)) return { trie, maxTier: tiers.length - 1 };
    }
    return { trie: this.trie(spec), maxTier: PrefixTrie.MAX_TIERS };
  }

  private lexicon(leaf: LeafSpec): Lexicon {
    if (leaf.type === 'inline') return { keys: Object.keys(leaf.entries), values: Object.values(leaf.entries) };
    return this.store.load(leaf.name);
  }
}
