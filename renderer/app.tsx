import { useCallback, useEffect, useRef, useState } from 'react';
import { DISPLAY_SCRIPTS, type DisplayScript } from '../preload/contract/scripts';
import type { AppError, AppInfo, ArticleSummary, Settings } from '../preload/contract/types';
import { api, type CallError, unwrap } from './api';
import { I18nProvider, LOCALE_NAMES, resolveLocale, translator, UI_LOCALES, useI18n } from './i18n';
import { useAnnotationImport } from './library/annotation-import';
import { BackupsDialog, DamagedBanner, useLibraryHealth } from './library/backups';
import { CorrectionsButton } from './library/corrections-settings';
import { ImportProgress, ImportReport, PasteDialog } from './library/import-ui';
import { LibraryView } from './library/library-view';
import { VocabularyDialog } from './library/vocabulary';
import { AboutDialog } from './ui/about-dialog';
import { droppedFiles } from './library/dropped-files';
import { useImport } from './library/use-import';
import { ReaderView, type SettingsPatch } from './reader/reader-view';
import { Dialog } from './ui/dialog';
import { BatchEncodingDialog } from './ui/encoding-dialog';
import { ErrorBanner } from './ui/error-banner';
import { ExportDialog } from './ui/export-dialog';
import { ARTICLE_FILES, HiddenFileInput } from './ui/file-input';
import { Notice } from './ui/notice';

const UNDO_MS = 10_000;

interface Boot {
  info: AppInfo;
  settings: Settings;
}

/** Loads what the first screen needs, then renders the app in the right language. */
/**
 * Back from the reader, focus returns to the article's row (once the list has drawn it), else to
 * the library's heading region: never to the page body.
 */
function focusRow(id: number, frames = 30) {
  requestAnimationFrame(() => {
    const open = document.querySelector<HTMLElement>(`[data-article-id="${id}"] .article-open`);
    if (open) return open.focus();
    if (frames > 0) return focusRow(id, frames - 1);
    document.querySelector<HTMLElement>('.library button')?.focus();
  });
}

export function App() {
  const [boot, setBoot] = useState<Boot | null>(null);
  const [fatal, setFatal] = useState<AppError | null>(null);
  useEffect(() => {
    void Promise.all([api().getAppInfo(), api().getSettings()]).then(([info, settings]) => {
      try {
        setBoot({ info: unwrap(info), settings: unwrap(settings) });
      } catch (e) {
        setFatal((e as CallError).error);
      }
    });
  }, []);
  const locale = resolveLocale(boot?.settings.locale ?? 'system', boot?.info.systemLocale ?? navigator.language);
  useEffect(() => {
    document.documentElement.lang = locale;
    // The window's title (Electron follows the document's) is in the interface's language too.
    document.title = translator(locale)('app.windowTitle');
  }, [locale]);
  if (fatal) return <pre role="alert">{fatal.detail}</pre>;
  if (!boot) return null;
  return (
    <I18nProvider locale={locale}>
      <Shell boot={boot} onSettings={(update) => setBoot((b) => (b ? { ...b, settings: update(b.settings) } : b))} />
    </I18nProvider>
  );
}

type View = { name: 'library' } | { name: 'reader'; id: number };

/** Articles asked for first on opening, newest first: more than a screen holds. */
const FIRST_PAGE = 40;

