import { useMemo } from 'react';
import type { AnnotationStore } from './annotation-store';
import type { NotesPanelActions } from './notes-panel';

/**
 * What the notes panel and the margin notes report, sent to the one annotation store. The margin's
 * depend on the store alone, so a margin note is drawn again only when its own note changes.
 */
export function useNoteActions(store: AnnotationStore, goTo: (id: string) => void, closePanel: () => void) {
  const panel: NotesPanelActions = useMemo(
    () => ({
      onEdit: (id, note) => store.editNote(id, note),
      onFlush: (id) => void store.flushNote(id),
      onColors: (colors) => store.setColors(colors),
      onQuery: (query) => store.setQuery(query),
      onGo: (h) => goTo(h.id),
      onDelete: (h) => void store.remove(h.id),
      onClose: closePanel,
    }),
    // goTo changes with what is on screen; the note callbacks only with the store.
    [store, goTo, closePanel],
  );
  const margin = useMemo(
    () => ({
      onEdit: (id: string, note: string) => store.editNote(id, note),
      onFlush: (id: string) => void store.flushNote(id),
    }),
    [store],
  );
  return { panel, margin };
}
