import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ArticleSummary } from '../../preload/contract/types';
import { api } from '../api';
import { useI18n } from '../i18n';
import { useArticleDetails } from '../ui/article-details';
import { ArticleRow } from './article-row';
import { keyTarget } from './list-keys';
import { hasMore } from './search-pages';
import { DEFAULT_ORDER, loadOrder, saveOrder, SORT_KEYS, sortArticles, type SortKey, type SortOrder } from './sort';
import { useLibrarySearch } from './use-search';

/** A row's height before it is measured (title, meta line, progress line). */
const ESTIMATED_ROW = 92;
/** Rows drawn beyond each edge of the visible part, so a quick scroll does not show blank space. */
const OVERSCAN = 6;
/** How close to the last loaded result the next page is fetched. */
const MORE_AHEAD = 10;

interface Props {
  /** The library's articles, or (not `complete`) the first of them in the default order. */
  articles: ArticleSummary[];
  complete: boolean;
  onOpen(id: number): void;
  onDelete(article: ArticleSummary): void;
}

/** What the library scrolls in: the nearest ancestor that scrolls vertically. */
function scrollParent(el: HTMLElement): HTMLElement {
  for (let p = el.parentElement; p; p = p.parentElement) {
    if (/(auto|scroll)/.test(getComputedStyle(p).overflowY)) return p;
  }
  return document.documentElement;
}

/**
 * The article list: title, source, 简/繁 badge, length, the dates added and published, reading
 * progress; sorted by any of them (the order is remembered), with each article's details editable.
 * Only the rows in view are in the DOM (a library of 10,000 articles draws a few dozen); search
 * results come a page at a time as the list's end comes into view.
 */
