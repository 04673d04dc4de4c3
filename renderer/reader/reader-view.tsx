import { useCallback, useRef, useState } from 'react';
import type { DisplayScript } from '../../preload/contract/scripts';
import type { AppError, Settings } from '../../preload/contract/types';
import { FONT_SIZE_MAX, FONT_SIZE_MIN } from '../../preload/contract/types';
import { AnnotationStore } from '../annotations/annotation-store';
import { MarginNotes } from '../annotations/margin-notes';
import { NotesPanel } from '../annotations/notes-panel';
import { useNoteActions } from '../annotations/use-note-actions';
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
import { CorrectionDialog, type CorrectionSubject, correctionSubject } from './correction-dialog';
import { useReaderKeys } from './reader-keys';
import { linkOfElement, useShownLink } from './links';
import { useMarginRoom } from './margin-room';
import { useReadOnlyView } from './read-only-view';
import { showAtTop, useReadingPosition, useShowAnchor } from './reading-position';
import { useReplaceText } from './replace-text';
import { useTextEvents } from './text-events';
import { TextPreview } from './text-preview';
import { ReaderToolbar } from './toolbar';
import { useFind } from './find-bar';
import { useFocusMode } from './focus-mode';
import { ReadingProgress } from './reading-progress';
import { ReadingSettingsButton, useReadingStyle } from './reading-settings';
import { useWritingMode } from './vertical';
import { useReadingAids } from './reading-aids';
import { ReaderOverlays } from './reader-overlays';
import { useContents } from './use-contents';
import { useTextLayout } from './use-text-layout';
import { useArticleDetails } from '../ui/article-details';
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

  useShowAnchor(scrollRef, handle, anchorRef);

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

  const toc = useContents(article?.blocks, shown?.blocks, { handleRef, scrollRef, anchorRef }, readerAt, () =>
    position.save(),
  );
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

  useReaderKeys({
    scrollRef,
    handleRef,
    offered,
    target: text.target,
    paired,
    switchScript: (script, options) => void switchScript(script, options),
    hasSelection: ann.selection !== null,
    hasTools: ann.active !== null,
    canUndo: annotations.canUndo,
    undo: () => void store.undo(),
    highlight,
    clearSelection: ann.dropSelection,
    closeTools: () => ann.setActive(null),
    togglePanel: () => setPanelOpen((open) => !open),
    hasContents: entries.length > 0,
    contentsOpen: contents !== null,
    toggleContents,
    closeContents: toc.close,
    openLink,
    toggleParallel,
    toggleWordChanges: () => setMarkWords((on) => !on),
    back,
    openFind: find.openFind,
    focusMode: focusMode.focus,
    toggleFocus: focusMode.toggleFocus,
    toggleFullScreen: focusMode.toggleFullScreen,
    fontSize: setFontSize,
    correct: canCorrect ? correct : undefined,
    aids: aids.keys,
  });

  const closePanel = useCallback(() => setPanelOpen(false), []);
  const { panel: noteActions, margin: marginActions } = useNoteActions(store, ann.goTo, closePanel);

  // Details edited here show at once, over the article as it was loaded.
  const details = useArticleDetails();
  const about = details.merge(article);
  // The title in the script on screen, when it is one of the article's blocks.
  const titleBlock = about ? about.blocks.findIndex((b) => b.text === about.title) : -1;
  const shownTitle = (titleBlock >= 0 ? shown?.blocks[titleBlock]?.text : undefined) ?? about?.title;
  const meta = about && [about.source, about.author && t('reader.by', { author: about.author }), about.publishedAt];

  return (
    <div className="reader" data-testid="reader">
      <ReaderToolbar
        replaceInput={replaceInput}
        state={{
          title: shownTitle,
          offered,
          script: shown?.script,
          converting: text.converting !== null,
          paired,
          markWords,
          panelOpen,
          hasContents: entries.length > 0,
          contentsOpen: contents !== null,
          highlightCount: annotations.highlights.length,
          settings,
        }}
        actions={{
          back,
          chooseScript: (script: DisplayScript) => {
            if (script === 'original') setPaired(false);
            void switchScript(script, { firstScreen: !paired || script === 'original' });
          },
          toggleParallel,
          toggleWordChanges: () => setMarkWords((on) => !on),
          togglePanel: () => setPanelOpen((open) => !open),
          toggleContents,
          exportNotes: () => setExporting(true),
          replaceText: (file) => void replacing.replace(file),
          editDetails: () => about && details.open(about),
          fontSize: setFontSize,
          settings: onSettings,
        }}
      >
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
      </ReaderToolbar>
      {find.element}
      {aids.bar}
      {error && <ErrorBanner error={error} onDismiss={onBack} />}
      <div className="reader-body">
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
              </div>
            )}
            {previewing && <TextPreview window={preview} imageBase={imageBase} scrollRef={scrollRef} />}
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
      </div>
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
        closeTools={() => ann.setActive(null)}
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
