import { useEffect, useRef } from 'react';
import type { Highlight } from '../../preload/contract/types';
import { useI18n } from '../i18n';
import type { NoteState } from './note-saves';

/** What a note editor reports; the annotation store acts on it. */
export interface NoteActions {
  /** The reader typed: the store shows it at once and saves it debounced. */
  onEdit(id: string, text: string): void;
  /** Save now if not stored (blur, unmount). */
  onFlush(id: string): void;
}

/**
 * A note being edited in place. It shows the note as the store has it (what is typed included)
 * and reports every keystroke; the store saves. Leaving the field or the note going away saves at
 * once. A note whose save failed says so until a retry stores it.
 */
export function NoteEditor({
  highlight,
  label,
  autoFocus,
  state,
  actions,
  onFocus,
  onBlur,
}: {
  highlight: Highlight;
  label: string;
  autoFocus?: boolean;
  state: NoteState;
  actions: NoteActions;
  onFocus?(): void;
  onBlur?(): void;
}) {
  const { t } = useI18n();
  const area = useRef<HTMLTextAreaElement>(null);
  const { id } = highlight;
  const { onFlush } = actions;

  useEffect(() => {
    if (autoFocus) area.current?.focus({ preventScroll: true });
  }, [autoFocus]);

  // Going away (closing the panel, leaving the article) saves what was typed.
  useEffect(() => () => onFlush(id), [id, onFlush]);

  const text = highlight.note;
  return (
    <>
      <textarea
        ref={area}
        className="note-editor"
        aria-label={label}
        aria-invalid={state === 'failed' ? true : undefined}
        placeholder={t('hl.notePlaceholder')}
        value={text}
        rows={Math.min(8, Math.max(2, text.split('\n').length))}
        onChange={(e) => actions.onEdit(id, e.target.value)}
        onFocus={onFocus}
        onBlur={() => {
          onFlush(id);
          onBlur?.();
        }}
        onKeyDown={(e) => {
          // Keys typed here are text, not reader shortcuts; Esc leaves the note.
          e.stopPropagation();
          if (e.key === 'Escape') area.current?.blur();
        }}
        data-testid={`note-${id}`}
        data-save={state}
      />
      {state === 'failed' && (
        <p className="note-unsaved" role="alert">
          {t('hl.noteUnsaved')}
        </p>
      )}
    </>
  );
}
