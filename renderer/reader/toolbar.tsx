import { type ReactNode, type RefObject } from 'react';
import type { DisplayScript } from '../../preload/contract/scripts';
import { FONT_SIZE_MAX, FONT_SIZE_MIN, type Settings, type Theme } from '../../preload/contract/types';
import { useI18n } from '../i18n';
import { ARTICLE_FILES, HiddenFileInput } from '../ui/file-input';
import { forDisplay } from '../../preload/contract/display';

const THEMES: readonly Theme[] = ['light', 'sepia', 'dark'];

/** What the toolbar shows. */
export interface ToolbarState {
  title: string | undefined;
  offered: readonly DisplayScript[];
  /** The script on screen. */
  script: DisplayScript | undefined;
  converting: boolean;
  paired: boolean;
  markWords: boolean;
  panelOpen: boolean;
  /** The article has headings: the contents button shows. */
  hasContents: boolean;
  contentsOpen: boolean;
  highlightCount: number;
  settings: Settings;
}

/** What the toolbar reports. */
export interface ToolbarActions {
  back(): void;
  chooseScript(script: DisplayScript): void;
  toggleParallel(): void;
  toggleWordChanges(): void;
  togglePanel(): void;
  toggleContents(): void;
  exportNotes(): void;
  replaceText(file: File): void;
  /** Opens "Edit details…" (title, author, source, date). */
  editDetails(): void;
  fontSize(delta: 1 | -1): void;
  settings(patch: Partial<Settings>): void;
}

/** The reader's toolbar: back, scripts, side by side, marks, contents, notes, export, replace text, size, theme. */
export function ReaderToolbar({
  state,
  actions,
  replaceInput,
  children,
}: {
  state: ToolbarState;
  actions: ToolbarActions;
  replaceInput: RefObject<HTMLInputElement | null>;
  /** Controls that live in their own modules (reading settings). */
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const { offered, settings } = state;
  return (
    <header className="toolbar" role="toolbar" aria-label={t('reader.toolbar')}>
      <button
        type="button"
        className="tool"
        onClick={actions.back}
        aria-label={t('reader.back')}
        title={`${t('reader.back')} (Esc)`}
      >
        ← <span className="tool-label">{t('library.title')}</span>
      </button>
      <div className="toolbar-title" aria-hidden="true">
        {state.title === undefined ? undefined : forDisplay(state.title)}
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
              aria-checked={state.script === script}
              className="tool script-option"
              onClick={() => actions.chooseScript(script)}
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
            aria-pressed={state.paired}
            onClick={actions.toggleParallel}
            title={t('parallel.hint')}
            data-testid="parallel-toggle"
          >
            {t('parallel.toggle')}
          </button>
          <button
            type="button"
            className="tool"
            aria-pressed={state.markWords}
            onClick={actions.toggleWordChanges}
            title={t('marks.hint')}
            disabled={state.script === 'original'}
          >
            {t('marks.toggle')}
          </button>
        </div>
      )}
      <span className="sr-only" role="status" aria-live="polite">
        {state.converting ? t('reader.converting') : ''}
      </span>
      <div className="tool-group">
        {state.hasContents && (
          <button
            type="button"
            className="tool"
            aria-pressed={state.contentsOpen}
            onClick={actions.toggleContents}
            title={t('contents.hint')}
            data-testid="contents-toggle"
          >
            {t('contents.toggle')}
          </button>
        )}
        <button
          type="button"
          className="tool"
          aria-pressed={state.panelOpen}
          onClick={actions.togglePanel}
          title={t('notes.toggleHint')}
        >
          {t('notes.toggle')}
          {state.highlightCount > 0 && <span className="count"> {state.highlightCount}</span>}
        </button>
        <button type="button" className="tool" onClick={actions.exportNotes} data-testid="export-button">
          {t('export.button')}
        </button>
        <button type="button" className="tool" onClick={actions.editDetails} title={t('details.button')}>
          {t('reader.details')}
        </button>
        <button type="button" className="tool" onClick={() => replaceInput.current?.click()} title={t('replace.hint')}>
          {t('replace.button')}
        </button>
        <HiddenFileInput
          inputRef={replaceInput}
          accept={ARTICLE_FILES}
          label={t('replace.hint')}
          testId="replace-input"
          onFiles={([file]) => {
            if (file) actions.replaceText(file);
          }}
        />
      </div>
      <div className="tool-group">
        <button
          type="button"
          className="tool"
          onClick={() => actions.fontSize(-1)}
          aria-label={t('reader.smaller')}
          title={`${t('reader.smaller')} (-)`}
          disabled={settings.fontSize <= FONT_SIZE_MIN}
        >
          A−
        </button>
        <button
          type="button"
          className="tool"
          onClick={() => actions.fontSize(1)}
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
            onClick={() => actions.settings({ theme })}
            aria-label={t(`reader.theme.${theme}`)}
            title={t(`reader.theme.${theme}`)}
          />
        ))}
      </div>
      {children}
    </header>
  );
}
