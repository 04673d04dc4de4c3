import type { CSSProperties, KeyboardEvent, Ref } from 'react';
import type { ArticleSummary, SearchHit } from '../../preload/contract/types';
import { forDisplay } from '../../preload/contract/display';
import { useI18n } from '../i18n';
import { ScriptBadge } from '../ui/script-badge';
import type { SortKey } from './sort';

interface Props {
  article: ArticleSummary;
  /** Its place in the list (0-based), read back by the virtualizer when measuring the row. */
  index: number;
  /** How many rows the list has in all, most of them not in the DOM (for screen readers). */
  setSize: number;
  hit: SearchHit | undefined;
  sortKey: SortKey;
  rowRef: Ref<HTMLLIElement>;
  style: CSSProperties;
  day(at: string): string;
  number(n: number): string;
  onOpen(id: number): void;
  onDetails(article: ArticleSummary): void;
  onDelete(article: ArticleSummary): void;
  onKeyDown(e: KeyboardEvent<HTMLLIElement>, index: number): void;
  onFocus(id: number): void;
}

/** One article of the library list: open it, edit its details, delete it. */
export function ArticleRow({ article: a, index, setSize, hit, sortKey, rowRef, style, day, number, ...on }: Props) {
  const { t } = useI18n();
  const sortedBy = (key: SortKey) => (sortKey === key ? 'sorted-by' : undefined);
  return (
    <li
      ref={rowRef}
      data-index={index}
      style={style}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      className="article-row"
      data-testid="article-row"
      data-article-id={a.id}
      onKeyDown={(e) => on.onKeyDown(e, index)}
      onFocus={() => on.onFocus(a.id)}
    >
      <button
        type="button"
        className="article-open"
        onClick={() => on.onOpen(a.id)}
        aria-label={t('library.open', { title: a.title })}
        aria-describedby={`row-meta-${a.id} row-progress-${a.id}${hit?.snippet ? ` row-snippet-${a.id}` : ''}`}
      >
        <span className="article-title" lang={a.script === 'traditional' ? 'zh-Hant' : 'zh-Hans'}>
          {forDisplay(a.title)}
        </span>
        {/* Read as the button's description: its name is "Open …" and says what is visible of it, the title. */}
        <span className="article-meta" id={`row-meta-${a.id}`} aria-hidden="true">
          <ScriptBadge script={a.script} form={a.scriptForm} />
          {a.author && <span>{t('reader.by', { author: a.author })}</span>}
          {a.source && <span>{a.source}</span>}
          <span>{t('library.chars', { count: number(a.charCount) })}</span>
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
        {hit?.snippet && (
          <Snippet id={`row-snippet-${a.id}`} hit={hit} hits={t('library.hits', { count: hit.count })} />
        )}
        <span
          id={`row-progress-${a.id}`}
          aria-hidden="true"
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
        onClick={() => on.onDetails(a)}
        aria-label={t('details.open', { title: a.title })}
        title={t('details.button')}
        data-testid="edit-details"
      >
        ✎
      </button>
      <button
        type="button"
        className="icon-button danger"
        onClick={() => on.onDelete(a)}
        aria-label={t('library.delete', { title: a.title })}
        title={t('delete.confirm')}
      >
        ✕
      </button>
    </li>
  );
}

/** A search hit's context as written, the words found marked. */
function Snippet({ id, hit, hits }: { id: string; hit: SearchHit; hits: string }) {
  const { snippet, mark } = hit;
  return (
    <span className="article-snippet" id={id} aria-hidden="true" data-testid="search-snippet">
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
