import { useEffect, useMemo, useRef, useState } from 'react';
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

/**
 * Notes in the margin beside their highlights. The tops come from the highlights; notes that
 * would overlap are pushed down, by heights measured whenever a note resizes (typing adds lines).
 */
export function MarginNotes({
  notes,
  states,
  focusId,
  activeId,
  actions,
  onActive,
}: {
  notes: readonly PlacedNote[];
  states: ReadonlyMap<string, NoteState>;
  focusId: string | null;
  activeId: string | null;
  actions: NoteActions;
  onActive(id: string | null): void;
}) {
  const { t } = useI18n();
  const refs = useRef(new Map<string, HTMLDivElement>());
  const [heights, setHeights] = useState<ReadonlyMap<string, number>>(new Map());

  // The observer reports every note once when it starts observing, then on each resize.
  useEffect(() => {
    const observer = new ResizeObserver(() => {
      const next = new Map<string, number>();
      for (const [id, el] of refs.current) next.set(id, el.offsetHeight);
      setHeights((old) => (old.size === next.size && [...next].every(([id, h]) => old.get(id) === h) ? old : next));
    });
    for (const el of refs.current.values()) observer.observe(el);
    return () => observer.disconnect();
  }, [notes]);

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
              state={states.get(n.highlight.id) ?? 'saved'}
              actions={actions}
              onFocus={() => onActive(n.highlight.id)}
              onBlur={() => onActive(null)}
            />
          </div>
        );
      })}
    </aside>
  );
}
