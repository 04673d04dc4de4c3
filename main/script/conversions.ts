import { Alignment } from '../../preload/contract/alignment';
import { AppFailure } from '../../preload/contract/errors';
import {
  conversionPlan,
  type ConversionVariant,
  type DisplayScript,
  effectiveScript,
  offeredScripts,
  sourceKind,
} from '../../preload/contract/scripts';
import type { Block, ConvertedText, TextWindow } from '../../preload/contract/types';
import { TEXT_WINDOW_BLOCKS, TEXT_WINDOW_CHARS } from '../../preload/contract/types';
import type { ArticleReads } from '../db/article-reads';
import type { ArticleWrites } from '../db/articles';
import type { ConversionReads, ConversionWrites } from '../db/conversions';
import type { SettingsReads } from '../db/settings';
import type { Override } from './opencc/overrides';
import type { ChainResult, ConversionRunner } from './runner';
import { overridesTag } from './corrections/overrides-tag';

/**
 * The corrections that apply to an article's text converted through a chain (see
 * corrections/corrections.ts): those of this article first, then those everywhere, each occurring
 * in the text.
 */
export type OverrideLookup = (articleId: number, chain: string, text: string) => Override[];

/** What warms a chain: a few characters its phrase dictionaries hold (软件 → 軟體 with s2twp). */
const WARM_TEXT = '软件和U盘';

/** What conversion needs of the library: an article and the hash of its text; where to keep the chosen script. */
export type ConversionArticles = Pick<ArticleReads, 'get' | 'window' | 'contentHash' | 'scriptForms'> &
  Pick<ArticleWrites, 'setDisplayScript'>;

/**
 * Articles as shown in another script. Converted texts and their alignments are cached in SQLite
 * by the content they were made from (content hash), conversion chain and dictionary version:
 * reopening is a lookup, an edited text never meets an old text's conversion, and a dictionary
 * update makes every entry stale (pruned on start, recomputed on next use).
 * Conversion itself runs in the runner, a worker thread in the app.
 */
export class ConversionService {
  /** Conversions in flight, by text: two requests for the same text share one run. */
  private readonly inFlight = new Map<string, Promise<ChainResult>>();

  constructor(
    private readonly cache: ConversionReads & ConversionWrites,
    private readonly articles: ConversionArticles,
    private readonly settings: SettingsReads,
    private readonly runner: ConversionRunner,
    readonly dictionaryVersion: string,
    private readonly overrides: OverrideLookup = () => [],
  ) {}

  /**
   * The article in `script` ('original' included). With `script` undefined: the script the reader
   * chose for it, else the default from settings.
   */
  async view(articleId: number, script?: DisplayScript): Promise<ConvertedText> {
    // Read together, with no await between: the hash is the hash of these blocks.
    const article = this.articles.get(articleId);
    const hash = this.articles.contentHash(articleId);
    if (!article || hash === undefined) throw new AppFailure('not_found', 'That article is not in the library.');
    const kind = sourceKind(article.scriptForm);
    const shown = effectiveScript(kind, script ?? article.displayScript, this.settings.get().defaultScript);
    const chain = shown === 'original' ? [] : (conversionPlan(kind, shown) ?? []);
    const source = article.blocks.map((b) => b.text).join('\n');
    if (chain.length === 0) {
      return {
        articleId,
        script: 'original',
        chain: [],
        blocks: article.blocks,
        alignment: Alignment.identity(source.length).toJSON(),
        wordChanges: [],
        dictionaryVersion: this.dictionaryVersion,
        cached: false,
      };
    }
    const overrides = this.overrides(articleId, chain.join('+'), source);
    const { result, cached } = await this.converted(hash, source, chain, overrides);
    return {
      articleId,
      script: shown,
      chain: [...chain],
      blocks: splitBlocks(article.blocks, result.text, Alignment.fromJSON(result.alignment)),
      alignment: result.alignment,
      wordChanges: result.wordChanges,
      dictionaryVersion: this.dictionaryVersion,
      cached,
    };
  }

  /**
   * The first screen of an article in `script` (as `view` chooses it when undefined), from source
   * offset `around` (the reading position when undefined). Only the window's blocks are converted,
   * and before anything asked after it (the runner works in order), so a reader asking for the
   * window and then the whole text paints the window at once however long the whole takes.
   * Conversion never crosses a line break, so these blocks read exactly as in the whole text.
   */
  async window(articleId: number, script?: DisplayScript, around?: number): Promise<TextWindow> {
    const found = this.articles.window(articleId, around, TEXT_WINDOW_CHARS, TEXT_WINDOW_BLOCKS);
    if (!found) throw new AppFailure('not_found', 'That article is not in the library.');
    const { summary, anchor, blocks } = found;
    const kind = sourceKind(summary.scriptForm);
    const shown = effectiveScript(kind, script ?? summary.displayScript, this.settings.get().defaultScript);
    const chain = shown === 'original' ? [] : (conversionPlan(kind, shown) ?? []);
    const base = blocks[0]?.start ?? 0;
    const local = blocks.map((b) => ({ ...b, start: b.start - base }));
    const into = Math.max(0, anchor - base);
    const common = { articleId, script: shown, anchor, charCount: summary.charCount, scriptForm: summary.scriptForm };
    if (chain.length === 0) {
      return { ...common, blocks: local, firstOffset: Math.min(into, local[0]?.text.length ?? 0) };
    }
    const text = local.map((b) => b.text).join('\n');
    const result = await this.runner.convert(text, chain, this.overrides(articleId, chain.join('+'), text));
    const alignment = Alignment.fromJSON(result.alignment);
    const converted = splitBlocks(local, result.text, alignment);
    const first = converted[0]?.text.length ?? 0;
    return { ...common, blocks: converted, firstOffset: Math.min(alignment.toTarget(into), first) };
  }

