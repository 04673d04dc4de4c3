import type { DisplayScript } from '../../preload/contract/scripts';
import { FONT_SIZE_MAX, FONT_SIZE_MIN, type Settings, type Theme } from '../../preload/contract/types';
import { type Translate, useI18n } from '../i18n';
import type { ToolbarGroup } from './toolbar';

const THEMES: readonly Theme[] = ['light', 'sepia', 'dark'];

/** What the reader's own toolbar groups show. */
export interface ToolbarState {
  offered: readonly DisplayScript[];
  /** The script on screen. */
  script: DisplayScript | undefined;
  paired: boolean;
  markWords: boolean;
  panelOpen: boolean;
  /** The article has headings: the contents button shows. */
  hasContents: boolean;
  contentsOpen: boolean;
  highlightCount: number;
  settings: Settings;
}

/** What the reader's own toolbar groups report. */
export interface ToolbarActions {
  chooseScript(script: DisplayScript): void;
  toggleParallel(): void;
  toggleWordChanges(): void;
  togglePanel(): void;
  toggleContents(): void;
  exportNotes(): void;
  /** Opens the file picker of "Update text…". */
  replaceText(): void;
  /** Opens "Edit details…" (title, author, source, date). */
  editDetails(): void;
  fontSize(delta: 1 | -1): void;
  settings(patch: Partial<Settings>): void;
  /** Opens the keyboard shortcuts sheet. */
  shortcuts(): void;
}

/**
 * The reader's toolbar groups, in bar order, with their folding priority (the lowest folds into
 * the More menu first). Another feature's group is one more entry in the list reader-view gives
 * the toolbar (a hook: the actions may read refs when they run).
 */
export function useReaderToolbarGroups(s: ToolbarState, a: ToolbarActions): ToolbarGroup[] {
  const { t } = useI18n();
  const groups: (ToolbarGroup | false)[] = [
    s.offered.length > 1 && { id: 'script', label: t('reader.script'), priority: 60, content: scripts(t, s, a) },
    s.offered.length > 1 && { id: 'compare', label: t('toolbar.compare'), priority: 50, content: compare(t, s, a) },
    { id: 'panels', label: t('toolbar.panels'), priority: 40, content: panels(t, s, a) },
    { id: 'size', label: t('toolbar.size'), priority: 30, content: size(t, s, a) },
    { id: 'theme', label: t('reader.theme'), priority: 30, content: themes(t, s, a) },
    { id: 'article', label: t('toolbar.article'), priority: 10, content: article(t, a) },
  ];
  return groups.filter((g): g is ToolbarGroup => g !== false);
}

function scripts(t: Translate, s: ToolbarState, a: ToolbarActions) {
  return (
    <div className="script-switch" role="radiogroup" aria-label={t('reader.script')} title={t('reader.scriptHint')}>
      {s.offered.map((script) => (
        <button
          key={script}
          type="button"
          role="radio"
          aria-checked={s.script === script}
          className="tool script-option"
          onClick={() => a.chooseScript(script)}
          aria-label={t(`display.${script}.long`)}
          title={`${t(`display.${script}.long`)} — ${t('reader.scriptHint')}`}
          data-script={script}
        >
          {t(`display.${script}`)}
        </button>
      ))}
    </div>
  );
}

function compare(t: Translate, s: ToolbarState, a: ToolbarActions) {
  return (
    <>
      <button
        type="button"
        className="tool"
        aria-pressed={s.paired}
        onClick={a.toggleParallel}
        title={t('parallel.hint')}
        data-testid="parallel-toggle"
      >
        {t('parallel.toggle')}
      </button>
      <button
        type="button"
        className="tool"
        aria-pressed={s.markWords}
        onClick={a.toggleWordChanges}
        title={t('marks.hint')}
        disabled={s.script === 'original'}
        data-testid="marks-toggle"
      >
        {t('marks.toggle')}
      </button>
    </>
  );
}

function panels(t: Translate, s: ToolbarState, a: ToolbarActions) {
  return (
    <>
      {s.hasContents && (
        <button
          type="button"
          className="tool"
          aria-pressed={s.contentsOpen}
          onClick={a.toggleContents}
          title={t('contents.hint')}
          data-testid="contents-toggle"
        >
          {t('contents.toggle')}
        </button>
      )}
      <button
        type="button"
        className="tool"
        aria-pressed={s.panelOpen}
        onClick={a.togglePanel}
        title={t('notes.toggleHint')}
        data-testid="notes-toggle"
      >
        {t('notes.toggle')}
        {s.highlightCount > 0 && <span className="count"> {s.highlightCount}</span>}
      </button>
    </>
  );
}

function size(t: Translate, s: ToolbarState, a: ToolbarActions) {
  // The visible "A−" is part of the name (label-content-name-mismatch); the words say what it does.
  return (
    <>
      <button
        type="button"
        className="tool"
        onClick={() => a.fontSize(-1)}
        title={`${t('reader.smaller')} (-)`}
        disabled={s.settings.fontSize <= FONT_SIZE_MIN}
        data-testid="font-smaller"
      >
        A−<span className="sr-only"> {t('reader.smaller')}</span>
      </button>
      <button
        type="button"
        className="tool"
        onClick={() => a.fontSize(1)}
        title={`${t('reader.larger')} (+)`}
        disabled={s.settings.fontSize >= FONT_SIZE_MAX}
        data-testid="font-larger"
      >
        A+<span className="sr-only"> {t('reader.larger')}</span>
      </button>
    </>
  );
}

function themes(t: Translate, s: ToolbarState, a: ToolbarActions) {
  return (
    <div className="theme-switch" role="radiogroup" aria-label={t('reader.theme')}>
      {THEMES.map((theme) => (
        <button
          key={theme}
          type="button"
          role="radio"
          aria-checked={s.settings.theme === theme}
          className={`tool swatch swatch-${theme}`}
          onClick={() => a.settings({ theme })}
          aria-label={t(`reader.theme.${theme}`)}
          title={t(`reader.theme.${theme}`)}
        />
      ))}
    </div>
  );
}

function article(t: Translate, a: ToolbarActions) {
  return (
    <>
      <button type="button" className="tool" onClick={a.exportNotes} data-testid="export-button">
        {t('export.button')}
      </button>
      <button type="button" className="tool" onClick={a.editDetails} title={t('details.button')}>
        {t('reader.details')}
      </button>
      <button type="button" className="tool" onClick={a.replaceText} title={t('replace.hint')}>
        {t('replace.button')}
      </button>
      <button
        type="button"
        className="tool"
        onClick={a.shortcuts}
        title={t('shortcuts.hint')}
        data-testid="shortcuts-button"
      >
        {t('shortcuts.button')}
      </button>
    </>
  );
}
