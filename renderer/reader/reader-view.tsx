import { EditorState, TextSelection } from 'prosemirror-state';
import { Decoration, EditorView } from 'prosemirror-view';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alignment } from '../../preload/contract/alignment';
import { type DisplayScript, offeredScripts, sourceKind } from '../../preload/contract/scripts';
import type {
  Article,
  ConvertedText,
  ReanchorReport,
  Settings,
  TextEncodingName,
  Theme,
} from '../../preload/contract/types';
import { FONT_SIZE_MAX, FONT_SIZE_MIN, HIGHLIGHT_COLORS } from '../../preload/contract/types';
import { api, CallError, unwrap } from '../api';
import { useI18n } from '../i18n';
import { ScriptBadge } from '../library/script-badge';
import { ErrorBanner } from '../ui/error-banner';
import { HighlightTools, MarginNotes, NotesPanel, SelectionTools } from './annotation-ui';
import { PairedLayout, SingleLayout, type TextLayout } from './layout';
import { useAnnotations } from './use-annotations';
import { ExportDialog } from '../library/export-ui';
import { EncodingDialog } from '../library/import-ui';
import { HiddenFileInput, TEXT_FILES } from '../ui/file-input';
import { Notice } from '../ui/notice';

const THEMES: readonly Theme[] = ['light', 'sepia', 'dark'];
const SAVE_DELAY_MS = 400;
const LINE_STEP = 64;
/** Room the margin notes need beside the page, each side (the page stays centred). */
const MARGIN_NOTES_WIDTH = 250;

interface Props {
  articleId: number;
  settings: Settings;
  onSettings(patch: Partial<Settings>): void;
  onBack(): void;
}

/** The language tag of the text as shown, so that fonts pick the right regional glyphs. */
function langOf(article: Article, shown: DisplayScript): string {
  if (shown === 'simplified') return 'zh-Hans';
  if (shown === 'traditional') return 'zh-Hant';
  if (shown === 'taiwan' || shown === 'taiwanPhrases') return 'zh-Hant-TW';
  if (shown === 'hongkong') return 'zh-Hant-HK';
  if (article.scriptForm === 'taiwan') return 'zh-Hant-TW';
  if (article.scriptForm === 'hongkong') return 'zh-Hant-HK';
  return article.scriptForm ? 'zh-Hant' : 'zh-Hans';
}

/** Whether keys go to a field (the article takes a caret for selecting, but is never typed in). */
const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || (target.isContentEditable && !target.closest('.dz-article')));

