import { useEffect, useId, useRef, useState } from 'react';
import { FONT_FAMILIES, READING_LIMITS, type WritingMode } from '../../preload/contract/reading-settings';
import type { Settings } from '../../preload/contract/types';
import { useI18n } from '../i18n';
import './reading.css';

/**
 * The reading settings (issue 14): font family, line spacing, line length, paragraph spacing and
 * indent, a custom theme's colours, the writing mode, full screen and focus mode. Applied as CSS
 * variables on the document (reading.css reads them), remembered with the other settings.
 */
export function useReadingStyle(settings: Settings) {
  const { fontFamily, lineHeight, lineLength, paragraphSpacing, indent, theme, customBackground, customText } =
    settings;
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.font = fontFamily;
    root.style.setProperty('--reader-line-height', String(lineHeight));
    root.style.setProperty('--reader-measure', `${lineLength}em`);
    root.style.setProperty('--reader-paragraph-space', `${paragraphSpacing}em`);
    root.style.setProperty('--reader-indent', `${indent}em`);
    root.style.setProperty('--custom-bg', customBackground);
    root.style.setProperty('--custom-text', customText);
    return () => {
      delete root.dataset.font;
      for (const name of ['line-height', 'measure', 'paragraph-space', 'indent']) {
        root.style.removeProperty(`--reader-${name}`);
      }
    };
  }, [fontFamily, lineHeight, lineLength, paragraphSpacing, indent, theme, customBackground, customText]);
}

/** What the panel changes beside the settings: this article's writing mode, full screen, focus mode. */
export interface ReadingActions {
  settings(patch: Partial<Settings>): void;
  /** This article's writing mode (null: follow the default). */
  articleWriting: WritingMode | null;
  writing: WritingMode;
  chooseWriting(mode: WritingMode | null): void;
  fullScreen: boolean;
  toggleFullScreen(): void;
  toggleFocus(): void;
}

type NumberKey = keyof typeof READING_LIMITS;
const STEPS: Record<NumberKey, number> = { lineHeight: 0.1, lineLength: 2, paragraphSpacing: 0.1, indent: 1 };
const SLIDERS: readonly NumberKey[] = ['lineHeight', 'lineLength', 'paragraphSpacing', 'indent'];

/** The "Aa" button of the toolbar and the panel it opens. */
export function ReadingSettingsButton({ settings, actions }: { settings: Settings; actions: ReadingActions }) {
  const { t } = useI18n();
  /** Where the open panel's top is (below the button, wherever the toolbar wrapped it); null: closed. */
  const [top, setTop] = useState<number | null>(null);
  const open = top !== null;
  const panel = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();

  // Closes on Escape or a click elsewhere; the focus goes back to the button.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopImmediatePropagation();
      setTop(null);
      button.current?.focus();
    };
    const onDown = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setTop(null);
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('pointerdown', onDown, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('pointerdown', onDown, true);
    };
  }, [open]);
  useEffect(() => {
    if (open) panel.current?.querySelector<HTMLElement>('input, button')?.focus();
  }, [open]);

  const format = (key: NumberKey, value: number) =>
    key === 'lineHeight' ? value.toFixed(1) : t('reading.em', { n: Number(value.toFixed(1)) });
  return (
    <div className="reading-settings">
      <button
        ref={button}
        type="button"
        className="tool"
        aria-expanded={open}
        aria-controls={id}
        onClick={(e) => {
          const bottom = e.currentTarget.getBoundingClientRect().bottom;
          setTop((now) => (now === null ? bottom + 6 : null));
        }}
        title={t('reading.button')}
        aria-label={t('reading.button')}
        data-testid="reading-settings"
      >
        Aa
      </button>
      {open && (
        <div
          className="reading-panel"
          id={id}
          ref={panel}
          role="group"
          aria-label={t('reading.button')}
          style={{ top }}
        >
          <fieldset className="reading-row">
            <legend>{t('reading.font')}</legend>
            {FONT_FAMILIES.map((family) => (
              <label key={family} className="reading-choice">
                <input
                  type="radio"
                  name={`${id}-font`}
                  checked={settings.fontFamily === family}
                  onChange={() => actions.settings({ fontFamily: family })}
                />
                <span data-font-sample={family}>{t(`reading.font.${family}`)}</span>
              </label>
            ))}
          </fieldset>
          {SLIDERS.map((key) => (
            <label key={key} className="reading-row reading-slider">
              <span>{t(`reading.${key}`)}</span>
              <input
                type="range"
                min={READING_LIMITS[key].min}
                max={READING_LIMITS[key].max}
                step={STEPS[key]}
                value={settings[key]}
                data-testid={`reading-${key}`}
                onChange={(e) => actions.settings({ [key]: Number(e.target.value) })}
              />
              <output>{format(key, settings[key])}</output>
            </label>
          ))}
          <fieldset className="reading-row">
            <legend>{t('reading.custom')}</legend>
            <label className="reading-choice">
              <input
                type="radio"
                name={`${id}-theme`}
                checked={settings.theme === 'custom'}
                onChange={() => actions.settings({ theme: 'custom' })}
              />
              <span>{t('reader.theme.custom')}</span>
            </label>
            <label className="reading-choice">
              <span>{t('reading.background')}</span>
              <input
                type="color"
                value={settings.customBackground}
                onChange={(e) => actions.settings({ customBackground: e.target.value, theme: 'custom' })}
              />
            </label>
            <label className="reading-choice">
              <span>{t('reading.textColor')}</span>
              <input
                type="color"
                value={settings.customText}
                onChange={(e) => actions.settings({ customText: e.target.value, theme: 'custom' })}
              />
            </label>
          </fieldset>
          <fieldset className="reading-row">
            <legend>{t('reading.writing')}</legend>
            <label className="reading-choice">
              <input
                type="checkbox"
                checked={actions.writing === 'vertical'}
                data-testid="vertical-article"
                onChange={(e) => actions.chooseWriting(e.target.checked ? 'vertical' : 'horizontal')}
              />
              <span>{t('reading.verticalArticle')}</span>
            </label>
            <label className="reading-choice">
              <input
                type="checkbox"
                checked={settings.writingMode === 'vertical'}
                onChange={(e) => {
                  actions.settings({ writingMode: e.target.checked ? 'vertical' : 'horizontal' });
                  // The new default is this article's too, unless it keeps its own choice.
                  actions.chooseWriting(null);
                }}
              />
              <span>{t('reading.verticalDefault')}</span>
            </label>
          </fieldset>
          <div className="reading-row reading-buttons">
            <button type="button" className="tool" aria-pressed={actions.fullScreen} onClick={actions.toggleFullScreen}>
              {t('reading.fullScreen')} (F11)
            </button>
            <button
              type="button"
              className="tool"
              onClick={() => {
                setTop(null);
                actions.toggleFocus();
              }}
            >
              {t('reading.focus')} (F)
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
