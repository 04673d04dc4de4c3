import { describe, expect, it } from 'vitest';
import type { SearchHit, SearchPage } from '../../preload/contract/types';
import { keyTarget, PAGE_ROWS } from '../../renderer/library/list-keys';
import { appendPage, hasMore, nextOffset } from '../../renderer/library/search-pages';

describe('keyTarget', () => {
  it('moves by one, by a page and to the ends, never past them', () => {
    expect(keyTarget('ArrowDown', 3, 10)).toBe(4);
    expect(keyTarget('ArrowUp', 3, 10)).toBe(2);
    expect(keyTarget('ArrowDown', 9, 10)).toBe(9);
    expect(keyTarget('ArrowUp', 0, 10)).toBe(0);
    expect(keyTarget('PageDown', 0, 100)).toBe(PAGE_ROWS);
    expect(keyTarget('PageDown', 95, 100)).toBe(99);
    expect(keyTarget('PageUp', 3, 100)).toBe(0);
    expect(keyTarget('Home', 50, 100)).toBe(0);
    expect(keyTarget('End', 0, 10_000)).toBe(9_999);
  });

  it('leaves other keys and empty lists alone', () => {
    expect(keyTarget('Enter', 3, 10)).toBeNull();
    expect(keyTarget('Tab', 3, 10)).toBeNull();
    expect(keyTarget('ArrowDown', 0, 0)).toBeNull();
  });
});

const hit = (articleId: number): SearchHit => ({
  articleId,
  inTitle: false,
  count: 1,
  snippet: '',
  hit: null,
  mark: null,
});
const page = (ids: number[], offset: number, limit: number, total: number): SearchPage => ({
  hits: ids.map(hit),
  offset,
  limit,
  total,
});
const ids = (p: SearchPage) => p.hits.map((h) => h.articleId);

describe('search pages', () => {
  it('adds the page that follows and says when there is more', () => {
    const first = page([1, 2, 3], 0, 3, 7);
    expect(hasMore(first)).toBe(true);
    expect(nextOffset(first)).toBe(3);
    const second = appendPage(first, page([4, 5, 6], 3, 3, 7));
    expect(ids(second)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(nextOffset(second)).toBe(6);
    const third = appendPage(second, page([7], 6, 3, 7));
    expect(ids(third)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(hasMore(third)).toBe(false);
  });

  it('drops an answer that is not the next page (an older request)', () => {
    const first = page([1, 2, 3], 0, 3, 9);
    expect(appendPage(first, page([1, 2, 3], 0, 3, 9))).toBe(first);
    expect(appendPage(first, page([7, 8, 9], 6, 3, 9))).toBe(first);
  });

  it('lists an article once when ranks shift between pages, and still moves on', () => {
    const first = page([1, 2, 3], 0, 3, 9);
    const second = appendPage(first, page([3, 4, 5], 3, 3, 9));
    expect(ids(second)).toEqual([1, 2, 3, 4, 5]);
    // The next request starts after the ranks covered, not after the hits kept.
    expect(nextOffset(second)).toBe(6);
  });

  it('ends at a short page even when the library shrank meanwhile', () => {
    const first = page([1, 2, 3], 0, 3, 9);
    const last = appendPage(first, page([4], 3, 3, 9));
    expect(hasMore(last)).toBe(false);
    expect(last.total).toBe(4);
  });
});
