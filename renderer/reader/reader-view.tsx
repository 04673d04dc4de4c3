import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { DisplayScript } from '../../preload/contract/scripts';
import type { AppError, Settings } from '../../preload/contract/types';
import { FONT_SIZE_MAX, FONT_SIZE_MIN } from '../../preload/contract/types';
import { AnnotationStore } from '../annotations/annotation-store';
import { MarginNotes } from '../annotations/margin-notes';
import { type NotesPanelActions, NotesPanel } from '../annotations/notes-panel';
import { useAnnotationSnapshot, useAnnotationStore } from '../annotations/use-annotation-store';
import { useAnnotationView } from '../annotations/use-annotation-view';
import { api } from '../api';
import { useI18n } from '../i18n';
import { EncodingDialog } from '../ui/encoding-dialog';
import { ErrorBanner } from '../ui/error-banner';
import { ExportDialog } from '../ui/export-dialog';
import { Notice, useNotice } from '../ui/notice';
import { ScriptBadge } from '../ui/script-badge';
import { langOf, useArticleText } from './article-text';
import { ContentsPanel } from './contents-panel';
import { useContents } from './use-contents';
import { CorrectionDialog, type CorrectionSubject, correctionSubject } from './correction-dialog';
import { linkOfElement, useShownLink } from './links';
import { useMarginRoom } from './margin-room';
import { useReadOnlyView } from './read-only-view';
import { useTextLayout } from './use-text-layout';
import { showAtTop, useReadingPosition } from './reading-position';
import { useReplaceText } from './replace-text';
import { useTextEvents } from './text-events';
import { TextPreview } from './text-preview';
import { caretTo } from './caret';
import { useReaderKeys } from './reader-keys';
import { useReaderToolbarGroups } from './reader-toolbar';
import { ShortcutsSheet } from './shortcuts-sheet';
import { ReaderToolbar } from './toolbar';
import { ReaderOverlays } from './reader-overlays';
import { useReturnFocus } from '../ui/return-focus';
import { ARTICLE_FILES, HiddenFileInput } from '../ui/file-input';
import { useArticleDetails } from '../ui/article-details';
import { useFind } from './find-bar';
import { useFocusMode } from './focus-mode';
import { ReadingProgress } from './reading-progress';
import { ReadingSettingsButton, useReadingStyle } from './reading-settings';
import { useWritingMode } from './vertical';
import { useReadingAids } from './reading-aids';
import { isLive, type ViewHandle } from './view-handle';
import { useOriginalUnderPointer, useWordChanges } from './word-changes';

/** A settings change: a patch, or a function of the latest settings. */
export type SettingsPatch = Partial<Settings> | ((latest: Settings) => Partial<Settings>);

interface Props {
  articleId: number;
  settings: Settings;
  /** A patch, or a function of the latest settings (steps like "larger text" build on the last one). */
  onSettings(patch: SettingsPatch): void;
  onBack(): void;
}

/**
 * The reading view: the article in a read-only ProseMirror view, in one script or side by side,
 * with its highlights and notes (one annotation store), typography controls and reader keys.
 * Each concern lives in its own module; this puts them together.
 */