export function LibraryView({ articles, complete, onOpen, onDelete }: Props) {
  const { t, locale } = useI18n();
  const [order, setOrderState] = useState<SortOrder>(() => loadOrder());
  const setOrder = (next: SortOrder) => {
    setOrderState(next);
    saveOrder(next);
  };
  const sorted = useMemo(() => sortArticles(articles, order, locale), [articles, order, locale]);
  const details = useArticleDetails();
  const listRef = useRef<HTMLUListElement>(null);
  const dateFormat = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }), [locale]);
  const numberFormat = useMemo(() => new Intl.NumberFormat(locale), [locale]);
  const [query, setQuery] = useState('');
  const [indexing, setIndexing] = useState<number | null>(null);
  /** Search results, best first, when searching: in any script (腾讯 finds 騰訊). */
  const search = useLibrarySearch(query, articles, indexing === null);
  const results = search.results;
  const hits = useMemo(() => results && new Map(results.hits.map((h) => [h.articleId, h])), [results]);

  useEffect(
    () =>
      api().on('searchIndexProgress', ({ done, total }) =>
        setIndexing(done < total ? Math.floor((done / total) * 100) : null),
      ),
    [],
  );

  const byId = useMemo(() => new Map(articles.map((a) => [a.id, a])), [articles]);
  // A first page is in the default order only: another order waits for the whole list.
  const firstPageFits = order.key === DEFAULT_ORDER.key && order.reversed === DEFAULT_ORDER.reversed;
  const shown = useMemo(
    () =>
      results ? results.hits.flatMap((h) => byId.get(h.articleId) ?? []) : complete || firstPageFits ? sorted : [],
    [results, byId, sorted, complete, firstPageFits],
  );
  const setSize = results && hasMore(results) ? Math.max(results.total, shown.length) : shown.length;

  // The focused row stays in the DOM when scrolled away, so focus is not lost with it.
  const [focusedId, setFocusedId] = useState<number | null>(null);
  const focusedIndex = focusedId === null ? -1 : shown.findIndex((a) => a.id === focusedId);
  /** A row to focus once it is drawn. */
  const pendingFocus = useRef<number | null>(null);

  // Where the list starts in what scrolls (below the header and controls), kept up to date: read
  // after every render (a banner above may have come or gone), set only when it moved.
  const [scrollMargin, setScrollMargin] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- on every render by design, set only on change
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const scroller = scrollParent(list);
    const margin = list.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
    if (Math.abs(margin - scrollMargin) > 0.5) setScrollMargin(margin);
  });

  // The app does not use React Compiler, whose memoization this hook's API would defeat.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => (listRef.current ? scrollParent(listRef.current) : null),
    estimateSize: () => ESTIMATED_ROW,
    overscan: OVERSCAN,
    scrollMargin,
    getItemKey: (i) => shown[i]?.id ?? i,
    rangeExtractor: (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (focusedIndex >= 0 && focusedIndex < range.count && !indexes.includes(focusedIndex)) {
        indexes.push(focusedIndex);
        indexes.sort((a, b) => a - b);
      }
      return indexes;
    },
  });
  const rows = virtualizer.getVirtualItems();
  const lastDrawn = rows.length > 0 ? rows[rows.length - 1]!.index : -1;

  // The next page of results once the last loaded ones come near.
  useEffect(() => {
    if (results && hasMore(results) && lastDrawn >= shown.length - MORE_AHEAD) search.more();
  }, [results, lastDrawn, shown.length, search]);

  /** Focuses row `index` (its open button) if it is drawn; says whether it was. */
  const focusRow = (index: number): boolean => {
    const button = listRef.current?.querySelector<HTMLButtonElement>(`li[data-index="${index}"] .article-open`);
    if (!button) return false;
    button.focus();
    return true;
  };
  const moveTo = (index: number) => {
    virtualizer.scrollToIndex(index, { align: 'auto' });
    if (!focusRow(index)) {
      // Drawn on the next render: keeping it focused puts it in the range.
      pendingFocus.current = index;
      setFocusedId(shown[index]?.id ?? null);
    }
  };
  useEffect(() => {
    const pending = pendingFocus.current;
    if (pending !== null && focusRow(pending)) pendingFocus.current = null;
  });

  // Arrows, Page Up/Down, Home and End move between articles, Delete removes the focused one. Tab
  // needs nothing: the row it leaves is drawn, and focusing scrolls to it, which draws its neighbours.
  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>, index: number) => {
    const target = e.target as HTMLElement;
    const next = keyTarget(e.key, index, shown.length);
    if (next !== null) {
      e.preventDefault();
      moveTo(next);
    } else if (e.key === 'Delete' && target.classList.contains('article-open')) {
      e.preventDefault();
      const article = shown[index];
      if (article) onDelete(article);
    }
  };

  /** A day as the UI language writes it; `at` is a date (YYYY-MM-DD, a local day) or a timestamp. */
  const day = (at: string) => {
    const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(at) ? `${at}T00:00:00` : at);
    return Number.isNaN(d.getTime()) ? at : dateFormat.format(d);
  };

  if (articles.length === 0) return <p className="empty">{t('library.empty')}</p>;

  return (
    <>
      <div className="list-controls">
        <span className="muted" role="status">
          {results
            ? t('library.found', { count: results.total })
            : complete
              ? t('library.count', { count: articles.length })
              : t('library.listing')}
          {indexing !== null && <> · {t('library.indexing', { percent: indexing })}</>}
        </span>
        <input
          type="search"
          className="library-search"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            // Cleared: the next search starts from nothing, not from the last one's results.
            if (e.target.value.trim() === '') search.clear();
          }}
          placeholder={t('library.search')}
          aria-label={t('library.search')}
          title={t('library.searchHint')}
        />
        <div className="sort-controls">
          <label className="sort">
            <span>{t('library.sort')}</span>
            <select value={order.key} onChange={(e) => setOrder({ ...order, key: e.target.value as SortKey })}>
              {SORT_KEYS.map((k) => (
                <option key={k} value={k}>
                  {t(`library.sort.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button sort-direction"
            aria-pressed={order.reversed}
            onClick={() => setOrder({ ...order, reversed: !order.reversed })}
            title={t('library.reverseHint')}
          >
            <span aria-hidden="true">{order.reversed ? '↑' : '↓'}</span> {t('library.reverse')}
          </button>
        </div>
      </div>
      <ul
        className="articles virtual"
        ref={listRef}
        aria-label={t('library.list')}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {rows.map((row) => {
          const a = shown[row.index]!;
          return (
            <ArticleRow
              key={row.key}
              article={a}
              index={row.index}
              setSize={setSize}
              hit={hits?.get(a.id)}
              sortKey={order.key}
              rowRef={virtualizer.measureElement}
              style={{ transform: `translateY(${row.start - scrollMargin}px)` }}
              day={day}
              number={(n) => numberFormat.format(n)}
              onOpen={onOpen}
              onDetails={details.open}
              onDelete={onDelete}
              onKeyDown={onKeyDown}
              onFocus={setFocusedId}
            />
          );
        })}
      </ul>
      {results && hasMore(results) && (
        <button type="button" className="button more-results" onClick={search.more}>
          {t('library.moreResults', { count: results.total - shown.length })}
        </button>
      )}
      {details.element}
    </>
  );
}
