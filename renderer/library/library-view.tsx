import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ArticleSummary, SearchHit, SearchPage } from '../../preload/contract/types';
import { api } from '../api';
import { useI18n } from '../i18n';
import { ScriptBadge } from '../ui/script-badge';
import { forDisplay } from '../../preload/contract/display';
import { useArticleDetails } from './article-details';
import { loadOrder, saveOrder, SORT_KEYS, sortArticles, type SortKey, type SortOrder } from './sort';

/** Search results shown at once, best first (the status line gives the whole count). */
const SEARCH_PAGE = 200;

interface Props {
  articles: ArticleSummary[];
  onOpen(id: number): void;
  onDelete(article: ArticleSummary): void;
}

/**
 * The article list: title, source, 简/繁 badge, length, the dates added and published, reading
 * progress; sorted by any of them (the order is remembered), with each article's details editable.
 */
export function LibraryView({ articles, onOpen, onDelete }: Props) {
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
  /** Search results, best first, when searching: in any script (腾讯 finds 騰訊). */
  const [found, setFound] = useState<SearchPage | null>(null);
  const results = query.trim() === '' ? null : found;
  const hits = useMemo(() => results && new Map(results.hits.map((h) => [h.articleId, h])), [results]);
  const [indexing, setIndexing] = useState<number | null>(null);
  // Searched again once the index is whole: articles indexed meanwhile may match.
  const indexed = indexing === null;

  useEffect(
    () =>
      api().on('searchIndexProgress', ({ done, total }) =>
        setIndexing(done < total ? Math.floor((done / total) * 100) : null),
      ),
    [],
  );

  useEffect(() => {
    const q = query.trim();
    if (q === '') return;
    let live = true;
    const timer = window.setTimeout(() => {
      void api()
        .searchArticles(q, { limit: SEARCH_PAGE })
        .then((r) => {
          if (live && r.ok) setFound(r.value);
        });
    }, 150);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [query, articles, indexed]);

  const byId = useMemo(() => new Map(articles.map((a) => [a.id, a])), [articles]);
  const shown = results ? results.hits.flatMap((h) => byId.get(h.articleId) ?? []) : sorted;

  // Up/down move between articles, Delete removes the focused one.
  const onKeyDown = (e: KeyboardEvent, article: ArticleSummary) => {
    const buttons = Array.from(listRef.current?.querySelectorAll<HTMLButtonElement>('.article-open') ?? []);
    const index = buttons.findIndex((b) => b === document.activeElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = buttons[Math.max(0, Math.min(buttons.length - 1, index + (e.key === 'ArrowDown' ? 1 : -1)))];
      next?.focus();
    } else if (e.key === 'Delete' && index >= 0) {
      e.preventDefault();
      onDelete(article);
    }
  };

  /** A day as the UI language writes it; `at` is a date (YYYY-MM-DD, a local day) or a timestamp. */
  const day = (at: string) => {
    const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(at) ? `${at}T00:00:00` : at);
    return Number.isNaN(d.getTime()) ? at : dateFormat.format(d);
  };
  const sortedBy = (key: SortKey) => (order.key === key ? 'sorted-by' : undefined);

  if (articles.length === 0) return <p className="empty">{t('library.empty')}</p>;

  return (
    <>
      <div className="list-controls">
        <span className="muted" role="status">
          {results ? t('library.found', { count: results.total }) : t('library.count', { count: articles.length })}
          {indexing !== null && <> · {t('library.indexing', { percent: indexing })}</>}
        </span>
        <input
          type="search"
          className="library-search"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            // Cleared: the next search starts from nothing, not from the last one's results.
            if (e.target.value.trim() === '') setFound(null);
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
      <ul className="articles" ref={listRef} aria-label={t('library.list')}>
        {shown.map((a) => (
          <li key={a.id} className="article-row" data-testid="article-row" onKeyDown={(e) => onKeyDown(e, a)}>
            <button
              type="button"
              className="article-open"
              onClick={() => onOpen(a.id)}
              aria-label={t('library.open', { title: a.title })}
            >
              <span className="article-title" lang={a.script === 'traditional' ? 'zh-Hant' : 'zh-Hans'}>
                {forDisplay(a.title)}
              </span>
              <span className="article-meta">
                <ScriptBadge script={a.script} form={a.scriptForm} />
                {a.author && <span>{t('reader.by', { author: a.author })}</span>}
                {a.source && <span>{a.source}</span>}
                <span>{t('library.chars', { count: numberFormat.format(a.charCount) })}</span>
                <span className={sortedBy('imported')} data-testid="added-date">
                  {t('library.added', { date: day(a.importedAt) })}
                </span>
                {a.publishedAt && (
                  <span className={sortedBy('published')} data-testid="published-date">
                    {t('library.published', { date: day(a.publishedAt) })}
                  </span>
                )}
                {a.isSample && <span className="tag">{t('library.sample')}</span>}
              </span>
              {hits?.get(a.id)?.snippet && (
                <Snippet hit={hits.get(a.id)!} hits={t('library.hits', { count: hits.get(a.id)?.count ?? 0 })} />
              )}
              <span
                className="progress-line"
                aria-label={t('library.progress', { percent: Math.round(a.readingProgress * 100) })}
                role="img"
              >
                <span style={{ width: `${Math.round(a.readingProgress * 100)}%` }} />
              </span>
            </button>
            <button
              type="button"
              className="icon-button"
              onClick={() => details.open(a)}
              aria-label={t('details.open', { title: a.title })}
              title={t('details.button')}
              data-testid="edit-details"
            >
              ✎
            </button>
            <button
              type="button"
              className="icon-button danger"
              onClick={() => onDelete(a)}
              aria-label={t('library.delete', { title: a.title })}
              title={t('delete.confirm')}
            >
              ✕
            </button>
          </li>
        ))}
      </ul>
      {details.element}
    </>
  );
}

/** A search hit's context as written, the words found marked. */
function Snippet({ hit, hits }: { hit: SearchHit; hits: string }) {
  const { snippet, mark } = hit;
  return (
    <span className="article-snippet" data-testid="search-snippet">
      {mark ? (
        <>
          {snippet.slice(0, mark.start)}
          <mark>{snippet.slice(mark.start, mark.end)}</mark>
          {snippet.slice(mark.end)}
        </>
      ) : (
        snippet
      )}{' '}
      <span className="muted">{hits}</span>
    </span>
  );
}
