import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ArticleSummary, SearchHit, SearchPage } from '../../preload/contract/types';
import { api } from '../api';
import { useI18n, type UiLocale } from '../i18n';
import { ScriptBadge } from '../ui/script-badge';
import { forDisplay } from '../../preload/contract/display';

export type SortKey = 'imported' | 'published' | 'title';
const SORT_KEYS: readonly SortKey[] = ['imported', 'published', 'title'];
/** Search results shown at once, best first (the status line gives the whole count). */
const SEARCH_PAGE = 200;

const COLLATION: Record<UiLocale, string> = {
  'zh-Hans': 'zh-Hans-u-co-pinyin',
  'zh-Hant': 'zh-Hant-u-co-stroke',
  en: 'zh-Hans-u-co-pinyin',
};

/** Sorts articles: newest first by date added or published (undated last), or by title in the UI language's collation. */
export function sortArticles(articles: readonly ArticleSummary[], key: SortKey, locale: UiLocale): ArticleSummary[] {
  const byTitle = new Intl.Collator(COLLATION[locale]).compare;
  const list = [...articles];
  switch (key) {
    case 'title':
      return list.sort((a, b) => byTitle(a.title, b.title));
    case 'published':
      return list.sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || byTitle(a.title, b.title));
    case 'imported':
      return list.sort((a, b) => b.importedAt.localeCompare(a.importedAt) || b.id - a.id);
  }
}

interface Props {
  articles: ArticleSummary[];
  onOpen(id: number): void;
  onDelete(article: ArticleSummary): void;
}

/** The article list: title, source, 简/繁 badge, length, date, reading progress. */
export function LibraryView({ articles, onOpen, onDelete }: Props) {
  const { t, locale } = useI18n();
  const [sort, setSort] = useState<SortKey>('imported');
  const sorted = useMemo(() => sortArticles(articles, sort, locale), [articles, sort, locale]);
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

  const date = (a: ArticleSummary) => {
    const iso = a.publishedAt ?? a.importedAt.slice(0, 10);
    const d = new Date(`${iso}T00:00:00`);
    return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
  };

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
        <label className="sort">
          <span>{t('library.sort')}</span>
          <select value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
            {SORT_KEYS.map((k) => (
              <option key={k} value={k}>
                {t(`library.sort.${k}`)}
              </option>
            ))}
          </select>
        </label>
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
                {a.source && <span>{a.source}</span>}
                <span>{t('library.chars', { count: numberFormat.format(a.charCount) })}</span>
                <span>{date(a)}</span>
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
