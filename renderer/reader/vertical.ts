import type { EditorView } from 'prosemirror-view';
import { type RefObject, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { WritingMode } from '../../preload/contract/reading-settings';
import { api } from '../api';
import type { ViewHandle } from './view-handle';

/**
 * Vertical writing (竖排): the scroller is set `vertical-rl` (styles in reading.css), so columns run
 * from right to left and the text scrolls across. The reading position is then the first column
 * visible from the right and is kept in scrollLeft (0 at the start, negative further on, as the
 * browser counts it in a right-to-left block direction), never scrollTop.
 */

/** Whether a scroller shows its text in vertical columns. */
export const isVertical = (scroller: HTMLElement): boolean => scroller.dataset.writing === 'vertical';

/** Where the reader is in vertical columns: the first character of the first column from the right. */
export function verticalPosition(
  scroller: HTMLElement,
  { view, layout }: ViewHandle,
): { offset: number; progress: number } {
  const box = scroller.getBoundingClientRect();
  const max = scroller.scrollWidth - scroller.clientWidth;
  const progress = max <= 0 ? 1 : Math.min(1, Math.max(0, -scroller.scrollLeft / max));
  for (const child of Array.from(view.dom.children)) {
    const rect = child.getBoundingClientRect();
    if (rect.left >= box.right - 4) continue;
    const hit = view.posAtCoords({ left: Math.min(rect.right, box.right) - 8, top: Math.max(rect.top, box.top) + 8 });
    const pos = hit ? hit.pos : view.posAtDOM(child, 0);
    return { offset: layout.sourceAt(pos), progress };
  }
  return { offset: layout.sourceLength, progress };
}

/** Scrolls across so that the column holding `pos` stands `fromStart` px left of the right edge. */
export function scrollToColumn(scroller: HTMLElement, view: EditorView, pos: number, fromStart: number): void {
  const right = scroller.getBoundingClientRect().right;
  scroller.scrollLeft += view.coordsAtPos(pos).right - (right - Math.min(fromStart, scroller.clientWidth / 3));
}

/** Scrolls the reader on: down in lines, across (leftwards) in columns. */
export function scrollReader(scroller: HTMLElement, by: number, page: number): void {
  if (isVertical(scroller)) scroller.scrollBy({ left: -(by + page * scroller.clientWidth) });
  else scroller.scrollBy({ top: by + page * scroller.clientHeight });
}

/** To the start or the end of the article, in either writing mode. */
export function scrollReaderTo(scroller: HTMLElement, end: 'start' | 'end'): void {
  if (isVertical(scroller)) scroller.scrollLeft = end === 'start' ? 0 : -scroller.scrollWidth;
  else scroller.scrollTop = end === 'start' ? 0 : scroller.scrollHeight;
}

/**
 * The writing mode of an article: the reader's choice for it (stored in main), else the default
 * from settings. Switching keeps the reader on the same words (`show` brings them back).
 */
export function useWritingMode({
  articleId,
  fallback,
  scrollRef,
  where,
  show,
}: {
  articleId: number;
  fallback: WritingMode;
  scrollRef: RefObject<HTMLElement | null>;
  /** Where the reader is now (source offset), read before the mode changes. */
  where(): number | undefined;
  /** Brings a source offset back to the start of the screen, after the mode changed. */
  show(offset: number): void;
}) {
  const [chosen, setChosen] = useState<WritingMode | null | undefined>(undefined);
  const mode = chosen ?? fallback;
  const keep = useRef<number | undefined>(undefined);
  const whereRef = useRef(where);
  useLayoutEffect(() => {
    whereRef.current = where;
  });

  useEffect(() => {
    let live = true;
    void api()
      .getWritingMode(articleId)
      .then((r) => {
        if (!live || !r.ok) return;
        keep.current = whereRef.current();
        setChosen(r.value);
      });
    return () => {
      live = false;
    };
  }, [articleId]);

  // After the mode changed on screen, the words the reader was on come back to the start.
  const shown = useRef(mode);
  useLayoutEffect(() => {
    if (shown.current === mode) return;
    shown.current = mode;
    if (keep.current !== undefined) show(keep.current);
    keep.current = undefined;
  }, [mode, show]);

  // In vertical columns the wheel turns across, as a page would.
  useEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller || mode !== 'vertical') return;
    const onWheel = (e: WheelEvent) => {
      if (e.ctrlKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) return;
      e.preventDefault();
      scroller.scrollBy({ left: -e.deltaY });
    };
    scroller.addEventListener('wheel', onWheel, { passive: false });
    return () => scroller.removeEventListener('wheel', onWheel);
  }, [scrollRef, mode]);

  /** Sets this article's mode (null: back to the default). */
  const choose = useCallback(
    (next: WritingMode | null) => {
      keep.current = whereRef.current();
      setChosen(next);
      void api().setWritingMode(articleId, next);
    },
    [articleId],
  );
  return { mode, chosen: chosen ?? null, choose };
}
