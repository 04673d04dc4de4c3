import type { SearchPage } from '../../preload/contract/types';

/**
 * The results loaded so far are kept as one page from offset 0: `limit` is how many ranks they
 * cover (more than `hits.length` when an article came up twice across pages).
 */
export const nextOffset = (loaded: SearchPage): number => loaded.offset + loaded.limit;

/** Whether there are results beyond the pages loaded. */
export const hasMore = (loaded: SearchPage): boolean => nextOffset(loaded) < loaded.total;

/**
 * The results loaded so far with the next page added, or `loaded` unchanged when `next` is not
 * the page that follows (an answer to an older request). An article already listed is not listed
 * again: the library can change between pages, shifting the ranks.
 */
export function appendPage(loaded: SearchPage, next: SearchPage): SearchPage {
  if (next.offset !== nextOffset(loaded)) return loaded;
  const seen = new Set(loaded.hits.map((h) => h.articleId));
  const hits = [...loaded.hits, ...next.hits.filter((h) => !seen.has(h.articleId))];
  const covered = next.offset + next.limit;
  // A page shorter than asked is the last one, whatever was counted before.
  const total = next.hits.length < next.limit ? next.offset + next.hits.length : next.total;
  return { hits, total, offset: 0, limit: Math.min(covered, total) };
}
