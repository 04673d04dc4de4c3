import { type RefObject, useLayoutEffect, useRef } from 'react';
import type { DisplayScript } from '../../preload/contract/scripts';
import type { HighlightColor } from '../../preload/contract/types';
import type { ShownHighlight } from './highlights';
import { caretToReadingPosition } from './caret';
import { READER_KEYS, type ReaderKeyContext, useKeyCommands } from './key-commands';
import { linkAtCaret } from './links';
import { scrollReader, scrollReaderTo } from './vertical';
import { isLive, type ViewHandle } from './view-handle';

const LINE_STEP = 64;

/** The reader as the keys see it: its state now and what it can do (reader-view gathers these). */
export interface ReaderKeyDeps {
  scrollRef: RefObject<HTMLElement | null>;
  handleRef: RefObject<ViewHandle | null>;
  hasSelection: boolean;
  /** The highlight whose tools are open. */
  activeId: string | null;
  canUndo: boolean;
  offered: readonly DisplayScript[];
  target(): DisplayScript;
  paired: boolean;
  panelOpen: boolean;
  hasContents: boolean;
  contentsOpen: boolean;
  /** The highlights on screen in reading order. */
  shown: readonly ShownHighlight[];
  undo(): void;
  highlight(color: HighlightColor | null, withNote: boolean): void;
  clearSelection(): void;
  closeTools(): void;
  /** Opens or closes the notes panel (closing it ends the writing of a note). */
  setPanelOpen(open: boolean): void;
  toggleContents(): void;
  closeContents(): void;
  openLink(href: string): void;
  toggleParallel(): void;
  toggleWordChanges(): void;
  back(): void;
  switchScript(script: DisplayScript, options: { firstScreen: boolean }): void;
  fontSize(delta: 1 | -1): void;
  goTo(id: string): void;
  showShortcuts(): void;
  /** Find in the article (find-bar.tsx). */
  openFind(): void;
  /** Focus mode (the text alone) is on. */
  focusMode: boolean;
  toggleFocus(): void;
  toggleFullScreen(): void;
  /** Corrects how the selected phrase converts (absent when the text on screen is not converted). */
  correct: (() => void) | undefined;
  /** Ruby, the dictionary and word steps (reading-aids.tsx). */
  aids: ReaderKeyContext['aids'];
}

/** The highlight after (1) or before (-1) document position `from`, in reading order, wrapping round. */
export function stepFrom(shown: readonly ShownHighlight[], from: number, step: 1 | -1, current: string | null) {
  const ordered = shown.filter((s, i) => shown.findIndex((o) => o.highlight.id === s.highlight.id) === i);
  if (ordered.length === 0) return null;
  const at = current === null ? -1 : ordered.findIndex((s) => s.highlight.id === current);
  if (at >= 0) return ordered[(at + step + ordered.length) % ordered.length] ?? null;
  if (step === 1) return ordered.find((s) => s.from >= from) ?? ordered[0] ?? null;
  return [...ordered].reverse().find((s) => s.from < from) ?? ordered[ordered.length - 1] ?? null;
}

/**
 * The reader's keys: one window listener (key-commands.ts) reading this context as it is when a
 * key is pressed. Scrolling by keys takes the caret along to the first visible line.
 */
export function useReaderKeys(d: ReaderKeyDeps) {
  const keys = useRef<ReaderKeyContext | null>(null);
  useLayoutEffect(() => {
    const { scrollRef, handleRef } = d;
    const caretToView = () => caretToReadingPosition(scrollRef.current, handleRef.current);
    keys.current = {
      hasSelection: d.hasSelection,
      hasTools: d.activeId !== null,
      canUndo: d.canUndo,
      canSwitch: d.offered.length > 1,
      undo: d.undo,
      highlight: d.highlight,
      clearSelection: d.clearSelection,
      closeTools: d.closeTools,
      togglePanel: () => d.setPanelOpen(!d.panelOpen),
      panelOpen: d.panelOpen,
      closePanel: () => d.setPanelOpen(false),
      stepHighlight: (step) => {
        const live = handleRef.current;
        const scroller = scrollRef.current;
        if (!isLive(live) || !scroller) return;
        caretToView();
        const next = stepFrom(d.shown, live.view.state.selection.from, step, d.activeId);
        if (next) d.goTo(next.highlight.id);
      },
      caretToView,
      showShortcuts: d.showShortcuts,
      hasContents: d.hasContents,
      contentsOpen: d.contentsOpen,
      toggleContents: d.toggleContents,
      closeContents: d.closeContents,
      caretLink: () => {
        const live = handleRef.current;
        return isLive(live) && live.view.hasFocus() ? linkAtCaret(live.view.state) : null;
      },
      openLink: d.openLink,
      toggleParallel: d.toggleParallel,
      toggleWordChanges: d.toggleWordChanges,
      back: d.back,
      scroll: ({ lines = 0, pages = 0 }) => {
        const scroller = scrollRef.current;
        if (!scroller) return;
        // Down the page, or across it in vertical writing (vertical.ts).
        scrollReader(scroller, lines * LINE_STEP, pages * 0.9);
        // The caret follows the reading position: it is on the first visible line after any scroll by keys.
        moveCaret(scroller, handleRef.current);
      },
      scrollToEnd: (end) => {
        const scroller = scrollRef.current;
        if (!scroller) return;
        scrollReaderTo(scroller, end);
        moveCaret(scroller, handleRef.current);
      },
      nextScript: (step) => {
        const { offered } = d;
        const at = offered.indexOf(d.target());
        const next = offered[(at + (step === 1 ? 1 : offered.length - 1)) % offered.length] ?? 'original';
        d.switchScript(next, { firstScreen: !d.paired });
      },
      fontSize: d.fontSize,
      openFind: d.openFind,
      focusMode: d.focusMode,
      toggleFocus: d.toggleFocus,
      toggleFullScreen: d.toggleFullScreen,
      correct: d.correct,
      aids: d.aids,
    };
  });
  useKeyCommands(READER_KEYS, keys);
}

/** After a scroll by keys: an empty selection goes to the first visible line (a selection being made stays). */
const moveCaret = (scroller: HTMLElement, handle: ViewHandle | null) => caretToReadingPosition(scroller, handle, true);
