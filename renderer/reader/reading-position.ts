import { type RefObject, useCallback, useEffect, useRef } from 'react';
import { api } from '../api';
import type { ViewHandle } from './view-handle';

/** How long scrolling rests before the position is saved. */
const SAVE_DELAY_MS = 400;

/** Where the reader is: the source offset of the first visible character, and how far down (0–1). */
export function readingPosition(
  scroller: HTMLElement,
  { view, layout }: ViewHandle,
): { offset: number; progress: number } {
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
    return scroller && handle ? readingPosition(scroller, handle) : null;
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
