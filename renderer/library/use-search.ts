import { useCallback, useEffect, useRef, useState } from 'react';
import type { SearchPage } from '../../preload/contract/types';
import { api } from '../api';
import { appendPage, hasMore, nextOffset } from './search-pages';

/** Results fetched a page at a time, best first (the status line gives the whole count). */
export const SEARCH_PAGE = 100;

/**
 * Library search as the list shows it: the first page once typing pauses, the next pages when
 * `more()` is called (the list calls it as its end comes into view). Searched again from the
 * first page whenever `library` changes or the index becomes whole (`indexed`): articles stored
 * meanwhile may match.
 */
export function useLibrarySearch(query: string, library: unknown, indexed: boolean) {
  const [found, setFound] = useState<SearchPage | null>(null);
  // Which search the results belong to: answers to an older one are dropped.
  const generation = useRef(0);
  const loading = useRef(false);
  const q = query.trim();

  useEffect(() => {
    const mine = ++generation.current;
    if (q === '') return;
    loading.current = false;
    const timer = window.setTimeout(() => {
      void api()
        .searchArticles(q, { limit: SEARCH_PAGE })
        .then((r) => {
          if (mine === generation.current && r.ok) setFound(r.value);
        });
    }, 150);
    return () => window.clearTimeout(timer);
  }, [q, library, indexed]);

  const more = useCallback(() => {
    if (!found || !hasMore(found) || loading.current || q === '') return;
    const mine = generation.current;
    loading.current = true;
    void api()
      .searchArticles(q, { offset: nextOffset(found), limit: SEARCH_PAGE })
      .then((r) => {
        if (mine !== generation.current) return;
        loading.current = false;
        if (r.ok) setFound((loaded) => (loaded ? appendPage(loaded, r.value) : loaded));
      });
  }, [found, q]);

  return {
    /** The results when searching, null when the query is empty. */
    results: q === '' ? null : found,
    more,
    /** Forgets the results (the query was cleared: the next search starts from nothing). */
    clear: () => setFound(null),
  };
}
