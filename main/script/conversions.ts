import { Alignment, type AlignmentJSON } from '../../preload/contract/alignment';
import { AppFailure } from '../../preload/contract/errors';
import {
  conversionPlan,
  type ConversionVariant,
  type DisplayScript,
  effectiveScript,
  sourceKind,
} from '../../preload/contract/scripts';
import type { Block, ConvertedText } from '../../preload/contract/types';
import type { ArticleStore } from '../db/articles';
import type { Db } from '../db/connection';
import type { SettingsStore } from '../db/settings';
import type { ChainResult, ConversionRunner } from './runner';

interface CacheRow {
  dictionary_version: string;
  text: string;
  alignment: string;
  word_changes: string;
}

/**
 * Articles as shown in another script. Converted texts and their alignments are cached in SQLite
 * per article and conversion chain, stamped with the dictionary version: reopening is a lookup,
 * and a dictionary update makes every entry stale (it is recomputed and replaced on next use).
 * Conversion itself runs in the runner, a worker thread in the app.
 */
export class ConversionService {
  /** Conversions in flight, so that two requests for the same text share one run. */
  private readonly inFlight = new Map<string, Promise<ChainResult>>();

  constructor(
    private readonly db: Db,
    private readonly articles: ArticleStore,
    private readonly settings: SettingsStore,
    private readonly runner: ConversionRunner,
    readonly dictionaryVersion: string,
  ) {}

  /**
   * The article in `script` ('original' included). With `script` undefined: the script the reader
   * chose for it, else the default from settings.
   */
  async view(articleId: number, script?: DisplayScript): Promise<ConvertedText> {
    const article = this.articles.get(articleId);
    if (!article) throw new AppFailure('not_found', 'That article is not in the library.');
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
    const { result, cached } = await this.converted(articleId, source, chain);
    return {
      articleId,
      script: shown,
      chain: [...chain],
      blocks: splitBlocks(article.blocks, result.text),
      alignment: result.alignment,
      wordChanges: result.wordChanges,
      dictionaryVersion: this.dictionaryVersion,
      cached,
    };
  }

  /** Converts through the cache. */
  private async converted(
    articleId: number,
    source: string,
    chain: readonly ConversionVariant[],
  ): Promise<{ result: ChainResult; cached: boolean }> {
    const key = chain.join('+');
    const row = this.db
      .prepare(
        'SELECT dictionary_version, text, alignment, word_changes FROM conversions WHERE article_id = ? AND chain = ?',
      )
      .get(articleId, key) as CacheRow | undefined;
    if (row && row.dictionary_version === this.dictionaryVersion) {
      const result = {
        text: row.text,
        alignment: JSON.parse(row.alignment) as AlignmentJSON,
        wordChanges: JSON.parse(row.word_changes) as number[],
      };
      return { result, cached: true };
    }
    const hash = this.articles.contentHash(articleId);
    const flightKey = `${articleId}|${key}`;
    let flight = this.inFlight.get(flightKey);
    if (!flight) {
      flight = this.runner.convert(source, chain).finally(() => this.inFlight.delete(flightKey));
      this.inFlight.set(flightKey, flight);
    }
    const result = await flight;
    // The article may have been deleted or its text replaced meanwhile: then the result is not cached.
    if (hash !== undefined && this.articles.contentHash(articleId) === hash) {
      this.db
        .prepare(
          `INSERT INTO conversions (article_id, chain, dictionary_version, text, alignment, word_changes, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (article_id, chain) DO UPDATE SET dictionary_version = excluded.dictionary_version,
             text = excluded.text, alignment = excluded.alignment, word_changes = excluded.word_changes,
             created_at = excluded.created_at`,
        )
        .run(
          articleId,
          key,
          this.dictionaryVersion,
          result.text,
          JSON.stringify(result.alignment),
          JSON.stringify(result.wordChanges),
          new Date().toISOString(),
        );
    }
    return { result, cached: false };
  }

  /** Remembers the script the reader chose for an article (null: back to the default). */
  choose(articleId: number, script: DisplayScript | null): void {
    if (!this.articles.setDisplayScript(articleId, script)) {
      throw new AppFailure('not_found', 'That article is not in the library.');
    }
  }

  /** Drops an article's cached conversions (its text changed). */
  forget(articleId: number): void {
    this.db.prepare('DELETE FROM conversions WHERE article_id = ?').run(articleId);
  }

  /** Drops every cached conversion made with other dictionaries. */
  pruneStale(): number {
    return this.db.prepare('DELETE FROM conversions WHERE dictionary_version <> ?').run(this.dictionaryVersion).changes;
  }
}

/**
 * Cuts the converted text back into the article's blocks. Conversion never matches across a line
 * break (no dictionary key holds one), so the converted text has exactly the source's breaks.
 */
export function splitBlocks(source: readonly Block[], converted: string): Block[] {
  const texts = converted.split('\n');
  if (texts.length !== source.length) {
    throw new AppFailure('internal', 'The converted text lost its paragraph breaks.');
  }
  let start = 0;
  return source.map((b, i) => {
    const text = texts[i] ?? '';
    const block = { kind: b.kind, text, start };
    start += text.length + 1;
    return block;
  });
}
