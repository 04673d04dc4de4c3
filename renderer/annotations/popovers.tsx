import { useEffect, useRef } from 'react';
import { HIGHLIGHT_COLORS, type Highlight, type HighlightColor } from '../../preload/contract/types';
import { useI18n } from '../i18n';

/** Where a floating toolbar goes: the viewport rectangle of what it belongs to. */
export interface Anchor {
  top: number;
  left: number;
  bottom: number;
}

/** A quote cut short for a label. */
export const short = (text: string, max = 24) => (text.length > max ? `${text.slice(0, max)}…` : text);

function place(anchor: Anchor): React.CSSProperties {
  // Above the selection when there is room, else below it.
  const above = anchor.top > 64;
  return {
    left: Math.max(8, Math.min(anchor.left, window.innerWidth - 320)),
    top: above ? anchor.top - 48 : anchor.bottom + 8,
  };
}

/** The popover over a selection: highlight in one of five colours, or add a note. */
export function SelectionTools({
  anchor,
  onHighlight,
  onNote,
  onCorrect,
}: {
  anchor: Anchor;
  onHighlight(color: HighlightColor): void;
  onNote(): void;
  /** Correct how the selected phrase converts (offered on converted text only). */
  onCorrect?: (() => void) | undefined;
}) {
  const { t } = useI18n();
  return (
    <div
      className="float-tools"
      role="toolbar"
      aria-label={t('hl.selectionTools')}
      style={place(anchor)}
      data-testid="selection-tools"
      // Keep the selection: a mousedown here must not collapse it.
      onMouseDown={(e) => e.preventDefault()}
    >
      {HIGHLIGHT_COLORS.map((color, i) => (
        <button
          key={color}
          type="button"
          className={`swatch-hl hl-swatch-${color}`}
          aria-label={t('hl.highlightIn', { color: t(`hl.color.${color}`), key: i + 1 })}
          title={t('hl.highlightIn', { color: t(`hl.color.${color}`), key: i + 1 })}
          onClick={() => onHighlight(color)}
        />
      ))}
      <button type="button" className="tool" onClick={onNote} title={t('hl.addNote')}>
        {t('hl.addNote')}
      </button>
      {onCorrect && (
        <button type="button" className="tool" onClick={onCorrect} data-testid="correct-button">
          {t('correct.button')}
        </button>
      )}
    </div>
  );
}

/** The popover of a highlight that was clicked: colour, note, copy, delete. */
export function HighlightTools({
  highlight,
  anchor,
  onColor,
  onNote,
  onCopy,
  onDelete,
  onClose,
}: {
  highlight: Highlight;
  anchor: Anchor;
  onColor(color: HighlightColor): void;
  onNote(): void;
  onCopy(): void;
  onDelete(): void;
  onClose(): void;
}) {
  const { t } = useI18n();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus({ preventScroll: true }), [highlight.id]);
  return (
    <div
      className="float-tools"
      role="toolbar"
      aria-label={t('hl.tools')}
      style={place(anchor)}
      data-testid="highlight-tools"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onClose();
        }
      }}
    >
      {HIGHLIGHT_COLORS.map((color, i) => (
        <button
          key={color}
          ref={i === 0 ? first : undefined}
          type="button"
          role="radio"
          aria-checked={highlight.color === color}
          className={`swatch-hl hl-swatch-${color}`}
          aria-label={t('hl.setColor', { color: t(`hl.color.${color}`) })}
          title={t('hl.setColor', { color: t(`hl.color.${color}`) })}
          onClick={() => onColor(color)}
        />
      ))}
      <button type="button" className="tool" onClick={onNote}>
        {t('hl.editNote')}
      </button>
      <button type="button" className="tool" onClick={onCopy}>
        {t('hl.copy')}
      </button>
      <button type="button" className="tool danger" onClick={onDelete}>
        {t('hl.delete')}
      </button>
      <button type="button" className="tool" onClick={onClose} aria-label={t('hl.close')}>
        ×
      </button>
    </div>
  );
}
