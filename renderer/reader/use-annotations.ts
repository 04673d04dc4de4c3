import { Decoration, type EditorView } from 'prosemirror-view';
import { type RefObject, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Highlight, HighlightColor } from '../../preload/contract/types';
import { api, CallError, unwrap } from '../api';
import type { Anchor, PlacedNote } from './annotation-ui';
import { HighlightLayer, highlightsAt, layoutHighlights, type ShownHighlight } from './highlights';
import type { DocRange, TextLayout } from './layout';

interface Options {
  articleId: number;
  layout: TextLayout | null;
  viewRef: RefObject<EditorView | null>;
  pageRef: RefObject<HTMLElement | null>;
  /** Changes whenever the view is rebuilt or the text reflows (font size, width). */
  reflow: unknown;
  /** Extra decorations drawn over the text (the places a conversion changed words). */
  marks?: readonly Decoration[];
  /** Changes when the article's text was replaced: the highlights are loaded again (re-anchored). */
  version: number;
  onError(error: CallError): void;
}

const UNDO_MS = 8000;

/**
 * Highlights and notes of the article in the reader: loading, drawing them as decorations on
 * whatever script is on screen, the selection and the highlight being acted on, and every change
 * (create, recolour, note, delete with undo).
 */
export function useAnnotations({ articleId, layout, viewRef, pageRef, reflow, marks, version, onError }: Options) {
  const [highlights, setHighlights] = useState<Highlight[]>([]);
  /** The selection, when there is one: document positions and where to put the popover. */
  const [selection, setSelection] = useState<{ from: number; to: number; anchor: Anchor } | null>(null);
  /** Side by side: the same words as the selection, in the other column. */
  const [counterpart, setCounterpart] = useState<DocRange | null>(null);
  /** The highlight whose popover is open. */
  const [active, setActive] = useState<{ id: string; anchor: Anchor } | null>(null);
  /** The highlight under the pointer or whose note has focus: drawn emphasised, with its note. */
  const [hovered, setHovered] = useState<string | null>(null);
  /** The note to focus once it is on screen (a new note, or "edit note"). */
  const [focusNote, setFocusNote] = useState<string | null>(null);
  const [undo, setUndo] = useState<Highlight | null>(null);
  const [noteTops, setNoteTops] = useState<Map<string, number>>(new Map());
  const lastColor = useRef<HighlightColor>('yellow');
  const undoTimer = useRef<number | undefined>(undefined);

  const fail = useCallback(
    (e: unknown) => onError(e instanceof CallError ? e : new CallError({ code: 'internal', detail: String(e) })),
    [onError],
  );

  useEffect(() => {
    let live = true;
    void api()
      .listHighlights(articleId)
      .then((r) => {
        if (!live) return;
        try {
          setHighlights(unwrap(r));
        } catch (e) {
          fail(e);
        }
      });
    return () => {
      live = false;
    };
  }, [articleId, version, fail]);

  const shown: ShownHighlight[] = useMemo(
    () => (layout ? layoutHighlights(highlights, layout) : []),
    [highlights, layout],
  );

  // Draw the highlights on the view (after it is built: this effect comes after the view's),
  // changing only what changed.
  const layer = useRef(new HighlightLayer());
  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    const doc = view.state.doc;
    layer.current.update(doc, shown);
    const extra = [...(marks ?? [])];
    if (counterpart) extra.push(Decoration.inline(counterpart.from, counterpart.to, { class: 'dz-counterpart' }));
    const set = layer.current.withOverlay(doc, hovered ?? active?.id ?? null, extra);
    view.setProps({ decorations: () => set });
  }, [shown, hovered, active, viewRef, reflow, counterpart, marks]);

  /** The quote of a highlight as shown in the current script. */
  const quoteOf = useCallback(
    (h: Highlight): string => {
      if (!layout || h.orphaned) return h.exact;
      return layout.shownText(h);
    },
    [layout],
  );

  // Margin notes sit level with their highlights: measure where each highlight starts.
  useEffect(() => {
    const view = viewRef.current;
    const page = pageRef.current;
    if (!view || !page) return;
    const base = page.getBoundingClientRect().top;
    const tops = new Map<string, number>();
    for (const s of shown) {
      if (s.highlight.note === '' && s.highlight.id !== focusNote) continue;
      try {
        tops.set(s.highlight.id, view.coordsAtPos(s.from).top - base);
      } catch {
        // A position the view cannot measure (not laid out yet): skip it this time.
      }
    }
    setNoteTops(tops);
  }, [shown, focusNote, viewRef, pageRef, reflow]);

  const notes: PlacedNote[] = useMemo(
    () =>
      shown
        .filter((s) => noteTops.has(s.highlight.id))
        .map((s) => ({ highlight: s.highlight, quote: quoteOf(s.highlight), top: noteTops.get(s.highlight.id) ?? 0 })),
    [shown, noteTops, quoteOf],
  );

  /** Reads the DOM selection inside the article as document positions. */
  const readSelection = useCallback(() => {
    const view = viewRef.current;
    const sel = window.getSelection();
    if (!view || !sel || sel.isCollapsed || sel.rangeCount === 0) {
      setSelection(null);
      return;
    }
    const range = sel.getRangeAt(0);
    if (!view.dom.contains(range.startContainer) || !view.dom.contains(range.endContainer)) {
      setSelection(null);
      return;
    }
    const from = view.posAtDOM(range.startContainer, range.startOffset);
    const to = view.posAtDOM(range.endContainer, range.endOffset);
    // Side by side, a selection stays within one column.
    if (to <= from || !layout || layout.toSource(from, to) === null) {
      setSelection(null);
      return;
    }
    const rect = range.getBoundingClientRect();
    setActive(null);
    setSelection({ from, to, anchor: { top: rect.top, left: rect.left, bottom: rect.bottom } });
    setCounterpart(layout.counterpart(from, to));
  }, [viewRef, layout]);

  // The counterpart goes with the selection.
  useEffect(() => {
    if (!selection) setCounterpart(null);
  }, [selection]);

  /** A click on a highlight (and not the end of a drag) opens its popover. */
  const clickAt = useCallback(
    (event: MouseEvent) => {
      const view = viewRef.current;
      const sel = window.getSelection();
      if (!view || (sel && !sel.isCollapsed)) return;
      const hit = view.posAtCoords({ left: event.clientX, top: event.clientY });
      const target = hit ? highlightsAt(shown, hit.pos)[0] : undefined;
      if (!target) {
        setActive(null);
        return;
      }
      const rect = (event.target as Element).getBoundingClientRect();
      setActive({ id: target.highlight.id, anchor: { top: rect.top, left: rect.left, bottom: rect.bottom } });
    },
    [shown, viewRef],
  );

  const create = useCallback(
    async (color: HighlightColor, withNote = false) => {
      if (!selection || !layout) return;
      const source = layout.toSource(selection.from, selection.to);
      setSelection(null);
      window.getSelection()?.removeAllRanges();
      if (!source || source.end <= source.start) return;
      lastColor.current = color;
      try {
        const created = unwrap(await api().createHighlight({ articleId, start: source.start, end: source.end, color }));
        setHighlights((hs) => [...hs, created]);
        if (withNote) setFocusNote(created.id);
      } catch (e) {
        fail(e);
      }
    },
    [articleId, fail, layout, selection],
  );

  const replace = (next: Highlight) => setHighlights((hs) => hs.map((h) => (h.id === next.id ? next : h)));

  const recolor = useCallback(
    async (id: string, color: HighlightColor) => {
      lastColor.current = color;
      try {
        replace(unwrap(await api().updateHighlight({ id, color })));
      } catch (e) {
        fail(e);
      }
    },
    [fail],
  );

  const saveNote = useCallback(
    (id: string, note: string) => {
      void api()
        .updateHighlight({ id, note })
        .then((r) => {
          try {
            const updated = unwrap(r);
            // Keep what is being typed: only the stored fields come back.
            setHighlights((hs) =>
              hs.map((h) => (h.id === id ? { ...h, note: updated.note, updatedAt: updated.updatedAt } : h)),
            );
          } catch (e) {
            fail(e);
          }
        });
    },
    [fail],
  );

  const remove = useCallback(
    async (id: string) => {
      setActive(null);
      try {
        const deleted = unwrap(await api().deleteHighlight(id));
        setHighlights((hs) => hs.filter((h) => h.id !== id));
        window.clearTimeout(undoTimer.current);
        setUndo(deleted);
        undoTimer.current = window.setTimeout(() => setUndo(null), UNDO_MS);
      } catch (e) {
        fail(e);
      }
    },
    [fail],
  );

  const undoDelete = useCallback(async () => {
    if (!undo) return;
    window.clearTimeout(undoTimer.current);
    setUndo(null);
    try {
      const restored = unwrap(await api().restoreHighlight(undo));
      setHighlights((hs) => [...hs, restored]);
    } catch (e) {
      fail(e);
    }
  }, [fail, undo]);

  const copy = useCallback(
    async (id: string) => {
      const h = highlights.find((x) => x.id === id);
      if (h) await navigator.clipboard.writeText(quoteOf(h)).catch(() => undefined);
      setActive(null);
    },
    [highlights, quoteOf],
  );

  useEffect(() => () => window.clearTimeout(undoTimer.current), []);

  return {
    highlights,
    shown,
    notes,
    selection,
    setSelection,
    active,
    setActive,
    activeHighlight: active ? (highlights.find((h) => h.id === active.id) ?? null) : null,
    hovered,
    setHovered,
    focusNote,
    setFocusNote,
    undo,
    lastColor,
    quoteOf,
    readSelection,
    clickAt,
    create,
    recolor,
    saveNote,
    remove,
    undoDelete,
    copy,
  };
}
