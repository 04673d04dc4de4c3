import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Article, Settings, Theme } from '../../preload/contract/types';
import { FONT_SIZE_MAX, FONT_SIZE_MIN } from '../../preload/contract/types';
import { api, type CallError, unwrap } from '../api';
import { useI18n } from '../i18n';
import { ScriptBadge } from '../library/script-badge';
import { ErrorBanner } from '../ui/error-banner';
import { buildDoc, PositionMap } from './positions';

const THEMES: readonly Theme[] = ['light', 'sepia', 'dark'];
const SAVE_DELAY_MS = 400;
const LINE_STEP = 64;

interface Props {
  articleId: number;
  settings: Settings;
  onSettings(patch: Partial<Settings>): void;
  onBack(): void;
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable);

/** The reading view: a read-only ProseMirror view of the article, with typography controls. */
export function ReaderView({ articleId, settings, onSettings, onBack }: Props) {
  const { t } = useI18n();
  const [article, setArticle] = useState<Article | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const mountRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const mapRef = useRef<PositionMap | null>(null);
  const saveTimer = useRef<number | undefined>(undefined);

  useEffect(() => {
    let live = true;
    void api()
      .getArticle(articleId)
      .then((r) => {
        if (!live) return;
        try {
          setArticle(unwrap(r));
        } catch (e) {
          setError(e as CallError);
        }
      });
    return () => {
      live = false;
    };
  }, [articleId]);

  /** Where the reader is: the source offset of the first visible character, and how far down. */
  const currentPosition = useCallback((): { offset: number; progress: number } | null => {
    const scroller = scrollRef.current;
    const view = viewRef.current;
    const map = mapRef.current;
    if (!scroller || !view || !map) return null;
    const top = scroller.getBoundingClientRect().top;
    const max = scroller.scrollHeight - scroller.clientHeight;
    const progress = max <= 0 ? 1 : Math.min(1, Math.max(0, scroller.scrollTop / max));
    for (const child of Array.from(view.dom.children)) {
      const rect = child.getBoundingClientRect();
      if (rect.bottom <= top + 4) continue;
      const hit = view.posAtCoords({ left: rect.left + 4, top: Math.max(rect.top, top) + 8 });
      const pos = hit ? hit.pos : view.posAtDOM(child, 0);
      return { offset: map.toOffset(pos), progress };
    }
    return { offset: map.sourceLength, progress };
  }, []);

  const savePosition = useCallback(() => {
    window.clearTimeout(saveTimer.current);
    saveTimer.current = undefined;
    const position = currentPosition();
    if (position) void api().saveReadingPosition({ id: articleId, ...position });
  }, [articleId, currentPosition]);

  // Mount the ProseMirror view once the article is here, and put the reader back where they were.
  useEffect(() => {
    const mount = mountRef.current;
    if (!article || !mount) return;
    mapRef.current = new PositionMap(article.blocks);
    const view = new EditorView(mount, {
      state: EditorState.create({ doc: buildDoc(article.blocks) }),
      editable: () => false,
      attributes: {
        class: 'dz-article',
        'aria-label': t('reader.article'),
        lang: article.script === 'traditional' ? 'zh-Hant' : 'zh-Hans',
      },
    });
    viewRef.current = view;
    const scroller = scrollRef.current;
    if (scroller && article.readingOffset > 0) {
      const coords = view.coordsAtPos(mapRef.current.toPos(article.readingOffset));
      scroller.scrollTop += coords.top - scroller.getBoundingClientRect().top - 8;
    }
    scroller?.focus({ preventScroll: true });
    return () => {
      view.destroy();
      viewRef.current = null;
    };
    // The view is rebuilt only for a new article; language changes do not remount it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [article]);

  // Save the position when leaving, whatever the way out.
  useEffect(
    () => () => {
      if (saveTimer.current !== undefined) savePosition();
    },
    [savePosition],
  );

  const onScroll = () => {
    window.clearTimeout(saveTimer.current);
    saveTimer.current = window.setTimeout(savePosition, SAVE_DELAY_MS);
  };

  const setFontSize = (delta: number) => {
    const fontSize = Math.min(FONT_SIZE_MAX, Math.max(FONT_SIZE_MIN, settings.fontSize + delta));
    if (fontSize !== settings.fontSize) onSettings({ fontSize });
  };

  const back = useCallback(() => {
    savePosition();
    onBack();
  }, [onBack, savePosition]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (document.querySelector('dialog[open]')) return;
      const scroller = scrollRef.current;
      if (!scroller) return;
      const page = scroller.clientHeight * 0.9;
      const moves: Record<string, number> = {
        j: LINE_STEP,
        ArrowDown: LINE_STEP,
        k: -LINE_STEP,
        ArrowUp: -LINE_STEP,
        ' ': e.shiftKey ? -page : page,
        PageDown: page,
        PageUp: -page,
      };
      if (e.key === 'Escape') {
        e.preventDefault();
        back();
      } else if (e.key in moves) {
        e.preventDefault();
        scroller.scrollBy({ top: moves[e.key] });
      } else if (e.key === 'Home' || e.key === 'End') {
        e.preventDefault();
        scroller.scrollTop = e.key === 'Home' ? 0 : scroller.scrollHeight;
      } else if (e.key === '+' || e.key === '=') {
        setFontSize(1);
      } else if (e.key === '-') {
        setFontSize(-1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const meta = article && [
    article.source,
    article.author && t('reader.by', { author: article.author }),
    article.publishedAt,
  ];

  return (
    <div className="reader" data-testid="reader">
      <header className="toolbar" role="toolbar" aria-label={t('reader.toolbar')}>
        <button
          type="button"
          className="tool"
          onClick={back}
          aria-label={t('reader.back')}
          title={`${t('reader.back')} (Esc)`}
        >
          ← <span className="tool-label">{t('library.title')}</span>
        </button>
        <div className="toolbar-title" aria-hidden="true">
          {article?.title}
        </div>
        <div className="tool-group">
          <button
            type="button"
            className="tool"
            onClick={() => setFontSize(-1)}
            aria-label={t('reader.smaller')}
            title={`${t('reader.smaller')} (-)`}
            disabled={settings.fontSize <= FONT_SIZE_MIN}
          >
            A−
          </button>
          <button
            type="button"
            className="tool"
            onClick={() => setFontSize(1)}
            aria-label={t('reader.larger')}
            title={`${t('reader.larger')} (+)`}
            disabled={settings.fontSize >= FONT_SIZE_MAX}
          >
            A+
          </button>
        </div>
        <div className="tool-group" role="radiogroup" aria-label={t('reader.theme')}>
          {THEMES.map((theme) => (
            <button
              key={theme}
              type="button"
              role="radio"
              aria-checked={settings.theme === theme}
              className={`tool swatch swatch-${theme}`}
              onClick={() => onSettings({ theme })}
              aria-label={t(`reader.theme.${theme}`)}
              title={t(`reader.theme.${theme}`)}
            />
          ))}
        </div>
      </header>
      {error && <ErrorBanner error={error.error} onDismiss={onBack} />}
      <div
        className="reader-scroll"
        ref={scrollRef}
        tabIndex={0}
        onScroll={onScroll}
        aria-label={article?.title ?? t('reader.loading')}
      >
        <article className="page">
          {!article && !error && <p className="muted">{t('reader.loading')}</p>}
          {article && (
            <div className="article-meta">
              <ScriptBadge script={article.script} />
              {meta?.filter(Boolean).map((m) => (
                <span key={m}>{m}</span>
              ))}
            </div>
          )}
          <div ref={mountRef} />
        </article>
      </div>
    </div>
  );
}
