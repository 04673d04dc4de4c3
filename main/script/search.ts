import type { Range } from '../../preload/contract/alignment';
import type { SearchHit, SearchPage } from '../../preload/contract/types';
import type { Transact } from '../db/connection';
import type { SearchIndexStore } from '../db/search-index';
import type { Emit } from '../events';
import { fold } from './fold';

/**
 * Folds text so that scripts and regional wording do not matter (騰訊 → 腾讯, 軟體 → 软件, 衞 → 卫,
 * Latin lower case): the folding the library index and the notes panel's search both use.
 */
export function foldForSearch(text: string): string {
  return fold(text).text;
}

/** Context on each side of the first hit in a snippet, in UTF-16 units of the text as written. */
const SNIPPET = 24;
export const DEFAULT_PAGE = 50;
const INDEX_BATCH = 50;

/** Cuts the context around `hit` out of the text as written; `mark` is the hit inside the snippet. */
export function snippetAround(source: string, hit: Range): { snippet: string; mark: Range } {
  const from = Math.max(0, hit.start - SNIPPET);
  const to = Math.min(source.length, hit.end + SNIPPET);
  const before = from > 0 ? '…' : '';
  const snippet = `${before}${source.slice(from, to).replace(/\n/g, ' ')}${to < source.length ? '…' : ''}`;
  const start = before.length + hit.start - from;
  return { snippet, mark: { start, end: start + hit.end - hit.start } };
}

/**
 * Search across the library that finds 騰訊 when you type 腾讯, 軟體 for 软件 and 隨身碟 for U盘:
 * the query is folded as the index was (see SearchIndexStore), matched and ranked in SQL, and
 * only the page asked for is read back to cut snippets, mapped to the words as written.
 */
export class LibrarySearch {
  private stopped = false;

  constructor(
    private readonly index: SearchIndexStore,
    private readonly transact: Transact,
  ) {}

  search(query: string, page: { offset?: number; limit?: number } = {}): SearchPage {
    const q = foldForSearch(query.trim()).trim();
    const offset = page.offset ?? 0;
    const limit = page.limit ?? DEFAULT_PAGE;
    const found = this.index.query(q, { offset, limit });
    const hits = found.hits.map((h): SearchHit => {
      const none = { ...h, snippet: '', hit: null, mark: null };
      if (h.count === 0) return none;
      const folded = this.index.folded(h.articleId);
      const source = this.index.sourceText(h.articleId);
      const first = folded ? folded.text.indexOf(q) : -1;
      if (!folded || source === undefined || first < 0) return none;
      const hit = folded.alignment.rangeToSource({ start: first, end: first + q.length });
      return { ...none, hit, ...snippetAround(source, hit) };
    });
    return { hits, total: found.total, offset, limit };
  }

  /** Articles not yet in the index under today's folding (imported before it, or dictionaries changed). */
  pending(): number {
    return this.index.staleCount();
  }

  /**
   * Indexes what is pending, in small transactions, yielding between them so the window stays
   * responsive, with `searchIndexProgress` events. Searches meanwhile find what is indexed so far;
   * new imports are indexed as they are stored.
   */
  async indexPending(emit: Emit, batch = INDEX_BATCH): Promise<number> {
    if (this.stopped) return 0;
    const total = this.index.staleCount();
    if (total === 0) return 0;
    let done = 0;
    emit('searchIndexProgress', { done, total });
    while (done < total && !this.stopped) {
      const ids = this.index.stale(batch);
      if (ids.length === 0) break;
      this.transact(() => ids.forEach((id) => this.index.reindex(id)));
      done = Math.min(total, done + ids.length);
      emit('searchIndexProgress', { done, total });
      await new Promise((resolve) => setImmediate(resolve));
    }
    // Stopped, or rows vanished meanwhile: the bar ends either way; what is left waits for the next start.
    if (done < total) emit('searchIndexProgress', { done: total, total });
    return done;
  }

  /** Stops indexing between batches (the library is closing). */
  stop(): void {
    this.stopped = true;
  }
}