function Shell({ boot, onSettings }: { boot: Boot; onSettings(update: (s: Settings) => Settings): void }) {
  const { t } = useI18n();
  const { settings, info } = boot;
  const [view, setView] = useState<View>({ name: 'library' });
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null);
  // Until the whole list is here, `articles` is its first page only (newest first).
  const [listed, setListed] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [confirming, setConfirming] = useState<ArticleSummary | null>(null);
  const [undo, setUndo] = useState<ArticleSummary | null>(null);
  const [exporting, setExporting] = useState(false);
  const [backups, setBackups] = useState(false);
  const [aside, setAside] = useState<'vocabulary' | 'about' | null>(null);
  const health = useLibraryHealth();
  const [notice, setNotice] = useState<string | null>(null);
  const showNotice = useCallback((message: string) => {
    setNotice(message);
    window.setTimeout(() => setNotice(null), 10000);
  }, []);
  const notesImport = useAnnotationImport(showNotice, showNotice);
  const [pasting, setPasting] = useState(false);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const undoTimer = useRef<number | undefined>(undefined);
  const imports = useImport();

  const refresh = useCallback(
    () =>
      api()
        .listArticles()
        .then((result) => {
          if (!result.ok) return setError(result.error);
          setArticles(result.value);
          setListed(true);
        }),
    [],
  );

  // The list comes from main, on opening and whenever main says it changed. On opening, one page
  // first: a big library's first screen does not wait for all its summaries.
  useEffect(() => {
    void api()
      .listArticles({ limit: FIRST_PAGE })
      .then((page) => {
        if (page.ok) setArticles((now) => now ?? page.value);
      })
      .then(refresh);
    return api().on('libraryChanged', () => void refresh());
  }, [refresh]);

  useEffect(() => {
    document.documentElement.dataset.theme = settings.theme;
    document.documentElement.style.setProperty('--reader-font-size', `${settings.fontSize}px`);
  }, [settings.theme, settings.fontSize]);

  // Settings change on screen at once, so a second click builds on the first
  // (two quick "larger text" clicks are two steps, not one). Main answers each
  // patch with the whole settings; only the answer to the latest patch is
  // taken, and a refused patch puts back what main holds.
  const settingsCall = useRef(0);
  const latestSettings = useRef(settings);
  useEffect(() => {
    latestSettings.current = settings;
  }, [settings]);
  const updateSettings = useCallback(
    async (change: SettingsPatch) => {
      const patch = typeof change === 'function' ? change(latestSettings.current) : change;
      if (Object.entries(patch).every(([key, value]) => latestSettings.current[key as keyof Settings] === value))
        return;
      const call = ++settingsCall.current;
      latestSettings.current = { ...latestSettings.current, ...patch };
      onSettings((s) => ({ ...s, ...patch }));
      const result = await api().updateSettings(patch);
      if (!result.ok) {
        setError(result.error);
        const stored = await api().getSettings();
        if (stored.ok && call === settingsCall.current) onSettings(() => stored.value);
      } else if (call === settingsCall.current) onSettings(() => result.value);
    },
    [onSettings],
  );

  const confirmDelete = async (article: ArticleSummary) => {
    setConfirming(null);
    const result = await api().deleteArticle(article.id);
    if (!result.ok) return setError(result.error);
    window.clearTimeout(undoTimer.current);
    setUndo(article);
    undoTimer.current = window.setTimeout(() => setUndo(null), UNDO_MS);
  };

  const undoDelete = useCallback(async () => {
    if (!undo) return;
    window.clearTimeout(undoTimer.current);
    setUndo(null);
    const result = await api().restoreArticle(undo.id);
    if (!result.ok) setError(result.error);
  }, [undo]);

  // Ctrl/Cmd+Z undoes a delete while its notice is up.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (undo && (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        void undoDelete();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, undoDelete]);

  // Files dropped anywhere on the window are imported; nothing navigates away.
  useEffect(() => {
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      e.preventDefault();
      setDragging(false);
      // Folders too: a saved page's images come in its `_files` folder.
      void droppedFiles(e.dataTransfer).then((files) => {
        if (files.length === 0) return;
        setView({ name: 'library' });
        void imports.importFiles(files);
      });
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [imports]);

  const startImport = () => {
    if (imports.busy) return;
    if (info.nativeDialogs) void imports.importFromDialog();
    else fileInput.current?.click();
  };

  return (
    <div className="app" data-view={view.name}>
      {view.name === 'reader' ? (
        <ReaderView
          key={view.id}
          articleId={view.id}
          settings={settings}
          onSettings={(patch) => void updateSettings(patch)}
          onBack={() => {
            setView({ name: 'library' });
            void refresh();
            focusRow(view.id);
          }}
        />
      ) : (
        <main className="library" aria-labelledby="library-heading">
          <header className="library-header">
            <h1 id="library-heading">
              <span className="brand">{t('app.name')}</span> <span className="muted">{t('library.title')}</span>
            </h1>
            <div className="header-actions">
              {/* aria-disabled, not disabled: a disabled button drops focus, and the encoding dialog
                  and the end of the import should give it back here. */}
              <button type="button" className="button primary" onClick={startImport} aria-disabled={imports.busy}>
                {t('import.button')}
              </button>
              <button type="button" className="button" onClick={() => setPasting(true)}>
                {t('import.paste')}
              </button>
              <button type="button" className="button" onClick={() => setExporting(true)}>
                {t('export.button')}
              </button>
              <button type="button" className="button" onClick={notesImport.open}>
                {t('importNotes.button')}
              </button>
              {notesImport.element}
              <button type="button" className="button" onClick={() => setBackups(true)}>
                {t('backups.button')}
              </button>
              <CorrectionsButton />
              <button type="button" className="button" onClick={() => setAside('vocabulary')}>
                {t('vocab.button')}
              </button>
              <button type="button" className="button" onClick={() => setAside('about')}>
                {t('about.button')}
              </button>
              {aside === 'about' && <AboutDialog info={info} onClose={() => setAside(null)} />}
              {aside === 'vocabulary' && (
                <VocabularyDialog
                  onClose={() => setAside(null)}
                  onDone={(message) => {
                    setAside(null);
                    showNotice(message);
                  }}
                />
              )}
              <label className="sort">
                <span className="muted">{t('settings.defaultScript')}</span>
                <select
                  aria-label={t('settings.defaultScript')}
                  value={settings.defaultScript}
                  onChange={(e) => void updateSettings({ defaultScript: e.target.value as DisplayScript })}
                >
                  {DISPLAY_SCRIPTS.map((d) => (
                    <option key={d} value={d}>
                      {t(`display.${d}.long`)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="sort">
                <span className="muted">{t('settings.epubSplit')}</span>
                <select
                  aria-label={t('settings.epubSplit')}
                  value={settings.epubSplit}
                  onChange={(e) => void updateSettings({ epubSplit: e.target.value as Settings['epubSplit'] })}
                >
                  <option value="book">{t('settings.epubSplit.book')}</option>
                  <option value="chapters">{t('settings.epubSplit.chapters')}</option>
                </select>
              </label>
              <label className="sort">
                <span className="sr-only">{t('settings.language')}</span>
                <select
                  aria-label={t('settings.language')}
                  value={settings.locale}
                  onChange={(e) => void updateSettings({ locale: e.target.value as Settings['locale'] })}
                >
                  <option value="system">{t('settings.language.system')}</option>
                  {UI_LOCALES.map((l) => (
                    <option key={l} value={l}>
                      {LOCALE_NAMES[l]}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <HiddenFileInput
              inputRef={fileInput}
              accept={ARTICLE_FILES}
              multiple
              label={t('import.fileInput')}
              testId="file-input"
              onFiles={(files) => void imports.importFiles(files)}
            />
          </header>
          {health?.status === 'damaged' && (
            <DamagedBanner onExport={() => setExporting(true)} onBackups={() => setBackups(true)} />
          )}
          {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
          {imports.progress && (
            <ImportProgress progress={imports.progress} cancelling={imports.cancelling} onCancel={imports.cancel} />
          )}
          {imports.report.length > 0 && <ImportReport lines={imports.report} onDismiss={imports.clearReport} />}
          {articles && (
            <LibraryView
              articles={articles}
              complete={listed || articles.length < FIRST_PAGE}
              onOpen={(id) => setView({ name: 'reader', id })}
              onDelete={setConfirming}
            />
          )}
        </main>
      )}
      {exporting && (
        <ExportDialog
          onClose={() => setExporting(false)}
          onDone={(message) => {
            setExporting(false);
            showNotice(message);
          }}
        />
      )}
      {backups && <BackupsDialog nativeDialogs={info.nativeDialogs} onClose={() => setBackups(false)} />}
      {notice && <Notice message={notice} onClose={() => setNotice(null)} />}
      {undo && (
        <div className="toast" role="status" aria-live="polite">
          <span>{t('delete.done', { title: undo.title })}</span>
          <button type="button" className="button" onClick={() => void undoDelete()}>
            {t('delete.undo')}
          </button>
        </div>
      )}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          {t('import.drop')}
        </div>
      )}
      {confirming && (
        <Dialog
          title={t('delete.confirmTitle')}
          onClose={() => setConfirming(null)}
          testId="delete-dialog"
          actions={
            <>
              <button type="button" className="button" onClick={() => setConfirming(null)} autoFocus>
                {t('delete.cancel')}
              </button>
              <button type="button" className="button danger" onClick={() => void confirmDelete(confirming)}>
                {t('delete.confirm')}
              </button>
            </>
          }
        >
          <p>{t('delete.confirmBody', { title: confirming.title })}</p>
        </Dialog>
      )}
      {pasting && (
        <PasteDialog
          onClose={() => setPasting(false)}
          onImport={(text, title) => {
            setPasting(false);
            void imports.importText(text, title);
          }}
        />
      )}
      {imports.askingEncoding.length > 0 && (
        <BatchEncodingDialog asks={imports.askingEncoding} onDone={imports.chooseEncodings} />
      )}
    </div>
  );
}