  /**
   * Converts `source` (whose content hash is `contentHash`) through the cache. A run that
   * finishes after the article's text was replaced is cached under the text it converted, so it
   * is never served for the new one.
   */
  private async converted(
    contentHash: string,
    source: string,
    chain: readonly ConversionVariant[],
    overrides: readonly Override[],
  ): Promise<{ result: ChainResult; cached: boolean }> {
    // The corrections that apply are part of the key: adding or removing one changes the key of
    // exactly the conversions whose text it occurs in, and no other.
    const key = {
      contentHash,
      chain: chain.join('+') + overridesTag(overrides),
      dictionaryVersion: this.dictionaryVersion,
    };
    const hit = this.cache.find(key);
    if (hit) return { result: hit, cached: true };
    const flightKey = `${key.contentHash}|${key.chain}`;
    let flight = this.inFlight.get(flightKey);
    if (!flight) {
      flight = this.runner.convert(source, chain, overrides).finally(() => this.inFlight.delete(flightKey));
      this.inFlight.set(flightKey, flight);
    }
    const result = await flight;
    try {
      this.cache.save(key, result);
    } catch (error) {
      // The cache only saves time: a library that cannot be written (damaged and open read-only,
      // busy, a full disk) still shows the article converted.
      console.warn('[duizhao] conversion not cached:', error instanceof Error ? error.message : error);
    }
    return { result, cached: false };
  }

  /**
   * The conversion chains the library's articles can be shown in: for each kind of source (the
   * most common first), the default script's chain first, then the other scripts offered.
   */
  chainsNeeded(): ConversionVariant[][] {
    const fallback = this.settings.get().defaultScript;
    const chains = new Map<string, ConversionVariant[]>();
    for (const form of this.articles.scriptForms()) {
      const kind = sourceKind(form);
      const targets = offeredScripts(kind).filter((d) => d !== 'original');
      const first = effectiveScript(kind, null, fallback);
      for (const target of [...targets.filter((d) => d === first), ...targets.filter((d) => d !== first)]) {
        const chain = conversionPlan(kind, target);
        if (chain?.length) chains.set(chain.join('+'), [...chain]);
      }
    }
    return [...chains.values()];
  }

  /**
   * Has the runner load the dictionaries of every chain the library needs (a short text through
   * each), so that the reader's first switch of script does not wait for them (s2twp's take over
   * a second to load). One chain at a time: a request of the reader's waits at most for one.
   * Resolves with the chains loaded; `stopped` ends it early (the library is closing).
   */
  async warm(stopped: () => boolean = () => false): Promise<string[]> {
    const done: string[] = [];
    for (const chain of this.chainsNeeded()) {
      if (stopped()) break;
      await this.runner.convert(WARM_TEXT, chain);
      done.push(chain.join('+'));
    }
    return done;
  }

  /** Remembers the script the reader chose for an article (null: back to the default). */
  choose(articleId: number, script: DisplayScript | null): void {
    if (!this.articles.setDisplayScript(articleId, script)) {
      throw new AppFailure('not_found', 'That article is not in the library.');
    }
  }

  /** Drops cached conversions made with other dictionaries, or of texts no article has any more. */
  pruneStale(): number {
    return this.cache.pruneStale(this.dictionaryVersion);
  }
}

/**
 * Cuts the converted text back into the article's blocks, each keeping its kind and attributes.
 * Conversion never matches across a line break (no dictionary key holds one), so the converted
 * text has exactly the source's breaks. Marks and table cells are offsets within a block: they
 * are carried into the converted block through the alignment (U盘 → 隨身碟 changes lengths), a
 * mark over part of a converted phrase widening to the whole phrase.
 */
export function splitBlocks(source: readonly Block[], converted: string, alignment?: Alignment): Block[] {
  const texts = converted.split('\n');
  if (texts.length !== source.length) {
    throw new AppFailure('internal', 'The converted text lost its paragraph breaks.');
  }
  let start = 0;
  return source.map((b, i) => {
    const text = texts[i] ?? '';
    const block: Block = { ...b, text, start };
    if (alignment && (b.marks || b.cells)) {
      const clamp = (offset: number): number => Math.max(0, Math.min(text.length, offset - start));
      if (b.marks) {
        block.marks = b.marks.map((m) => {
          const range = alignment.rangeToTarget({ start: b.start + m.start, end: b.start + m.end });
          return { ...m, start: clamp(range.start), end: clamp(range.end) };
        });
      }
      // Cells start after a tab, which no conversion changes: their offsets map exactly.
      if (b.cells) block.cells = b.cells.map((c) => clamp(alignment.toTarget(b.start + c)));
    }
    start += text.length + 1;
    return block;
  });
}
