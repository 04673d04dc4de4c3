import { type RefObject, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { FIND_MAX_QUERY, type FindResult } from '../../preload/contract/reading-settings';
import type { AppError } from '../../preload/contract/types';
import { api } from '../api';
import { useI18n } from '../i18n';
import { setFindDrawing } from './find-decorations';
import type { DocRange } from './layout';
import { isLive, type ViewHandle } from './view-handle';

/** Typing rests this long before the article is searched. */
const TYPING_MS = 120;

/** The first hit at or after a source offset (the reader's place), else the first. */
const firstFrom = (hits: FindResult['hits'], offset: number) => {
  const at = hits.findIndex((h) => h.start >= offset);
  return at >= 0 ? at : 0;
};

/**
 * Find in the article (Ctrl/Cmd+F or /): the query is matched in main across scripts and regional
 * wording (the folding library search uses), hits come back in source offsets and are drawn through
 * the layout's maps, so side by side both columns show them. Enter and Shift+Enter step through them.
 */
export function useFind({
  articleId,
  handle,
  readerAt,
  scrollRef,
  onError,
}: {
  articleId: number;
  /** The view on screen (a new one after a script switch: the hits are drawn again on it). */
  handle: ViewHandle | null;
  /** Where the reader is (source offset), so the first hit shown is the next one from there. */
  readerAt(): number | null;
  scrollRef: RefObject<HTMLElement | null>;
  onError(error: AppError): void;
}) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<{ query: string; found: FindResult } | null>(null);
  const [at, setCurrent] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  const calls = useRef(0);
  const readerAtRef = useRef(readerAt);
  useLayoutEffect(() => {
    readerAtRef.current = readerAt;
  });

  useEffect(() => {
    const q = query.trim();
    const call = ++calls.current;
    if (!open || q === '') return;
    const timer = window.setTimeout(() => {
      void api()
        .findInArticle(articleId, q.slice(0, FIND_MAX_QUERY))
        .then((r) => {
          if (call !== calls.current) return;
          if (!r.ok) return onError(r.error);
          setResult({ query: q, found: r.value });
          setCurrent(r.value.hits.length ? firstFrom(r.value.hits, readerAtRef.current() ?? 0) : -1);
        });
    }, TYPING_MS);
    return () => window.clearTimeout(timer);
  }, [open, query, articleId, onError]);

  // Closed or emptied, nothing is found (an answer still on its way is dropped by `calls`).
  const live = open && query.trim() !== '' ? result : null;
  /** Every hit where it shows on the view on screen. */
  const placed = useMemo((): DocRange[][] => {
    if (!live || !handle) return [];
    return live.found.hits.map((h) => handle.layout.place(h));
  }, [live, handle]);
  const current = live ? at : -1;

  // Drawn on the view on screen, and again on a new one (a script switch, side by side).
  const shownCurrent = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (!isLive(handle)) return;
    const { view } = handle;
    view.dispatch(setFindDrawing(view.state.tr, { hits: placed, current }));
    if (current < 0 || shownCurrent.current === current) return;
    shownCurrent.current = current;
    // The current hit comes to the middle of the screen, down or across (vertical writing).
    const mark = view.dom.querySelector('.dz-find-current');
    mark?.scrollIntoView({ block: 'center', inline: 'center' });
  }, [handle, placed, current]);

  const step = useCallback(
    (by: 1 | -1) => {
      const n = placed.length;
      if (n === 0) return;
      shownCurrent.current = null;
      setCurrent((c) => (c + by + n) % n);
    },
    [placed.length],
  );
  const openFind = useCallback(() => {
    setOpen(true);
    // Open already: the query is selected, to type another.
    window.requestAnimationFrame(() => {
      input.current?.focus();
      input.current?.select();
    });
  }, []);
  const close = useCallback(() => {
    setOpen(false);
    shownCurrent.current = null;
    scrollRef.current?.focus({ preventScroll: true });
  }, [scrollRef]);

  const total = live?.found.total ?? 0;
  const element = open ? (
    <FindBar
      inputRef={input}
      query={query}
      onQuery={setQuery}
      searched={live !== null && live.query === query.trim()}
      current={current}
      total={total}
      onStep={step}
      onClose={close}
    />
  ) : null;
  return { open, openFind, close, element };
}

function FindBar({
  inputRef,
  query,
  onQuery,
  searched,
  current,
  total,
  onStep,
  onClose,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  query: string;
  onQuery(query: string): void;
  searched: boolean;
  current: number;
  total: number;
  onStep(by: 1 | -1): void;
  onClose(): void;
}) {
  const { t } = useI18n();
  const count =
    query.trim() === ''
      ? ''
      : !searched
        ? '…'
        : total === 0
          ? t('find.none')
          : t('find.count', { n: current + 1, total });
  return (
    <div className="find-bar" role="search" aria-label={t('find.label')} data-testid="find-bar">
      <input
        ref={inputRef}
        type="search"
        className="find-input"
        value={query}
        maxLength={FIND_MAX_QUERY}
        placeholder={t('find.placeholder')}
        aria-label={t('find.label')}
        onChange={(e) => onQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            onStep(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onClose();
          }
        }}
      />
      <span className="find-count muted" role="status" aria-live="polite" data-testid="find-count">
        {count}
      </span>
      <button
        type="button"
        className="tool"
        onClick={() => onStep(-1)}
        disabled={total === 0}
        aria-label={t('find.previous')}
        title={`${t('find.previous')} (Shift+Enter)`}
      >
        ↑
      </button>
      <button
        type="button"
        className="tool"
        onClick={() => onStep(1)}
        disabled={total === 0}
        aria-label={t('find.next')}
        title={`${t('find.next')} (Enter)`}
      >
        ↓
      </button>
      <button
        type="button"
        className="tool"
        onClick={onClose}
        aria-label={t('find.close')}
        title={`${t('find.close')} (Esc)`}
      >
        ×
      </button>
    </div>
  );
}
