import { TextSelection } from 'prosemirror-state';
import { type RefObject, useCallback, useEffect, useMemo, useState } from 'react';
import type { Highlight, HighlightColor } from '../../preload/contract/types';
import { type DecorationUpdate, setDecorations } from '../reader/decorations';
import { highlightsAt, layoutHighlights } from '../reader/highlights';
import { scrollToPlace } from '../reader/reading-position';
import type { DocRange } from '../reader/layout';
import { isLive, type ViewHandle } from '../reader/view-handle';
import type { AnnotationSnapshot, AnnotationStore } from './annotation-store';
import type { PlacedNote } from './margin-notes';
import type { Anchor } from './popovers';

/** A selection in the text: document positions, where its popover goes, and (side by side) its counterpart. */
export interface TextSelectionState {
  from: number;
  to: number;
  anchor: Anchor;
  counterpart: DocRange | null;
}

interface Options {
  store: AnnotationStore;
  annotations: AnnotationSnapshot;
  handle: ViewHandle | null;
  pageRef: RefObject<HTMLElement | null>;
  scrollRef: RefObject<HTMLElement | null>;
  /** Changes whenever the text reflows (font size, width): margin notes are measured again. */
  reflow: string;
  /** Where the conversion changed words, when they are marked. */
  wordChanges: readonly DocRange[];
  /** A quote was copied, or could not be. */
  onCopied(ok: boolean): void;
}

/**
 * Changes what is drawn, keeping the reader's selection. A redraw writes ProseMirror's selection
 * back into the DOM, and a selection just made (the DOM's) may not have reached ProseMirror yet:
 * it is taken over first, or the redraw would undo it.
 */
function draw(handle: ViewHandle, update: DecorationUpdate) {
  const { view } = handle;
  let tr = view.state.tr;
  const dom = window.getSelection();
  if (dom?.anchorNode && dom.focusNode && view.dom.contains(dom.anchorNode) && view.dom.contains(dom.focusNode)) {
    const anchor = view.posAtDOM(dom.anchorNode, dom.anchorOffset);
    const head = view.posAtDOM(dom.focusNode, dom.focusOffset);
    if (anchor !== tr.selection.anchor || head !== tr.selection.head) {
      tr = tr.setSelection(TextSelection.create(tr.doc, anchor, head));
    }
  }
  view.dispatch(setDecorations(tr, update));
}

/** The same tops for the same notes. */
const sameTops = (a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>) =>
  a.size === b.size && [...b].every(([id, top]) => a.get(id) === top);

// A note keeps its object while its highlight, quote and place stay: margin notes are memoised by it.
const placedNotes = new WeakMap<Highlight, PlacedNote>();
function placedNote(highlight: Highlight, quote: string, top: number): PlacedNote {
  const old = placedNotes.get(highlight);
  if (old && old.quote === quote && old.top === top) return old;
  const note = { highlight, quote, top };
  placedNotes.set(highlight, note);
  return note;
}

const anchorOf = (r: { top: number; left: number; bottom: number }): Anchor => ({
  top: r.top,
  left: r.left,
  bottom: r.bottom,
});

/**
 * The reader's side of annotations: what the store holds, drawn on the view on screen (through
 * the decoration plugins), and what the reader is doing with it: the selection, the highlight
 * whose tools are open, the one under the pointer, the note to focus, where margin notes go.
 */
/** Whether any highlight shows a margin note (one with a note, or the one being written). */
function notesWanted(shown: readonly { highlight: Highlight }[], focusNote: string | null): boolean {
  return shown.some((s) => s.highlight.note !== '' || s.highlight.id === focusNote);
}

