import { useState } from 'react';
import { HIGHLIGHT_COLORS, type Highlight } from '../../preload/contract/types';
import { useI18n } from '../i18n';
import type { AnnotationSnapshot } from './annotation-store';
import { type NoteActions, NoteEditor } from './note-editor';
import { short } from './popovers';

/** What the panel reports besides notes: the filter, going to a highlight, deleting one, closing. */
export interface NotesPanelActions extends NoteActions {
  onColors(colors: Highlight['color'][]): void;
  onQuery(query: string): void;
  onGo(h: Highlight): void;
  onDelete(h: Highlight): void;
  onClose(): void;
}

/**
 * The side panel: every highlight and note in reading order, filtered by colour and searched in
 * any script. The store filters and searches; the panel draws its snapshot.
 */
export function NotesPanel({
  annotations,
  quoteOf,
  focusId,
  actions,
}: {
  annotations: AnnotationSnapshot;
  /** The quote as shown in the current script (the stored quote for orphaned highlights). */
  quoteOf(h: Highlight): string;
  focusId: string | null;
  actions: NotesPanelActions;
}) {
  const { t } = useI18n();
  const { highlights, visible, filter, notes } = annotations;
  const color = filter.colors.length === 1 ? filter.colors[0] : 'all';
  const placed = visible.filter((h) => !h.orphaned);
  const orphaned = visible.filter((h) => h.orphaned);
  /** The highlight whose empty note is being written: an empty note shows a box only then. */
  const [writing, setWriting] = useState<string | null>(null);

  const item = (h: Highlight) => (
    <li key={h.id} className={`panel-item hl-border-${h.color}`} data-testid="panel-item">
      <button
        type="button"
        className="panel-quote"
        disabled={h.orphaned}
        onClick={() => actions.onGo(h)}
        aria-label={t('notes.goTo', { quote: short(quoteOf(h)) })}
      >
        <span className={`dot hl-swatch-${h.color}`} aria-hidden="true" />
        {quoteOf(h)}
      </button>
      {h.note !== '' || focusId === h.id || writing === h.id || notes.get(h.id) === 'failed' ? (
        <NoteEditor
          highlight={h}
          label={t('hl.note', { quote: short(quoteOf(h)) })}
          autoFocus={focusId === h.id || writing === h.id}
          state={notes.get(h.id) ?? 'saved'}
          actions={actions}
          onBlur={() => setWriting((now) => (now === h.id ? null : now))}
        />
      ) : (
        <button
          type="button"
          className="link add-note"
          onClick={() => setWriting(h.id)}
          aria-label={`${t('notes.addNote')}: ${short(quoteOf(h))}`}
        >
          {t('notes.addNote')}
        </button>
      )}
      <button type="button" className="icon-button" onClick={() => actions.onDelete(h)} aria-label={t('hl.delete')}>
        ×
      </button>
    </li>
  );

  return (
    <aside
      className="notes-panel"
      aria-label={t('notes.title')}
      data-testid="notes-panel"
      onKeyDown={(e) => {
        // Esc on anything in the panel closes the panel, not the reader (a note's field blurs first).
        if (e.key !== 'Escape' || e.defaultPrevented) return;
        e.preventDefault();
        e.stopPropagation();
        actions.onClose();
      }}
    >
      <header className="panel-header">
        <h2>{t('notes.title')}</h2>
        <button type="button" className="icon-button" onClick={actions.onClose} aria-label={t('hl.close')}>
          ×
        </button>
      </header>
      <div className="panel-controls">
        <input
          type="search"
          value={filter.query}
          onChange={(e) => actions.onQuery(e.target.value)}
          aria-label={t('notes.search')}
          placeholder={t('notes.search')}
          onKeyDown={(e) => {
            // Typing here is a search, not reader keys; Esc clears it, then closes the panel.
            e.stopPropagation();
            if (e.key !== 'Escape') return;
            e.preventDefault();
            if (filter.query !== '') actions.onQuery('');
            else actions.onClose();
          }}
        />
        <div role="radiogroup" aria-label={t('notes.filter')} className="color-filter">
          <button
            type="button"
            role="radio"
            aria-checked={color === 'all'}
            className="tool"
            onClick={() => actions.onColors([])}
          >
            {t('notes.allColors')}
          </button>
          {HIGHLIGHT_COLORS.map((c) => (
            <button
              key={c}
              type="button"
              role="radio"
              aria-checked={color === c}
              className={`swatch-hl hl-swatch-${c}`}
              aria-label={t(`hl.color.${c}`)}
              title={t(`hl.color.${c}`)}
              onClick={() => actions.onColors([c])}
            />
          ))}
        </div>
        <p className="muted" data-testid="panel-count">
          {visible.length === highlights.length
            ? t('notes.count', { count: highlights.length })
            : t('notes.countFiltered', { shown: visible.length, count: highlights.length })}
        </p>
      </div>
      {highlights.length === 0 ? (
        <p className="muted panel-empty">{t('notes.empty')}</p>
      ) : placed.length + orphaned.length === 0 ? (
        <p className="muted panel-empty">{t('notes.noMatch')}</p>
      ) : null}
      <ol className="panel-list">{placed.map(item)}</ol>
      {orphaned.length > 0 && (
        <section className="orphaned" aria-label={t('notes.orphaned')}>
          <h3>{t('notes.orphaned')}</h3>
          <p className="muted">{t('notes.orphanedHint')}</p>
          <ol className="panel-list">{orphaned.map(item)}</ol>
        </section>
      )}
    </aside>
  );
}
