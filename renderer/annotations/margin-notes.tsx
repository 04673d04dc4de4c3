import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Highlight } from '../../preload/contract/types';
import { useI18n } from '../i18n';
import { type NoteActions, NoteEditor } from './note-editor';
import type { NoteState } from './note-saves';
import { short } from './popovers';

/** One margin note, placed level with its highlight. */
export interface PlacedNote {
  highlight: Highlight;
  /** The quote as shown in the current script. */
  quote: string;
  top: number;
}

interface NoteProps {
  note: PlacedNote;
  /** Where the note stands: level with its highlight, or pushed down below the note above it. */
  top: number;
  active: boolean;
  autoFocus: boolean;
  state: NoteState;
  actions: NoteActions;
  onActive(id: string | null): void;
  /** Keeps the note's element (null: it went away), so that its height is measured. */
  register(id: string, el: HTMLDivElement | null): void;
}

/**
 * One note. Memoised: a change elsewhere (a highlight added, another note typed in) draws none of
 * the other notes again; with hundreds of notes that redraw was most of the cost of a change.
 */
const MarginNote = memo(function MarginNote({
  note: n,
  top,
  active,
  autoFocus,
  state,
  actions,
  onActive,
  register,
}: NoteProps) {
  const { t } = useI18n();
  const id = n.highlight.id;
  const ref = useCallback((el: HTMLDivElement | null) => register(id, el), [register, id]);
  return (
    <div
      ref={ref}
      className={`margin-note hl-border-${n.highlight.color}${active ? ' active' : ''}`}
      style={{ top }}
      data-hl-note={id}
      onMouseEnter={() => onActive(id)}
      onMouseLeave={() => onActive(null)}
    >
      {/* The link to the highlight: a line from the note back to the highlight's level. */}
      {top !== n.top && <span className="note-link" style={{ top: n.top - top }} aria-hidden="true" />}
      <NoteEditor
        highlight={n.highlight}
        label={t('hl.note', { quote: short(n.quote) })}
        autoFocus={autoFocus}
        state={state}
        actions={actions}
        onFocus={() => onActive(id)}
        onBlur={() => onActive(null)}
      />
    </div>
  );
});

interface MarginNotesProps {
  notes: readonly PlacedNote[];
  states: ReadonlyMap<string, NoteState>;
  focusId: string | null;
  activeId: string | null;
  actions: NoteActions;
  onActive(id: string | null): void;
}

/**
 * Notes in the margin beside their highlights. The tops come from the highlights; notes that
 * would overlap are pushed down, by heights measured whenever a note resizes (typing adds lines).
 */
/** Drawn again only when a note, its place or state, or what is active changes (the store's maps are new on every change). */
export const MarginNotes = memo(
  MarginNotesList,
  (a, b) =>
    a.notes.length === b.notes.length &&
    a.notes.every((n, i) => n === b.notes[i]) &&
    a.states.size === b.states.size &&
    [...b.states].every(([id, state]) => a.states.get(id) === state) &&
    a.focusId === b.focusId &&
    a.activeId === b.activeId &&
    a.actions === b.actions &&
    a.onActive === b.onActive,
);

function MarginNotesList({ notes, states, focusId, activeId, actions, onActive }: MarginNotesProps) {
  const { t } = useI18n();
  const refs = useRef(new Map<string, HTMLDivElement>());
  const [heights, setHeights] = useState<ReadonlyMap<string, number>>(new Map());
  const register = useCallback((id: string, el: HTMLDivElement | null) => {
    if (el) refs.current.set(id, el);
    else refs.current.delete(id);
  }, []);

  // The observer reports every note once when it starts observing, then on each resize. Notes
  // come and go by id: the same notes are not observed again.
  const ids = notes.map((n) => n.highlight.id).join('\n');
  useEffect(() => {
    const observer = new ResizeObserver(() => {
      const next = new Map<string, number>();
      for (const [id, el] of refs.current) next.set(id, el.offsetHeight);
      setHeights((old) => (old.size === next.size && [...next].every(([id, h]) => old.get(id) === h) ? old : next));
    });
    for (const el of refs.current.values()) observer.observe(el);
    return () => observer.disconnect();
  }, [ids]);

  const tops = useMemo(() => {
    const out = new Map<string, number>();
    let bottom = -Infinity;
    for (const n of [...notes].sort((a, b) => a.top - b.top)) {
      const top = Math.max(n.top, bottom + 8);
      out.set(n.highlight.id, top);
      bottom = top + (heights.get(n.highlight.id) ?? 60);
    }
    return out;
  }, [notes, heights]);

  return (
    <aside className="margin-notes" aria-label={t('notes.title')}>
      {notes.map((n) => (
        <MarginNote
          key={n.highlight.id}
          note={n}
          top={tops.get(n.highlight.id) ?? n.top}
          active={activeId === n.highlight.id}
          autoFocus={focusId === n.highlight.id}
          state={states.get(n.highlight.id) ?? 'saved'}
          actions={actions}
          onActive={onActive}
          register={register}
        />
      ))}
    </aside>
  );
}