export function useAnnotationView({
  store,
  annotations,
  handle,
  pageRef,
  scrollRef,
  reflow,
  wordChanges,
  onCopied,
}: Options) {
  const [selection, setSelection] = useState<TextSelectionState | null>(null);
  /** The highlight whose popover is open. */
  const [active, setActive] = useState<{ id: string; anchor: Anchor } | null>(null);
  /** The highlight under the pointer or whose note has focus: drawn emphasised. */
  const [hovered, setHovered] = useState<string | null>(null);
  /** The note to focus once it is on screen (a new note, or "edit note"). */
  const [focusNote, setFocusNote] = useState<string | null>(null);
  const [noteTops, setNoteTops] = useState<ReadonlyMap<string, number>>(new Map());
  const layout = handle?.layout ?? null;

  const shown = useMemo(
    () => (layout ? layoutHighlights(annotations.highlights, layout) : []),
    [annotations.highlights, layout],
  );

  /** The quote of a highlight as shown in the current script. */
  const quoteOf = useCallback(
    (h: Highlight): string => (!layout || h.orphaned ? h.exact : layout.shownText(h)),
    [layout],
  );
  useEffect(() => store.setQuoteOf(quoteOf), [store, quoteOf]);

  // What is drawn follows the store and the reader's doing, by transactions on the view.
  useEffect(() => {
    if (isLive(handle)) draw(handle, { highlights: shown });
  }, [handle, shown]);
  const emphasised = hovered ?? active?.id ?? null;
  const counterpart = selection?.counterpart ?? null;
  useEffect(() => {
    if (isLive(handle)) draw(handle, { emphasised, counterpart, wordChanges });
  }, [handle, emphasised, counterpart, wordChanges]);

  // Margin notes sit level with their highlights: measured once the text is laid out (next frame),
  // and again whenever the text changes height: blocks far from the screen stand at an estimated
  // height until they come near (content-visibility), so text moves as the reader scrolls to it.
  const [resized, setResized] = useState(0);
  const measuring = notesWanted(shown, focusNote);
  useEffect(() => {
    if (!isLive(handle) || !measuring) return;
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setResized((n) => n + 1));
    });
    observer.observe(handle.view.dom);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [handle, measuring]);
  // Only highlights with a note are measured, and only when those (or the layout) change: adding
  // a highlight without a note, or recolouring one, measures nothing (with hundreds of notes each
  // measurement is a layout query). The key is a string so that an equal list is the same key.
  const notedKey = useMemo(
    () =>
      JSON.stringify(
        shown
          .filter((s) => s.highlight.note !== '' || s.highlight.id === focusNote)
          .map((s): [string, number] => [s.highlight.id, s.from]),
      ),
    [shown, focusNote],
  );
  useEffect(() => {
    const page = pageRef.current;
    if (!isLive(handle) || !page) return;
    const noted = JSON.parse(notedKey) as [string, number][];
    const frame = requestAnimationFrame(() => {
      if (handle.view.isDestroyed) return;
      const base = page.getBoundingClientRect().top;
      const tops = new Map<string, number>();
      for (const [id, from] of noted) {
        if (tops.has(id)) continue;
        try {
          tops.set(id, handle.view.coordsAtPos(from).top - base);
        } catch {
          // A position the view cannot measure (not laid out yet): skip it this time.
        }
      }
      setNoteTops((old) => (sameTops(old, tops) ? old : tops));
    });
    return () => cancelAnimationFrame(frame);
  }, [handle, notedKey, pageRef, reflow, resized]);

  const notes: PlacedNote[] = useMemo(() => {
    const out: PlacedNote[] = [];
    const seen = new Set<string>();
    for (const { highlight } of shown) {
      const top = noteTops.get(highlight.id);
      if (top === undefined || seen.has(highlight.id)) continue;
      seen.add(highlight.id);
      out.push(placedNote(highlight, quoteOf(highlight), top));
    }
    return out;
  }, [shown, noteTops, quoteOf]);

  /** Reads the DOM selection inside the article as document positions. */
  const readSelection = useCallback(() => {
    const sel = window.getSelection();
    if (!isLive(handle) || !sel || sel.isCollapsed || sel.rangeCount === 0) return setSelection(null);
    const { view } = handle;
    const range = sel.getRangeAt(0);
    if (!view.dom.contains(range.startContainer) || !view.dom.contains(range.endContainer)) return setSelection(null);
    const from = view.posAtDOM(range.startContainer, range.startOffset);
    const to = view.posAtDOM(range.endContainer, range.endOffset);
    // Side by side, a selection stays within one column.
    if (to <= from || handle.layout.toSource(from, to) === null) return setSelection(null);
    setActive(null);
    setSelection({
      from,
      to,
      anchor: anchorOf(range.getBoundingClientRect()),
      counterpart: handle.layout.counterpart(from, to),
    });
  }, [handle]);

  const clearSelection = useCallback(() => setSelection(null), []);

  /**
   * Drops the selection (highlighted, or Esc). ProseMirror draws the DOM selection from its own
   * state, so the state's selection is collapsed too, or the next redraw would bring it back.
   */
  const dropSelection = useCallback(() => {
    setSelection(null);
    window.getSelection()?.removeAllRanges();
    if (!isLive(handle)) return;
    const { view } = handle;
    const { to } = view.state.selection;
    if (!view.state.selection.empty)
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, to)));
  }, [handle]);

  /** A click on a highlight (and not the end of a drag) opens its popover. */
  const clickAt = useCallback(
    (event: MouseEvent) => {
      const sel = window.getSelection();
      if (!isLive(handle) || (sel && !sel.isCollapsed)) return;
      const hit = handle.view.posAtCoords({ left: event.clientX, top: event.clientY });
      // The right half of a highlight's last character is the position after it: the span clicked tells.
      const clicked =
        event.target instanceof Element ? event.target.closest('[data-hl]')?.getAttribute('data-hl') : null;
      const target =
        (hit ? highlightsAt(shown, hit.pos)[0] : undefined) ?? shown.find((s) => s.highlight.id === clicked);
      if (!target) return setActive(null);
      setActive({ id: target.highlight.id, anchor: anchorOf((event.target as Element).getBoundingClientRect()) });
    },
    [handle, shown],
  );

  /** Highlights the selection; returns the new highlight. */
  const create = useCallback(
    async (color: HighlightColor, withNote = false): Promise<Highlight | null> => {
      if (!selection || !layout) return null;
      const source = layout.toSource(selection.from, selection.to);
      dropSelection();
      if (!source || source.end <= source.start) return null;
      const created = await store.create(source, color);
      if (created && withNote) setFocusNote(created.id);
      return created;
    },
    [dropSelection, layout, selection, store],
  );

  /** Copies a highlight's quote as shown; says whether it worked. */
  const copy = useCallback(
    (id: string) => {
      const h = store.get(id);
      setActive(null);
      if (!h) return;
      navigator.clipboard.writeText(quoteOf(h)).then(
        () => onCopied(true),
        () => onCopied(false),
      );
    },
    [onCopied, quoteOf, store],
  );

  /** Scrolls a highlight into view and opens its tools. */
  const goTo = useCallback(
    (id: string) => {
      const target = shown.find((s) => s.highlight.id === id);
      const scroller = scrollRef.current;
      if (!target || !isLive(handle) || !scroller) return;
      const { view } = handle;
      scrollToPlace(scroller, view, target.from, scroller.clientHeight / 3);
      setActive({ id, anchor: anchorOf(view.coordsAtPos(target.from)) });
    },
    [handle, scrollRef, shown],
  );

  return {
    shown,
    notes,
    quoteOf,
    selection,
    readSelection,
    clearSelection,
    dropSelection,
    active,
    activeHighlight: active ? (annotations.highlights.find((h) => h.id === active.id) ?? null) : null,
    setActive,
    hovered,
    setHovered,
    focusNote,
    setFocusNote,
    clickAt,
    create,
    copy,
    goTo,
  };
}
