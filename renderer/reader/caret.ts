import { TextSelection } from 'prosemirror-state';
import { readingPosition } from './reading-position';
import { isLive, type ViewHandle } from './view-handle';

/** Whether document position `pos` is on screen in `scroller` (its line, top to bottom). */
export function isOnScreen(scroller: HTMLElement, handle: ViewHandle, pos: number): boolean {
  try {
    const at = handle.view.coordsAtPos(pos);
    const box = scroller.getBoundingClientRect();
    return at.bottom > box.top && at.top < box.bottom;
  } catch {
    return false;
  }
}

/**
 * Puts the caret at the reading position (the first visible line), unless a selection is being
 * made or the caret is already on screen: Shift+arrows then select where the reader is, not where
 * the caret was left screens ago. `always`: even when the caret is on screen (after a scroll by keys).
 */
export function caretToReadingPosition(scroller: HTMLElement | null, handle: ViewHandle | null, always = false): void {
  if (!scroller || !isLive(handle)) return;
  const { view, layout } = handle;
  const { selection } = view.state;
  if (!selection.empty || (!always && isOnScreen(scroller, handle, selection.head))) return;
  const pos = Math.min(layout.posOf(readingPosition(scroller, handle).offset), view.state.doc.content.size);
  view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(pos))));
}

/** Puts the caret at `pos` and the focus in the text, without scrolling (after a popover closes). */
export function caretTo(handle: ViewHandle | null, pos: number): void {
  if (!isLive(handle)) return;
  const { view } = handle;
  view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(pos))));
  view.focus();
}
