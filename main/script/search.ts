import type { Range } from '../../preload/contract/alignment';
import type { SearchHit, SearchPage } from '../../preload/contract/types';
import type { Transact } from '../db/connection';
import type { SearchIndexStore, SourceWindow } from '../db/search-index';
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
/** At most this many articles per transaction of the first-start build… */
const INDEX_BATCH = 50;
/**
 * …and no more than this much work (ms) or text (UTF-16 units) before it commits and lets the
 * window have the thread: the commit's share (FTS5 writing and merging its segment) grows with
 * the text, and one long article can take the whole budget alone.
 */
const INDEX_BUDGET_MS = 20;
const INDEX_BUDGET_TEXT = 40_000;
/** Index pages merged per step after the build (each step a few ms). */
const MERGE_PAGES = 64;

/**
 * Cuts the context around `hit` out of the text as written (`source`, or the window of it that
 * holds the hit and its context); `mark` is the hit inside the snippet.
 */
export function snippetAround(source: string | SourceWindow, hit: Range): { snippet: string; mark: Range } {
  const w = typeof source === 'string' ? { start: 0, text: source, length: source.length } : source;
  const from = Math.max(0, hit.start - SNIPPET);
  const to = Math.min(w.length, hit.end + SNIPPET);
  const before = from > 0 ? '…' : '';
  const cut = w.text.slice(from - w.start, to - w.start).replace(/\n/g, ' ');
  const snippet = `${before}${cut}${to < w.length ? '…' : ''}`;
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
    // One read transaction: one snapshot for the page and its snippets, and SQLite takes its
    // lock once instead of once per statement (a page of 50 runs over 100).
    return this.transact(() => {
      const found = this.index.query(q, { offset, limit });
      const hits = found.hits.map((h): SearchHit => {
        const none = { ...h, snippet: '', hit: null, mark: null };
        if (h.count === 0) return none;
        const first = this.index.firstHit(h.articleId, q, SNIPPET);
        return first ? { ...none, hit: first.hit, ...snippetAround(first.window, first.hit) } : none;
      });
      return { hits, total: found.total, offset, limit };
    });
  }

  /** Articles not yet in the index under today's folding (imported before it, or dictionaries changed). */
  pending(): number {
    return this.index.staleCount();
  }

  /**
   * Indexes what is pending, in transactions of at most `batch` articles and about 20 ms, yielding
   * between them so the window stays responsive, with `searchIndexProgress` events; then merges
   * the index the many small transactions left in pieces, yielding likewise. Searches meanwhile
   * find what is indexed so far; new imports are indexed as they are stored.
   */
  async indexPending(emit: Emit, batch = INDEX_BATCH): Promise<number> {
    if (this.stopped) return 0;
    const total = this.index.staleCount();
    if (total === 0) {
      this.index.warm();
      return 0;
    }
    const next = () => new Promise((resolve) => setImmediate(resolve));
    let done = 0;
    let after = 0;
    emit('searchIndexProgress', { done, total });
    while (done < total && !this.stopped) {
      const ids = this.index.stale(batch, after);
      if (ids.length === 0) break;
      const started = performance.now();
      const n = this.transact(() => {
        let k = 0;
        let text = 0;
        do text += this.index.reindex(ids[k++]!);
        while (k < ids.length && text < INDEX_BUDGET_TEXT && performance.now() - started < INDEX_BUDGET_MS);
        return k;
      });
      after = ids[n - 1]!;
      done = Math.min(total, done + n);
      emit('searchIndexProgress', { done, total });
      await next();
    }
    // Stopped, or rows vanished meanwhile: the bar ends either way; what is left waits for the next start.
    if (done < total) emit('searchIndexProgress', { done: total, total });
    while (!this.stopped && this.transact(() => this.index.merge(MERGE_PAGES))) await next();
    if (!this.stopped) this.index.warm();
    return done;
  }

  /** Stops indexing between batches (the library is closing). */
  stop(): void {
    this.stopped = true;
  }
}