/** The reading view: a read-only ProseMirror view of the article, with typography controls. */
export function ReaderView({ articleId, settings, onSettings, onBack }: Props) {
  const { t } = useI18n();
  const [article, setArticle] = useState<Article | null>(null);
  /** The article's text in the script on screen, with its alignment to the source. */
  const [shown, setShown] = useState<ConvertedText | null>(null);
  /** The script being converted to, while the conversion runs. */
  const [converting, setConverting] = useState<DisplayScript | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const mountRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  /** The layout of the view on screen (set when the view is built). */
  const layoutRef = useRef<TextLayout | null>(null);
  /** The source offset to bring to the top when the view is (re)built. */
  const anchorRef = useRef(0);
  /** The script asked for last, while switches are under way (keys can be pressed faster than they convert). */
  const wantedRef = useRef<DisplayScript | null>(null);
  /** The script on screen, current even before React has re-rendered. */
  const displayedRef = useRef<DisplayScript>('original');
  const saveTimer = useRef<number | undefined>(undefined);
  const pageRef = useRef<HTMLElement>(null);
  const replaceInput = useRef<HTMLInputElement>(null);
  /** Bumped when the view is rebuilt, so that what is measured on it is measured again. */
  const [viewVersion, setViewVersion] = useState(0);
  const [width, setWidth] = useState(() => window.innerWidth);
  const [panelOpen, setPanelOpen] = useState(false);
  const [replaced, setReplaced] = useState<ReanchorReport | null>(null);
  const [exporting, setExporting] = useState(false);
  const [replaceEncoding, setReplaceEncoding] = useState<{
    file: File;
    ask: Parameters<typeof EncodingDialog>[0]['ask'];
  } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** Bumped to load the article again (its text was replaced). */
  const [reloads, setReloads] = useState(0);
  /** Side by side: the original and the converted text in two columns. */
  const [paired, setPaired] = useState(false);
  /** Whether the places where the conversion changed words are marked. */
  const [markWords, setMarkWords] = useState(false);
  /** The original of the converted words under the pointer. */
  const [original, setOriginal] = useState<{ x: number; y: number; shown: string; original: string } | null>(null);

  useEffect(() => {
    const onResize = () => setWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);

  useEffect(() => {
    let live = true;
    void Promise.all([api().getArticle(articleId), api().getConvertedText(articleId)]).then(([a, c]) => {
      if (!live) return;
      try {
        const loaded = unwrap(a);
        const text = unwrap(c);
        anchorRef.current = loaded.readingOffset;
        setArticle(loaded);
        displayedRef.current = text.script;
        setShown(text);
      } catch (e) {
        setError(e as CallError);
      }
    });
    return () => {
      live = false;
    };
  }, [articleId, reloads]);

  /** The text on screen and its maps to positions and to the source: one column, or two side by side. */
  const layout: TextLayout | null = useMemo(() => {
    if (!shown || !article) return null;
    const alignment = Alignment.fromJSON(shown.alignment);
    if (paired && shown.script !== 'original') {
      return new PairedLayout(article.blocks, shown.blocks, alignment, {
        source: langOf(article, 'original'),
        target: langOf(article, shown.script),
      });
    }
    return new SingleLayout(shown.blocks, alignment, article.blocks.map((b) => b.text).join('\n'));
  }, [shown, article, paired]);

  /** Where the reader is: the source offset of the first visible character, and how far down. */
  const currentPosition = useCallback((): { offset: number; progress: number } | null => {
    const scroller = scrollRef.current;
    const view = viewRef.current;
    const current = layoutRef.current;
    if (!scroller || !view || !current) return null;
    const top = scroller.getBoundingClientRect().top;
    const max = scroller.scrollHeight - scroller.clientHeight;
    const progress = max <= 0 ? 1 : Math.min(1, Math.max(0, scroller.scrollTop / max));
    for (const child of Array.from(view.dom.children)) {
      const rect = child.getBoundingClientRect();
      if (rect.bottom <= top + 4) continue;
      const hit = view.posAtCoords({ left: rect.left + 4, top: Math.max(rect.top, top) + 8 });
      const pos = hit ? hit.pos : view.posAtDOM(child, 0);
      return { offset: current.sourceAt(pos), progress };
    }
    return { offset: current.sourceLength, progress };
  }, []);

  const savePosition = useCallback(() => {
    window.clearTimeout(saveTimer.current);
    saveTimer.current = undefined;
    const position = currentPosition();
    if (position) void api().saveReadingPosition({ id: articleId, ...position });
  }, [articleId, currentPosition]);

  // Mount the ProseMirror view on the text as shown, and bring the anchor (where the reader was,
  // in source offsets) back to the top: on opening, and on switching scripts.
  useEffect(() => {
    const mount = mountRef.current;
    if (!article || !shown || !layout || !mount) return;
    layoutRef.current = layout;
    // The text takes a caret, so that it can be selected from the keyboard (Shift+arrows) as well
    // as with the mouse, but it never changes: every transaction that would edit it is dropped
    // and every way of inserting text is refused.
    const refuse = (_view: EditorView, event: Event) => {
      event.preventDefault();
      return true;
    };
    const view: EditorView = new EditorView(mount, {
      state: EditorState.create({ doc: layout.doc }),
      editable: () => true,
      dispatchTransaction: (tr) => {
        if (!tr.docChanged) view.updateState(view.state.apply(tr));
      },
      handleTextInput: () => true,
      handleKeyDown: (_view, event) => event.key === 'Backspace' || event.key === 'Delete' || event.key === 'Enter',
      handleDOMEvents: { beforeinput: refuse, paste: refuse, cut: refuse, drop: refuse, dragstart: refuse },
      attributes: {
        class: layout instanceof PairedLayout ? 'dz-article dz-paired' : 'dz-article',
        role: 'document',
        'aria-label': t('reader.article'),
        'aria-readonly': 'true',
        spellcheck: 'false',
        autocorrect: 'off',
        autocapitalize: 'off',
        inputmode: 'none',
        lang: langOf(article, shown.script),
        'data-script': shown.script,
      },
    });
    viewRef.current = view;
    const scroller = scrollRef.current;
    if (scroller) {
      scroller.scrollTop = 0;
      if (anchorRef.current > 0) {
        const coords = view.coordsAtPos(layout.posOf(anchorRef.current));
        scroller.scrollTop += coords.top - scroller.getBoundingClientRect().top - 8;
      }
      if (!scroller.contains(document.activeElement)) scroller.focus({ preventScroll: true });
    }
    setViewVersion((v) => v + 1);
    return () => {
      view.destroy();
      viewRef.current = null;
    };
    // The view is rebuilt for a new text only; language changes do not remount it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [article, layout]);

  const onError = useCallback((e: CallError) => setError(e), []);
  /** Where the conversion changed words (软件 → 軟體), marked when asked, in every column. */
  const marks = useMemo(() => {
    if (!markWords || !shown || !layout) return [];
    const out: Decoration[] = [];
    const w = shown.wordChanges;
    for (let i = 0; i + 3 < w.length; i += 4) {
      for (const r of layout.place({ start: w[i] ?? 0, end: w[i + 1] ?? 0 })) {
        if (r.to > r.from) out.push(Decoration.inline(r.from, r.to, { class: 'dz-word-change' }));
      }
    }
    return out;
  }, [markWords, shown, layout]);
  const ann = useAnnotations({
    articleId,
    layout,
    viewRef,
    pageRef,
    reflow: `${viewVersion}|${settings.fontSize}|${width}|${panelOpen}`,
    version: reloads,
    marks,
    onError,
  });
  const { readSelection, clickAt, setSelection } = ann;

  // Selecting text offers to highlight it; clicking a highlight opens its tools.
  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    const dom = view.dom;
    const onUp = () => window.setTimeout(readSelection, 0);
    // Selecting with Shift+arrows offers the same tools as selecting with the mouse.
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.shiftKey || e.key === 'Shift') readSelection();
    };
    const onClick = (e: MouseEvent) => clickAt(e);
    const onSelectionChange = () => {
      if (window.getSelection()?.isCollapsed) setSelection(null);
    };
    // Tabbing into the text puts the caret where the reader is, not at the top of the article.
    const onFocus = () => {
      const position = currentPosition();
      const v = viewRef.current;
      const current = layoutRef.current;
      if (!position || !v || !current || !v.state.selection.empty || v.state.selection.from > 1) return;
      const pos = current.posOf(position.offset);
      v.dispatch(v.state.tr.setSelection(TextSelection.create(v.state.doc, pos)));
    };
    // Hovering converted words shows what they were.
    let frame = 0;
    const onMove = (e: MouseEvent) => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const v = viewRef.current;
        const current = layoutRef.current;
        const hit = v?.posAtCoords({ left: e.clientX, top: e.clientY });
        const found = hit && current && hit.inside >= 0 ? current.originalAt(hit.pos) : null;
        setOriginal(found && found.original !== found.shown ? { x: e.clientX, y: e.clientY, ...found } : null);
      });
    };
    const onLeave = () => {
      cancelAnimationFrame(frame);
      setOriginal(null);
    };
    // One signal takes every listener off again.
    const listening = new AbortController();
    const { signal } = listening;
    dom.addEventListener('mousemove', onMove, { signal });
    dom.addEventListener('mouseleave', onLeave, { signal });
    dom.addEventListener('mouseup', onUp, { signal });
    dom.addEventListener('keyup', onKeyUp, { signal });
    dom.addEventListener('click', onClick, { signal });
    dom.addEventListener('focus', onFocus, { signal });
    document.addEventListener('selectionchange', onSelectionChange, { signal });
    return () => {
      cancelAnimationFrame(frame);
      listening.abort();
    };
  }, [viewVersion, readSelection, clickAt, setSelection, currentPosition]);

  /** The notes panel's list: in reading order, orphaned ones last (once each, side by side too). */
  const panelHighlights = useMemo(
    () =>
      [...ann.highlights].sort((a, b) => Number(a.orphaned) - Number(b.orphaned) || a.start - b.start || b.end - a.end),
    [ann.highlights],
  );

  /** Whether the margin beside the page is wide enough for notes; else they live in the panel. */
  const pageWidth = (pageRef.current?.offsetWidth ?? settings.fontSize * 36 + 56) + 2 * MARGIN_NOTES_WIDTH;
  // Side by side, the margins are the other column's: notes go to the panel.
  const wide = !paired && width - (panelOpen ? 360 : 0) >= pageWidth;
  // A note to write in a narrow window opens the panel.
  useEffect(() => {
    if (ann.focusNote && !wide) setPanelOpen(true);
  }, [ann.focusNote, wide]);

  /** Scrolls a highlight into view and opens its tools. */
  const goTo = useCallback(
    (id: string) => {
      const target = ann.shown.find((s) => s.highlight.id === id);
      const view = viewRef.current;
      const scroller = scrollRef.current;
      if (!target || !view || !scroller || !layout) return;
      const from = layout.place(target.highlight)[0]?.from ?? target.from;
      const coords = view.coordsAtPos(from);
      const box = scroller.getBoundingClientRect();
      scroller.scrollTop += coords.top - box.top - box.height / 3;
      const after = view.coordsAtPos(from);
      ann.setActive({ id, anchor: { top: after.top, left: after.left, bottom: after.bottom } });
    },
    [ann, layout],
  );

  const replaceText = async (file: File, encoding?: TextEncodingName) => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = await api().replaceArticleText({
      id: articleId,
      file: { name: file.name, bytes },
      ...(encoding ? { encoding } : {}),
    });
    if (!result.ok) {
      setError(new CallError(result.error));
      return;
    }
    if (result.value.status === 'needsEncoding') {
      // Unsure how the file is encoded: the reader picks from previews, then it goes on.
      setReplaceEncoding({ file, ask: { ...result.value, token: '' } });
      return;
    }
    setReplaced(result.value);
    anchorRef.current = currentPosition()?.offset ?? 0;
    setReloads((n) => n + 1);
    window.setTimeout(() => setReplaced(null), 10000);
  };

  const offered = useMemo(() => (article ? offeredScripts(sourceKind(article.scriptForm)) : []), [article]);
  // The title in the script on screen, when it is one of the article's blocks.
  const titleBlock = article ? article.blocks.findIndex((b) => b.text === article.title) : -1;
  const shownTitle = (titleBlock >= 0 ? shown?.blocks[titleBlock]?.text : undefined) ?? article?.title;

  const show = useCallback((text: ConvertedText) => {
    displayedRef.current = text.script;
    setShown(text);
  }, []);

  /** Shows the article in another script, keeping the reader on the same words. */
  const switchScript = useCallback(
    async (next: DisplayScript) => {
      const running = wantedRef.current !== null;
      wantedRef.current = next;
      if (running) return; // the switch under way goes on to `next` when it is done
      anchorRef.current = currentPosition()?.offset ?? anchorRef.current;
      let current = displayedRef.current;
      for (let target = wantedRef.current; target !== null && target !== current; target = wantedRef.current) {
        setConverting(target);
        const result = await api().getConvertedText(articleId, target);
        if (!result.ok) {
          setError(new CallError(result.error));
          break;
        }
        current = target;
        if (wantedRef.current === target) {
          show(result.value);
          void api().setDisplayScript(articleId, target);
        }
      }
      wantedRef.current = null;
      setConverting(null);
    },
    [articleId, currentPosition, show],
  );

  /** Side by side on or off; on with the original on screen, the first conversion goes on the right. */
  const togglePaired = useCallback(() => {
    anchorRef.current = currentPosition()?.offset ?? anchorRef.current;
    if (paired) {
      setPaired(false);
      return;
    }
    const now = wantedRef.current ?? displayedRef.current;
    const target = now === 'original' ? offered.find((o) => o !== 'original') : undefined;
    setPaired(true);
    if (target) void switchScript(target);
  }, [paired, offered, currentPosition, switchScript]);

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
      // ProseMirror marks keys like Escape handled in the text it holds; they are still ours.
      const inText = e.target instanceof Element && e.target.closest('.dz-article') !== null;
      if ((e.defaultPrevented && !inText) || isTyping(e.target) || document.querySelector('dialog[open]')) return;
      if (ann.undo && (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        void ann.undoDelete();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      // With text selected: H highlights in the last colour, 1–5 in that colour, N adds a note.
      if (ann.selection) {
        const colorIndex = '12345'.indexOf(e.key);
        if (e.key === 'h' || e.key === 'H' || colorIndex >= 0 || e.key === 'n' || e.key === 'N') {
          e.preventDefault();
          const color = colorIndex >= 0 ? (HIGHLIGHT_COLORS[colorIndex] ?? 'yellow') : ann.lastColor.current;
          void ann.create(color, e.key === 'n' || e.key === 'N');
          return;
        }
        if (e.key === 'Escape') {
          e.preventDefault();
          window.getSelection()?.removeAllRanges();
          setSelection(null);
          return;
        }
      }
      if (ann.active && e.key === 'Escape') {
        e.preventDefault();
        ann.setActive(null);
        return;
      }
      if (e.key === 'm' || e.key === 'M') {
        e.preventDefault();
        setPanelOpen((open) => !open);
        return;
      }
      if ((e.key === 'p' || e.key === 'P') && offered.length > 1) {
        e.preventDefault();
        togglePaired();
        return;
      }
      if (e.key === 'c' || e.key === 'C') {
        e.preventDefault();
        setMarkWords((on) => !on);
        return;
      }
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
      } else if (e.shiftKey && e.key.startsWith('Arrow')) {
        // Shift+arrows extend the selection (the article has a caret).
        return;
      } else if (e.key in moves) {
        e.preventDefault();
        scroller.scrollBy({ top: moves[e.key] ?? 0 });
      } else if (e.key === 'Home' || e.key === 'End') {
        e.preventDefault();
        scroller.scrollTop = e.key === 'Home' ? 0 : scroller.scrollHeight;
      } else if ((e.key === 'v' || e.key === 'V') && shown && offered.length > 1) {
        e.preventDefault();
        const at = offered.indexOf(wantedRef.current ?? displayedRef.current);
        const step = e.shiftKey ? offered.length - 1 : 1;
        void switchScript(offered[(at + step) % offered.length] ?? 'original');
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
          {shownTitle}
        </div>
        {offered.length > 1 && (
          <div
            className="tool-group script-switch"
            role="radiogroup"
            aria-label={t('reader.script')}
            title={t('reader.scriptHint')}
          >
            {offered.map((script) => (
              <button
                key={script}
                type="button"
                role="radio"
                aria-checked={shown?.script === script}
                className="tool script-option"
                onClick={() => {
                  if (script === 'original') setPaired(false);
                  void switchScript(script);
                }}
                aria-label={t(`display.${script}.long`)}
                title={`${t(`display.${script}.long`)} — ${t('reader.scriptHint')}`}
                data-script={script}
              >
                {t(`display.${script}`)}
              </button>
            ))}
          </div>
        )}
        {offered.length > 1 && (
          <div className="tool-group">
            <button
              type="button"
              className="tool"
              aria-pressed={paired}
              onClick={togglePaired}
              title={t('parallel.hint')}
              data-testid="parallel-toggle"
            >
              {t('parallel.toggle')}
            </button>
            <button
              type="button"
              className="tool"
              aria-pressed={markWords}
              onClick={() => setMarkWords((on) => !on)}
              title={t('marks.hint')}
              disabled={shown?.script === 'original'}
            >
              {t('marks.toggle')}
            </button>
          </div>
        )}
        <span className="sr-only" role="status" aria-live="polite">
          {converting ? t('reader.converting') : ''}
        </span>
        <div className="tool-group">
          <button
            type="button"
            className="tool"
            aria-pressed={panelOpen}
            onClick={() => setPanelOpen((open) => !open)}
            title={t('notes.toggleHint')}
          >
            {t('notes.toggle')}
            {ann.highlights.length > 0 && <span className="count"> {ann.highlights.length}</span>}
          </button>
          <button type="button" className="tool" onClick={() => setExporting(true)} data-testid="export-button">
            {t('export.button')}
          </button>
          <button
            type="button"
            className="tool"
            onClick={() => replaceInput.current?.click()}
            title={t('replace.hint')}
          >
            {t('replace.button')}
          </button>
          <HiddenFileInput
            inputRef={replaceInput}
            accept={TEXT_FILES}
            label={t('replace.hint')}
            testId="replace-input"
            onFiles={([file]) => {
              if (file) void replaceText(file);
            }}
          />
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
      <div className="reader-body">
        <div
          className="reader-scroll"
          ref={scrollRef}
          tabIndex={0}
          onScroll={onScroll}
          aria-label={article?.title ?? t('reader.loading')}
        >
          <article className={paired && shown?.script !== 'original' ? 'page paired' : 'page'} ref={pageRef}>
            {!article && !error && <p className="muted">{t('reader.loading')}</p>}
            {article && (
              <div className="article-meta">
                <ScriptBadge script={article.script} form={article.scriptForm} />
                {converting && <span className="muted converting">{t('reader.converting')}</span>}
                {meta?.filter(Boolean).map((m) => (
                  <span key={m}>{m}</span>
                ))}
              </div>
            )}
            <div ref={mountRef} />
            {wide && (
              <MarginNotes
                notes={ann.notes}
                focusId={ann.focusNote}
                activeId={ann.hovered ?? ann.active?.id ?? null}
                onSave={ann.saveNote}
                onActive={ann.setHovered}
              />
            )}
          </article>
        </div>
        {panelOpen && (
          <NotesPanel
            highlights={panelHighlights}
            quoteOf={ann.quoteOf}
            focusId={ann.focusNote}
            onGo={(h) => goTo(h.id)}
            onSave={ann.saveNote}
            onDelete={(h) => void ann.remove(h.id)}
            onClose={() => setPanelOpen(false)}
          />
        )}
      </div>
      {original && (
        <div
          className="orig-tooltip"
          role="tooltip"
          style={{ left: original.x + 12, top: original.y + 16 }}
          data-testid="original-tooltip"
        >
          <span className="muted">{t('parallel.original')}</span>{' '}
          <span lang={article ? langOf(article, 'original') : undefined}>{original.original}</span>
        </div>
      )}
      {ann.selection && (
        <SelectionTools
          anchor={ann.selection.anchor}
          onHighlight={(color) => void ann.create(color)}
          onNote={() => void ann.create(ann.lastColor.current, true)}
        />
      )}
      {ann.active && ann.activeHighlight && (
        <HighlightTools
          highlight={ann.activeHighlight}
          anchor={ann.active.anchor}
          onColor={(color) => void ann.recolor(ann.activeHighlight!.id, color)}
          onNote={() => {
            ann.setFocusNote(ann.activeHighlight!.id);
            ann.setActive(null);
          }}
          onCopy={() => void ann.copy(ann.activeHighlight!.id)}
          onDelete={() => void ann.remove(ann.activeHighlight!.id)}
          onClose={() => ann.setActive(null)}
        />
      )}
      {ann.undo && (
        <div className="toast" role="status" aria-live="polite">
          <span>{t('hl.deleted')}</span>
          <button type="button" className="button" onClick={() => void ann.undoDelete()}>
            {t('delete.undo')}
          </button>
        </div>
      )}
      {replaceEncoding && (
        <EncodingDialog
          ask={replaceEncoding.ask}
          onChoose={(encoding) => {
            const { file } = replaceEncoding;
            setReplaceEncoding(null);
            if (encoding) void replaceText(file, encoding);
          }}
        />
      )}
      {exporting && (
        <ExportDialog
          articleId={articleId}
          onClose={() => setExporting(false)}
          onDone={(message) => {
            setExporting(false);
            setNotice(message);
            window.setTimeout(() => setNotice(null), 10000);
          }}
        />
      )}
      {notice && <Notice message={notice} onClose={() => setNotice(null)} />}
      {replaced && (
        <div className="toast" role="status" aria-live="polite" data-testid="replace-report">
          <span>
            {t('replace.done', { exact: replaced.exact, moved: replaced.moved, orphaned: replaced.orphaned })}
          </span>
          <button type="button" className="button" onClick={() => setReplaced(null)}>
            {t('hl.close')}
          </button>
        </div>
      )}
    </div>
  );
}
