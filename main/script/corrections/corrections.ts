import {
  chainsOffered,
  type ChainKey,
  type Correction,
  type CorrectionChange,
  type CorrectionDraft,
  type CorrectionList,
  type CorrectionPreview,
} from '../../../preload/contract/corrections';
import { AppFailure } from '../../../preload/contract/errors';
import { type ConversionVariant, type SourceKind, sourceKind } from '../../../preload/contract/scripts';
import type { ArticleReads } from '../../db/article-reads';
import type { Transact } from '../../db/connection';
import type { CorrectionReads, CorrectionWrites } from '../../db/corrections';
import type { Override } from '../opencc/overrides';
import type { ConversionRunner } from '../runner';
import { CORRECTION_PRESETS } from './presets';
import { sentencesWith } from './sentences';

/** The chains an article of this kind can be converted through, as keys. */
export function chainsFor(kind: SourceKind): ChainKey[] {
  return chainsOffered(kind).map((c) => c.chain);
}

const toOverride = (c: { source: string; target: string }): Override => ({ source: c.source, target: c.target });

/**
 * The reader's conversion corrections and the built-in set: listed, previewed, added and removed,
 * and looked up for each conversion (the conversion service folds those that apply into its
 * cache key, so exactly the conversions a correction touches are made again).
 */
export class Corrections {
  /** Every correction, read once and again after each change. */
  private all: Correction[] | null = null;

  constructor(
    private readonly store: CorrectionReads & CorrectionWrites,
    private readonly articles: Pick<ArticleReads, 'get'>,
    private readonly runner: ConversionRunner,
    private readonly transact: Transact,
  ) {}

  private corrections(): Correction[] {
    this.all ??= this.store.list();
    return this.all;
  }

  list(): CorrectionList {
    const corrections = this.corrections();
    return {
      corrections,
      presets: [...CORRECTION_PRESETS],
      presetsEnabled: corrections.some((c) => c.preset !== null),
    };
  }

  /**
   * The overrides for converting `text` of an article through `chain`: the article's own first,
   * then those everywhere, each occurring in the text.
   */
  lookup(articleId: number, chain: ChainKey, text: string): Override[] {
    const out: Override[] = [];
    for (const c of this.corrections()) {
      if ((c.articleId === articleId || c.articleId === null) && c.chains.includes(chain) && text.includes(c.source)) {
        out.push(toOverride(c));
      }
    }
    return out;
  }

  /** What a correction would change: the article's sentences with the phrase, and for one everywhere the library. */
  async preview(draft: CorrectionDraft): Promise<CorrectionPreview> {
    const article = this.articles.get(draft.articleId);
    if (!article) throw new AppFailure('not_found', 'That article is not in the library.');
    const kind = sourceKind(article.scriptForm);
    const chain = chainsFor(kind).find((c) => draft.chains.includes(c));
    if (!chain) throw new AppFailure('invalid_argument', 'None of those conversions applies to this article.');
    const text = article.blocks.map((b) => b.text).join('\n');
    const sentences = await this.compare(draft, article.id, chain, sentencesWith(text, draft.source));
    let libraryArticles: number | null = null;
    if (draft.scope === 'everywhere') libraryArticles = await this.countInLibrary(draft);
    return { chain, sentences, changed: sentences.filter((s) => s.before !== s.after).length, libraryArticles };
  }

  /** Each sentence converted with the corrections of now and with the draft added (first, so it wins). */
  private async compare(
    draft: CorrectionDraft,
    articleId: number,
    chain: ChainKey,
    sentences: string[],
  ): Promise<CorrectionChange[]> {
    if (sentences.length === 0) return [];
    const text = sentences.join('\n');
    const now = this.lookup(articleId, chain, text);
    const withDraft = [toOverride(draft), ...now.filter((o) => o.source !== draft.source)];
    const variants = chain.split('+') as ConversionVariant[];
    // Both in the conversion worker, which never matches across a line break.
    const [before, after] = await Promise.all([
      this.runner.convert(text, variants, now),
      this.runner.convert(text, variants, withDraft),
    ]);
    const a = before.text.split('\n');
    const b = after.text.split('\n');
    return sentences.map((_, i) => ({ before: a[i] ?? '', after: b[i] ?? '' }));
  }

  /** How many articles of the library a correction everywhere would change. */
  private async countInLibrary(draft: CorrectionDraft): Promise<number> {
    const byArticle = new Map<number, { kind: SourceKind; sentences: string[] }>();
    for (const block of this.store.blocksContaining(draft.source)) {
      let entry = byArticle.get(block.articleId);
      if (!entry) byArticle.set(block.articleId, (entry = { kind: sourceKind(block.scriptForm), sentences: [] }));
      entry.sentences.push(...sentencesWith(block.text, draft.source));
    }
    let count = 0;
    for (const [articleId, { kind, sentences }] of byArticle) {
      const chain = chainsFor(kind).find((c) => draft.chains.includes(c));
      if (!chain) continue;
      const changes = await this.compare(draft, articleId, chain, sentences);
      if (changes.some((s) => s.before !== s.after)) count++;
    }
    return count;
  }

  add(draft: CorrectionDraft): Correction {
    if (!this.articles.get(draft.articleId)) throw new AppFailure('not_found', 'That article is not in the library.');
    const added = this.store.add({
      source: draft.source,
      target: draft.target,
      chains: draft.chains,
      articleId: draft.scope === 'article' ? draft.articleId : null,
      preset: null,
    });
    this.all = null;
    return added;
  }

  delete(id: number): Correction {
    const found = this.store.get(id);
    if (!found || !this.store.delete(id)) throw new AppFailure('not_found', 'That correction is no longer there.');
    this.all = null;
    return found;
  }

  /** Turns the built-in set on (adding each fix) or off (removing them). */
  setPresets(enabled: boolean): CorrectionList {
    this.transact(() => {
      if (!enabled) this.store.deletePresets();
      else {
        for (const p of CORRECTION_PRESETS) {
          this.store.add({ source: p.source, target: p.target, chains: p.chains, articleId: null, preset: p.id });
        }
      }
    });
    this.all = null;
    return this.list();
  }

  /** Adds corrections read from a notes file (see export/): returns how many were new. */
  importMany(
    items: readonly { source: string; target: string; chains: ChainKey[]; articleId: number | null }[],
  ): number {
    const keyOf = (c: { source: string; target: string; chains: ChainKey[]; articleId: number | null }) =>
      JSON.stringify([c.source, c.target, c.articleId, [...c.chains].sort()]);
    const known = new Set(this.corrections().map(keyOf));
    let added = 0;
    this.transact(() => {
      for (const item of items) {
        if (known.has(keyOf(item))) continue;
        known.add(keyOf(item));
        this.store.add({ ...item, preset: null });
        added++;
      }
    });
    this.all = null;
    return added;
  }
}
