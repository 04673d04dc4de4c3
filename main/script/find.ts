import { FIND_MAX_HITS, type FindResult } from '../../preload/contract/reading-settings';
import type { FoldedText, SearchIndexStore } from '../db/search-index';
import { fold } from './fold';

/**
 * Find in an article (the reader's Ctrl+F): every occurrence of a query in the text as written,
 * whatever its script or regional wording, through the same folding as the library search (腾讯
 * finds 騰訊, 软件 finds 軟體). The article's folded text comes from the search index, so nothing
 * is folded again but the query; hits map back to the text as written through the fold's alignment.
 */
export class ArticleFind {
  /** The folded text of the article searched last: a query typed key by key reads it once. */
  private last: { articleId: number; source: string; folded: FoldedText } | null = null;

  constructor(private readonly index: SearchIndexStore) {}

  find(articleId: number, query: string): FindResult {
    const q = fold(query).text.trim();
    if (q === '') return { hits: [], total: 0 };
    const folded = this.foldedText(articleId);
    if (!folded) return { hits: [], total: 0 };
    return findAll(folded, q);
  }

  private foldedText(articleId: number): FoldedText | undefined {
    // The text as written tells whether the cached fold is still the article's (it may be replaced).
    const source = this.index.sourceText(articleId);
    if (source === undefined) return undefined;
    if (this.last?.articleId === articleId && this.last.source === source) return this.last.folded;
    const folded = this.index.folded(articleId) ?? fold(source);
    this.last = { articleId, source, folded };
    return folded;
  }
}

/** Every occurrence of an already folded query in a folded text (none overlapping), as source ranges. */
export function findAll(folded: FoldedText, q: string): FindResult {
  const hits: FindResult['hits'] = [];
  let total = 0;
  for (let at = folded.text.indexOf(q); at >= 0; at = folded.text.indexOf(q, at + q.length)) {
    total++;
    if (hits.length < FIND_MAX_HITS) hits.push(folded.alignment.rangeToSource({ start: at, end: at + q.length }));
  }
  return { hits, total };
}
