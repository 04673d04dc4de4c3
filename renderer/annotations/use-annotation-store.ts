import { useEffect, useState, useSyncExternalStore } from 'react';
import type { AnnotationSnapshot, AnnotationStore } from './annotation-store';

/** The store's snapshot, re-rendering on every change. */
export function useAnnotationSnapshot(store: AnnotationStore): AnnotationSnapshot {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/**
 * One store per article for the life of the component: loaded on mount and again when `version`
 * changes (the text was replaced), and every note flushed when the window goes away or the
 * component does.
 */
export function useAnnotationStore(create: () => AnnotationStore, version: number): AnnotationStore {
  const [store] = useState(create);
  useEffect(() => {
    void store.load();
  }, [store, version]);
  useEffect(() => {
    // pagehide is the last event a closing window reliably gets; beforeunload covers reloads.
    const flush = () => void store.flushNotes();
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      void store.dispose();
    };
  }, [store]);
  return store;
}
