import type { EditorView } from 'prosemirror-view';
import { type RefObject, useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import { api } from '../api';
import { isVertical, scrollReaderTo, scrollToColumn, verticalPosition } from './vertical';
import { isLive, type ViewHandle } from './view-handle';

/** How long scrolling rests before the position is saved. */
const SAVE_DELAY_MS = 400;

/** Where the reader is: the source offset of the first visible character, and how far down (0–1). */
export function readingPosition(
  scroller: HTMLElement,
  { view, layout }: ViewHandle,
): { offset: number; progress: number } {
  if (isVertical(scroller)) return verticalPosition(scroller, { view, layout });
  const top = scroller.getBoundingClientRect().top;
  const max = scroller.scrollHeight - scroller.clientHeight;
  const progress = max <= 0 ? 1 : Math.min(1, Math.max(0, scroller.scrollTop / max));
  for (const child of Array.from(view.dom.children)) {
    const rect = child.getBoundingClientRect();
    if (rect.bottom <= top + 4) continue;
    const hit = view.posAtCoords({ left: rect.left + 4, top: Math.max(rect.top, top) + 8 });
    const pos = hit ? hit.pos : view.posAtDOM(child, 0);
    return { offset: layout.sourceAt(pos), progress };
  }
  return { offset: layout.sourceLength, progress };
}

/**
 * Scrolls `scroller` so that document position `pos` stands `fromTop` px below its top edge.
 * Blocks far from the screen are not laid out (content-visibility, styles.css) and stand at an
 * estimated height until they come near; when those just above the place shown are laid out in
 * the next frames and change height, the browser's scroll anchoring keeps the text under the
 * reader where it was (checked by the big-article and reading-position specs).
 */
export function scrollToPlace(scroller: HTMLElement, view: EditorView, pos: number, fromTop: number): void {
  if (isVertical(scroller)) return scrollToColumn(scroller, view, pos, fromTop);
  scroller.scrollTop += view.coordsAtPos(pos).top - scroller.getBoundingClientRect().top - fromTop;
}

/** Brings source offset `offset` to the top of `scroller` (the top of the page for 0). */
export function showAtTop(scroller: HTMLElement, { view, layout }: ViewHandle, offset: number): void {
  if (offset > 0) scrollToPlace(scroller, view, layout.posOf(offset), 8);
  else scrollReaderTo(scroller, 'start');
}

/**
 * The reading position of an article: read from the view on demand, saved a little after
 * scrolling stops and at once when leaving (whatever the way out).
 */
export function useReadingPosition(
  articleId: number,
  scrollRef: RefObject<HTMLElement | null>,
  handleRef: RefObject<ViewHandle | null>,
) {
  const timer = useRef<number | undefined>(undefined);

  const current = useCallback(() => {
    const scroller = scrollRef.current;
    const handle = handleRef.current;
    // A view hidden (behind a first screen while another script converts) has no position on screen.
    if (!scroller || !handle || handle.view.dom.getClientRects().length === 0) return null;
    return readingPosition(scroller, handle);
  }, [scrollRef, handleRef]);

  const save = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    const position = current();
    if (position) void api().saveReadingPosition({ id: articleId, ...position });
  }, [articleId, current]);

  useEffect(
    () => () => {
      if (timer.current !== undefined) save();
    },
    [save],
  );

  const onScroll = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(save, SAVE_DELAY_MS);
  }, [save]);

  return { current, save, onScroll };
}

/**
 * A new view shows the anchor (where the reader was, in source offsets) at the top, before it is
 * painted; the text takes the focus, unless it is in a panel beside it (the contents, the notes).
 */
export function useShowAnchor(
  scrollRef: RefObject<HTMLElement | null>,
  handle: ViewHandle | null,
  anchorRef: RefObject<number>,
): void {
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    if (!isLive(handle) || !scroller) return;
    showAtTop(scroller, handle, anchorRef.current);
    const focused = document.activeElement;
    if (!scroller.contains(focused) && !focused?.closest('.contents-panel, .notes-panel')) {
      scroller.focus({ preventScroll: true });
    }
  }, [handle, scrollRef, anchorRef]);
}
