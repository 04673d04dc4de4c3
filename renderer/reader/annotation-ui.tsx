import { useEffect, useMemo, useRef, useState } from 'react';
import { HIGHLIGHT_COLORS, type Highlight, type HighlightColor } from '../../preload/contract/types';
import { api } from '../api';
import { useI18n } from '../i18n';

/** Where a floating toolbar goes: the viewport rectangle of what it belongs to. */
export interface Anchor {
  top: number;
  left: number;
  bottom: number;
}

const short = (text: string, max = 24) => (text.length > max ? `${text.slice(0, max)}…` : text);

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
}: {
  anchor: Anchor;
  onHighlight(color: HighlightColor): void;
  onNote(): void;
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

/** How long typing rests before a note is saved: well under the second the brief allows to lose. */
export const NOTE_SAVE_MS = 300;

/**
 * A note being edited in place. Saves while typing (debounced), and at once on blur or when it
 * goes away, so at most the last few hundred milliseconds of typing are ever only in memory.
 */
export function NoteEditor({
  highlight,
  label,
  autoFocus,
  onSave,
  onFocus,
  onBlur,
}: {
  highlight: Highlight;
  label: string;
  autoFocus?: boolean;
  onSave(id: string, note: string): void;
  onFocus?(): void;
  onBlur?(): void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(highlight.note);
  const saved = useRef(highlight.note);
  const timer = useRef<number | undefined>(undefined);
  const latest = useRef({ text, id: highlight.id, onSave });
  latest.current = { text, id: highlight.id, onSave };
  const area = useRef<HTMLTextAreaElement>(null);

  const flush = () => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    const { text: now, id, onSave: save } = latest.current;
    if (now !== saved.current) {
      saved.current = now;
      save(id, now);
    }
  };

  // A note changed elsewhere (the panel, undo) shows here unless this one is being typed in.
  useEffect(() => {
    if (document.activeElement !== area.current && highlight.note !== saved.current) {
      saved.current = highlight.note;
      setText(highlight.note);
    }
  }, [highlight.note]);

  useEffect(() => {
    if (autoFocus) area.current?.focus({ preventScroll: true });
  }, [autoFocus]);

  // Leaving (unmount) saves what was typed.
  useEffect(() => () => flush(), []);

  return (
    <textarea
      ref={area}
      className="note-editor"
      aria-label={label}
      placeholder={t('hl.notePlaceholder')}
      value={text}
      rows={Math.min(8, Math.max(2, text.split('\n').length))}
      onChange={(e) => {
        setText(e.target.value);
        window.clearTimeout(timer.current);
        timer.current = window.setTimeout(flush, NOTE_SAVE_MS);
      }}
      onFocus={onFocus}
      onBlur={() => {
        flush();
        onBlur?.();
      }}
      onKeyDown={(e) => {
        // Keys typed here are text, not reader shortcuts; Esc leaves the note.
        e.stopPropagation();
        if (e.key === 'Escape') area.current?.blur();
      }}
      data-testid={`note-${highlight.id}`}
    />
  );
}

/** One margin note, placed level with its highlight. */
export interface PlacedNote {
  highlight: Highlight;
  /** The quote as shown in the current script. */
  quote: string;
  top: number;
}

/**
 * Notes in the margin beside their highlights. `desired` tops come from the highlights; notes that
 * would overlap are pushed down, measured after each render.
 */
export function MarginNotes({
  notes,
  focusId,
  activeId,
  onSave,
  onActive,
}: {
  notes: readonly PlacedNote[];
  focusId: string | null;
  activeId: string | null;
  onSave(id: string, note: string): void;
  onActive(id: string | null): void;
}) {
  const { t } = useI18n();
  const refs = useRef(new Map<string, HTMLDivElement>());
  const [heights, setHeights] = useState<Record<string, number>>({});

  // Measure each note's height after it renders and whenever one resizes (typing adds lines), so
  // that the layout can stack them.
  const [resized, setResized] = useState(0);
  useEffect(() => {
    const observer = new ResizeObserver(() => setResized((n) => n + 1));
    for (const el of refs.current.values()) observer.observe(el);
    return () => observer.disconnect();
  }, [notes]);
  useEffect(() => {
    const next: Record<string, number> = {};
    let changed = false;
    for (const n of notes) {
      const h = refs.current.get(n.highlight.id)?.offsetHeight ?? 0;
      next[n.highlight.id] = h;
      if (heights[n.highlight.id] !== h) changed = true;
    }
    if (changed) setHeights(next);
  }, [notes, heights, resized]);

  const tops = useMemo(() => {
    const out = new Map<string, number>();
    let bottom = -Infinity;
    for (const n of [...notes].sort((a, b) => a.top - b.top)) {
      const top = Math.max(n.top, bottom + 8);
      out.set(n.highlight.id, top);
      bottom = top + (heights[n.highlight.id] ?? 60);
    }
    return out;
  }, [notes, heights]);

  return (
    <aside className="margin-notes" aria-label={t('notes.title')}>
      {notes.map((n) => {
        const top = tops.get(n.highlight.id) ?? n.top;
        return (
          <div
            key={n.highlight.id}
            ref={(el) => {
              if (el) refs.current.set(n.highlight.id, el);
              else refs.current.delete(n.highlight.id);
            }}
            className={`margin-note hl-border-${n.highlight.color}${activeId === n.highlight.id ? ' active' : ''}`}
            style={{ top }}
            data-hl-note={n.highlight.id}
            onMouseEnter={() => onActive(n.highlight.id)}
            onMouseLeave={() => onActive(null)}
          >
            {/* The link to the highlight: a line from the note back to the highlight's level. */}
            {top !== n.top && <span className="note-link" style={{ top: n.top - top }} aria-hidden="true" />}
            <NoteEditor
              highlight={n.highlight}
              label={t('hl.note', { quote: short(n.quote) })}
              autoFocus={focusId === n.highlight.id}
              onSave={onSave}
              onFocus={() => onActive(n.highlight.id)}
              onBlur={() => onActive(null)}
            />
          </div>
        );
      })}
    </aside>
  );
}

/** The side panel: every highlight and note in reading order, filtered by colour and searched. */
export function NotesPanel({
  highlights,
  quoteOf,
  focusId,
  onGo,
  onSave,
  onDelete,
  onClose,
}: {
  highlights: readonly Highlight[];
  /** The quote as shown in the current script (the stored quote for orphaned highlights). */
  quoteOf(h: Highlight): string;
  focusId: string | null;
  onGo(h: Highlight): void;
  onSave(id: string, note: string): void;
  onDelete(h: Highlight): void;
  onClose(): void;
}) {
  const { t } = useI18n();
  const [color, setColor] = useState<HighlightColor | 'all'>('all');
  const [query, setQuery] = useState('');
  // Search in any script: the highlights' texts and the query are folded to one script in main
  // (腾讯 finds 騰訊); until the folded forms arrive, plain matching stands in.
  const [folded, setFolded] = useState<{ keys: Map<string, string>; query: string } | null>(null);
  useEffect(() => {
    const q = query.trim();
    if (q === '') {
      setFolded(null);
      return;
    }
    let live = true;
    const texts = highlights.map((h) => [quoteOf(h), h.exact, h.note].join('\n'));
    const timer = window.setTimeout(() => {
      void api()
        .foldForSearch([q, ...texts])
        .then((r) => {
          if (!live || !r.ok) return;
          const [fq = '', ...keys] = r.value;
          setFolded({ query: fq, keys: new Map(highlights.map((h, i) => [h.id, keys[i] ?? ''])) });
        });
    }, 120);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [query, highlights, quoteOf]);
  const q = query.trim().toLowerCase();
  const matches = (h: Highlight) =>
    (color === 'all' || h.color === color) &&
    (q === '' ||
      [quoteOf(h), h.exact, h.note].some((s) => s.toLowerCase().includes(q)) ||
      (folded?.keys.get(h.id)?.includes(folded.query) ?? false));
  const placed = highlights.filter((h) => !h.orphaned && matches(h));
  const orphaned = highlights.filter((h) => h.orphaned && matches(h));

  const item = (h: Highlight) => (
    <li key={h.id} className={`panel-item hl-border-${h.color}`} data-testid="panel-item">
      <button
        type="button"
        className="panel-quote"
        disabled={h.orphaned}
        onClick={() => onGo(h)}
        aria-label={t('notes.goTo', { quote: short(quoteOf(h)) })}
      >
        <span className={`dot hl-swatch-${h.color}`} aria-hidden="true" />
        {quoteOf(h)}
      </button>
      <NoteEditor
        highlight={h}
        label={t('hl.note', { quote: short(quoteOf(h)) })}
        autoFocus={focusId === h.id}
        onSave={onSave}
      />
      <button type="button" className="icon-button" onClick={() => onDelete(h)} aria-label={t('hl.delete')}>
        ×
      </button>
    </li>
  );

  return (
    <aside className="notes-panel" aria-label={t('notes.title')} data-testid="notes-panel">
      <header className="panel-header">
        <h2>{t('notes.title')}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('hl.close')}>
          ×
        </button>
      </header>
      <div className="panel-controls">
        <input
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-label={t('notes.search')}
          placeholder={t('notes.search')}
          onKeyDown={(e) => e.stopPropagation()}
        />
        <div role="radiogroup" aria-label={t('notes.filter')} className="color-filter">
          <button
            type="button"
            role="radio"
            aria-checked={color === 'all'}
            className="tool"
            onClick={() => setColor('all')}
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
              onClick={() => setColor(c)}
            />
          ))}
        </div>
        <p className="muted">{t('notes.count', { count: highlights.length })}</p>
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