export function ReaderView({ articleId, settings, onSettings, onBack }: Props) {
  const { t } = useI18n();
  const [error, setError] = useState<AppError | null>(null);
  const onError = useCallback((e: AppError) => setError(e), []);
  const scrollRef = useRef<HTMLDivElement>(null);
  const pageRef = useRef<HTMLElement>(null);
  const replaceInput = useRef<HTMLInputElement>(null);
  const handleRef = useRef<ViewHandle | null>(null);
  /** The source offset to bring to the top when the view is (re)built. */
  const anchorRef = useRef(0);
  /** Bumped to load the article again (its text was replaced). */
  const [reloads, setReloads] = useState(0);
  const [panelOpen, setPanelOpen] = useState(false);
  /** Side by side: the original and the converted text in two columns. */
  const [paired, setPaired] = useState(false);
  /** Whether the places where the conversion changed words are marked. */
  const [markWords, setMarkWords] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [shortcuts, setShortcuts] = useState(false);
  const notice = useNotice();
  const report = useNotice();

  const position = useReadingPosition(articleId, scrollRef, handleRef);
  const { current: positionNow } = position;
  const readerAt = useCallback(() => positionNow()?.offset ?? null, [positionNow]);
  const beforeSwitch = useCallback(() => positionNow()?.offset, [positionNow]);
  const text = useArticleText(articleId, reloads, anchorRef, beforeSwitch, onError);
  const { article, shown, preview, imageBase, offered, switchScript } = text;
  const sideBySide = paired && shown?.script !== 'original';
  useReadingStyle(settings);
  const focusMode = useFocusMode();
  const writing = useWritingMode({
    articleId,
    fallback: settings.writingMode,
    scrollRef,
    where: () => positionNow()?.offset,
    show: useCallback((offset: number) => {
      const live = handleRef.current;
      if (scrollRef.current && isLive(live)) showAtTop(scrollRef.current, live, offset);
    }, []),
  });
  // Side by side stays in lines: two scripts in columns across would not pair line by line.
  const vertical = writing.mode === 'vertical' && !sideBySide;

  const { layout, attributes } = useTextLayout(article, shown, paired, imageBase);
  const { mount, handle } = useReadOnlyView(handleRef, layout, attributes);
  // A big article's first screen stands in for the text while it loads or converts (one column).
  const previewing = preview !== null && !paired;
  const previewAttributes = useMemo(
    (): Record<string, string> =>
      preview ? { lang: langOf(preview, preview.script), 'data-script': preview.script } : {},
    [preview],
  );

  // A new view shows the anchor (where the reader was, in source offsets) at the top, before it is painted.
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    if (!isLive(handle) || !scroller) return;
    showAtTop(scroller, handle, anchorRef.current);
    // The text takes the focus, with the caret on the first line shown, unless focus is in a panel beside it.
    const focused = document.activeElement;
    if (!scroller.contains(focused) && !focused?.closest('.contents-panel, .notes-panel')) {
      caretTo(handle, handle.layout.posOf(anchorRef.current));
    }
  }, [handle]);

  const { width, wide: roomy } = useMarginRoom(pageRef, settings.fontSize, panelOpen);
  // Side by side, the margins are the other column's; in vertical writing, there are none: notes go to the panel.
  const wide = !paired && !vertical && roomy;
  const wordChanges = useWordChanges(markWords, shown, layout);

  const store = useAnnotationStore(() => new AnnotationStore({ bridge: api(), articleId, onError }), reloads);
  const annotations = useAnnotationSnapshot(store);
  const { show: showNotice } = notice;
  const onCopied = useCallback(
    (ok: boolean) => (ok ? showNotice(t('hl.copied')) : showNotice(t('hl.copyFailed'), 'alert')),
    [showNotice, t],
  );
  const ann = useAnnotationView({
    store,
    annotations,
    handle,
    pageRef,
    scrollRef,
    reflow: `${settings.fontSize}|${width}|${panelOpen}`,
    wordChanges,
    onCopied,
  });
  const { clickAt } = ann;
  const openLink = useCallback(
    (href: string) =>
      void api()
        .openExternal(href)
        .then((r) => {
          if (!r.ok) showNotice(t('link.failed'), 'alert');
        }),
    [showNotice, t],
  );
  // A click on a link opens it outside the app (unless it ended a selection); any other click may open a highlight's tools.
  const click = useCallback(
    (event: MouseEvent) => {
      const href = linkOfElement(event.target);
      if (href && window.getSelection()?.isCollapsed !== false) {
        event.preventDefault();
        openLink(href);
        return;
      }
      clickAt(event);
    },
    [clickAt, openLink],
  );
  useTextEvents(handle, {
    readSelection: ann.readSelection,
    clearSelection: ann.clearSelection,
    click,
    readerAt,
  });
  const shownLink = useShownLink(handle);
  const find = useFind({ articleId, handle, readerAt, scrollRef, onError });
  const aids = useReadingAids({ handle, scrollRef, articleId, readSelection: ann.readSelection });

  const toc = useContents(article?.blocks, shown?.blocks, { handleRef, scrollRef, anchorRef }, readerAt, position.save);
  const { entries, contents, toggle: toggleContents } = toc;
  const original = useOriginalUnderPointer(handle);

  const replacing = useReplaceText(
    articleId,
    () => store.flushNotes(),
    (r) => {
      report.show(t('replace.done', { exact: r.exact, moved: r.moved, orphaned: r.orphaned }));
      anchorRef.current = positionNow()?.offset ?? 0;
      setReloads((n) => n + 1);
    },
    onError,
  );

  const back = () => {
    position.save();
    void store.flushNotes();
    onBack();
  };
  const setFontSize = (delta: 1 | -1) => {
    onSettings((latest) => ({
      fontSize: Math.min(FONT_SIZE_MAX, Math.max(FONT_SIZE_MIN, latest.fontSize + delta)),
    }));
  };
  /** Side by side on or off; on with the original on screen, the first conversion goes on the right. */
  const toggleParallel = () => {
    anchorRef.current = positionNow()?.offset ?? anchorRef.current;
    if (paired) return setPaired(false);
    const now = text.target();
    const target = now === 'original' ? offered.find((o) => o !== 'original') : undefined;
    setPaired(true);
    if (target) void switchScript(target);
  };
  /** Highlights the selection; a note to write in a narrow window opens the panel. */
  const highlight = (color: Parameters<typeof ann.create>[0] | null, withNote = false) =>
    void ann.create(color ?? annotations.lastColor, withNote).then((created) => {
      if (created && withNote && !wide) setPanelOpen(true);
    });
  const [correcting, setCorrecting] = useState<CorrectionSubject | null>(null);
  const correct = () => {
    const range = ann.selection && layout ? layout.toSource(ann.selection.from, ann.selection.to) : null;
    const subject = range && article && shown ? correctionSubject(article, shown, range) : null;
    if (subject) setCorrecting(subject);
    else showNotice(t('correct.cannot'), 'alert');
  };
  const canCorrect = (shown?.chain.length ?? 0) > 0;
  const editNote = (id: string) => {
    ann.setFocusNote(id);
    ann.setActive(null);
    if (!wide) setPanelOpen(true);
  };

  const textFocus = () => scrollRef.current;
  const { setFocusNote } = ann;
  /** The notes panel opens or closes; closed, no note waits to take the focus when it opens again. */
  const showPanel = useCallback(
    (open: boolean) => {
      setPanelOpen(open);
      if (!open) setFocusNote(null);
    },
    [setFocusNote],
  );
  const pickReplacement = useCallback(() => replaceInput.current?.click(), []);
  useReturnFocus(panelOpen, textFocus);
  useReturnFocus(contents !== null, textFocus);
  /** Closes a highlight's tools; the caret goes to the highlight, so that reading on starts there. */
  const closeTools = () => {
    const live = handleRef.current;
    const at = ann.shown.find((s) => s.highlight.id === ann.active?.id);
    ann.setActive(null);
    if (at && isLive(live)) caretTo(live, at.to);
    else scrollRef.current?.focus({ preventScroll: true });
  };
  useReaderKeys({
    scrollRef,
    handleRef,
    hasSelection: ann.selection !== null,
    activeId: ann.active?.id ?? null,
    canUndo: annotations.canUndo,
    offered,
    target: text.target,
    paired,
    panelOpen,
    hasContents: entries.length > 0,
    contentsOpen: contents !== null,
    shown: ann.shown,
    undo: () => void store.undo(),
    highlight,
    clearSelection: ann.dropSelection,
    closeTools,
    setPanelOpen: showPanel,
    toggleContents,
    closeContents: toc.close,
    openLink,
    toggleParallel,
    toggleWordChanges: () => setMarkWords((on) => !on),
    back,
    switchScript: (script, options) => void switchScript(script, options),
    fontSize: setFontSize,
    goTo: ann.goTo,
    showShortcuts: () => setShortcuts(true),
    openFind: find.openFind,
    focusMode: focusMode.focus,
    toggleFocus: focusMode.toggleFocus,
    toggleFullScreen: focusMode.toggleFullScreen,
    correct: canCorrect ? correct : undefined,
    aids: aids.keys,
  });

  const { goTo } = ann;
  const noteActions: NotesPanelActions = useMemo(
    () => ({
      onEdit: (id, note) => store.editNote(id, note),
      // A note left (blurred, or gone) no longer waits for the focus: it would take it again when redrawn.
      onFlush: (id) => {
        setFocusNote((now) => (now === id ? null : now));
        void store.flushNote(id);
      },
      onColors: (colors) => store.setColors(colors),
      onQuery: (query) => store.setQuery(query),
      onGo: (h) => goTo(h.id),
      onDelete: (h) => void store.remove(h.id),
      onClose: () => showPanel(false),
    }),
    // goTo changes with what is on screen; the note callbacks only with the store.
    [store, goTo, showPanel, setFocusNote],
  );
  // The store's alone: margin notes are drawn again only when their own note changes.
  const marginActions = useMemo(
    () => ({
      onEdit: (id: string, note: string) => store.editNote(id, note),
      onFlush: (id: string) => void store.flushNote(id),
    }),
    [store],
  );

  // Details edited here show at once, over the article as it was loaded.
  const details = useArticleDetails();
  const about = details.merge(article);
  // The title in the script on screen, when it is one of the article's blocks.
  const titleBlock = about ? about.blocks.findIndex((b) => b.text === about.title) : -1;
  const shownTitle = (titleBlock >= 0 ? shown?.blocks[titleBlock]?.text : undefined) ?? about?.title;
  const meta = about && [about.source, about.author && t('reader.by', { author: about.author }), about.publishedAt];

  const toolbarGroups = useReaderToolbarGroups(
    {
      offered,
      script: shown?.script,
      paired,
      markWords,
      panelOpen,
      hasContents: entries.length > 0,
      contentsOpen: contents !== null,
      highlightCount: annotations.highlights.length,
      settings,
    },
    {
      chooseScript: (script: DisplayScript) => {
        if (script === 'original') setPaired(false);
        void switchScript(script, { firstScreen: !paired || script === 'original' });
      },
      toggleParallel,
      toggleWordChanges: () => setMarkWords((on) => !on),
      togglePanel: () => setPanelOpen((open) => !open),
      toggleContents,
      exportNotes: () => setExporting(true),
      replaceText: pickReplacement,
      editDetails: () => about && details.open(about),
      fontSize: setFontSize,
      settings: onSettings,
      shortcuts: () => setShortcuts(true),
    },
  );

  const readingGroup = {
    id: 'reading',
    label: t('reading.button'),
    priority: 35,
    content: (
      <ReadingSettingsButton
        settings={settings}
        actions={{
          settings: onSettings,
          articleWriting: writing.chosen,
          writing: writing.mode,
          chooseWriting: writing.choose,
          fullScreen: focusMode.fullScreen,
          toggleFullScreen: focusMode.toggleFullScreen,
          toggleFocus: focusMode.toggleFocus,
        }}
      />
    ),
  };

  return (
    <div className="reader" data-testid="reader">
      <ReaderToolbar
        title={shownTitle}
        onBack={back}
        status={text.converting ? t('reader.converting') : ''}
        groups={[...toolbarGroups, readingGroup]}
      />
      <HiddenFileInput
        inputRef={replaceInput}
        accept={ARTICLE_FILES}
        label={t('replace.hint')}
        testId="replace-input"
        onFiles={([file]) => {
          if (file) void replacing.replace(file);
        }}
      />
      {find.element}
      {aids.bar}
      {error && <ErrorBanner error={error} onDismiss={onBack} />}
      <main className="reader-body" aria-label={t('reader.article')}>
        {contents && (
          <ContentsPanel
            entries={entries}
            current={contents.current}
            onGo={toc.jumpTo}
            onClose={() => {
              toc.close();
              scrollRef.current?.focus({ preventScroll: true });
            }}
          />
        )}
        <div
          className="reader-scroll"
          ref={scrollRef}
          tabIndex={0}
          onScroll={position.onScroll}
          data-writing={vertical ? 'vertical' : 'horizontal'}
          aria-label={article?.title ?? t('reader.loading')}
        >
          <article className={sideBySide ? 'page paired' : 'page'} ref={pageRef}>
            {!article && !error && !previewing && <p className="muted">{t('reader.loading')}</p>}
            {article && (
              <div className="article-meta">
                <ScriptBadge script={article.script} form={article.scriptForm} />
                {text.converting && <span className="muted converting">{t('reader.converting')}</span>}
                {meta?.filter(Boolean).map((m) => (
                  <span key={m}>{m}</span>
                ))}
                {markWords && (
                  <span className="marks-legend" data-testid="marks-legend">
                    <span className="sample" aria-hidden="true">
                      软件 → 軟體
                    </span>
                    {t('marks.legend')}
                  </span>
                )}
              </div>
            )}
            {previewing && (
              <TextPreview
                window={preview}
                imageBase={imageBase}
                attributes={previewAttributes}
                scrollRef={scrollRef}
              />
            )}
            <div ref={mount} hidden={previewing} />
            {wide && (
              <MarginNotes
                notes={ann.notes}
                states={annotations.notes}
                focusId={ann.focusNote}
                activeId={ann.hovered ?? ann.active?.id ?? null}
                actions={marginActions}
                onActive={ann.setHovered}
              />
            )}
          </article>
        </div>
        {panelOpen && (
          <NotesPanel annotations={annotations} quoteOf={ann.quoteOf} focusId={ann.focusNote} actions={noteActions} />
        )}
      </main>
      <ReadingProgress scrollRef={scrollRef} handle={handle} current={positionNow} />
      {aids.popup}
      <ReaderOverlays
        shownLink={shownLink}
        original={original}
        originalLang={article ? langOf(article, 'original') : undefined}
        ann={ann}
        store={store}
        deleted={annotations.deleted !== null}
        highlight={highlight}
        editNote={editNote}
        closeTools={closeTools}
        onCorrect={canCorrect ? correct : undefined}
      />
      {correcting && (
        <CorrectionDialog
          subject={correcting}
          onClose={() => setCorrecting(null)}
          onSaved={() => {
            setCorrecting(null);
            anchorRef.current = positionNow()?.offset ?? anchorRef.current;
            setReloads((n) => n + 1);
            showNotice(t('correct.saved'));
          }}
        />
      )}
      {details.element}
      {shortcuts && <ShortcutsSheet onClose={() => setShortcuts(false)} />}
      {replacing.asking && <EncodingDialog ask={replacing.asking} onChoose={replacing.answer} />}
      {exporting && (
        <ExportDialog
          articleId={articleId}
          onClose={() => setExporting(false)}
          onDone={(message) => {
            setExporting(false);
            showNotice(message);
          }}
        />
      )}
      {notice.notice && <Notice message={notice.notice.message} tone={notice.notice.tone} onClose={notice.clear} />}
      {report.notice && <Notice message={report.notice.message} testId="replace-report" onClose={report.clear} />}
    </div>
  );
}
