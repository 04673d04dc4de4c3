import type { ArticleStore } from '../db/articles';
import { convertChain } from './convert';

/** One article that contains what was searched for, in whatever script. */
export interface SearchHit {
  articleId: number;
  /** How many times it occurs. */
  count: number;
  /** The first occurrence with some context, from the article as written. */
  snippet: string;
}

/**
 * Folds text so that scripts do not matter: Hong Kong and Taiwan forms, and Traditional
 * characters, all become Simplified (騰訊, 腾讯 → 腾讯), Latin letters lower case. Conversion is
 * character for character here (no regional phrases), so offsets in the folded text are offsets
 * in the original wherever lengths agree, which is how snippets are cut.
 */
export function foldForSearch(text: string): string {
  return convertChain(text, ['hk2s', 'tw2s']).text.toLowerCase();
}

const SNIPPET = 24;

/**
 * Search across the library that finds 騰訊 when you type 腾讯 (and the other way round): the
 * query and every article are folded to one script. Folded texts are kept per article and content
 * hash, so a search after the first costs only the scan.
 */
export class LibrarySearch {
  private readonly folded = new Map<number, { hash: string; text: string; source: string }>();

  constructor(private readonly articles: ArticleStore) {}

  private foldedText(id: number): { text: string; source: string } | undefined {
    const hash = this.articles.contentHash(id);
    if (hash === undefined) return undefined;
    const cached = this.folded.get(id);
    if (cached && cached.hash === hash) return cached;
    const source = this.articles.sourceText(id);
    if (source === undefined) return undefined;
    const entry = { hash, text: foldForSearch(source), source };
    this.folded.set(id, entry);
    return entry;
  }

  search(query: string): SearchHit[] {
    const q = foldForSearch(query.trim());
    if (q === '') return [];
    const hits: SearchHit[] = [];
    for (const article of this.articles.list()) {
      const entry = this.foldedText(article.id);
      if (!entry) continue;
      const titleHit = foldForSearch(article.title).includes(q);
      let count = 0;
      let first = -1;
      for (let at = entry.text.indexOf(q); at >= 0; at = entry.text.indexOf(q, at + q.length)) {
        if (first < 0) first = at;
        count++;
      }
      if (count === 0 && !titleHit) continue;
      const start = Math.max(0, first - SNIPPET);
      const snippet =
        first < 0
          ? ''
          : `${start > 0 ? '…' : ''}${entry.source.slice(start, first + q.length + SNIPPET).replace(/\n/g, ' ')}…`;
      hits.push({ articleId: article.id, count, snippet });
    }
    return hits;
  }
}
